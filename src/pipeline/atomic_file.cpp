// write_file_atomically (atomic_file.h): temp file + fsync + rename, POSIX.
// rename(2) within one directory is atomic: readers see the old file or the new one,
// never a half-written PDF, and a failed build leaves the previous PDF in place.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "pipeline/atomic_file.h"

namespace vitae {
namespace {

std::string errno_text(int e) { return std::strerror(e); }

/// The directory part of a path ("." when there is none), for messages.
std::string directory_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

/// A fresh name beside `path`: ".name.tmp-<16 hex digits>". Random rather than counted,
/// so parallel builds and processes need no shared state.
std::string temp_name(const std::string& path, std::random_device& rd) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto slash = path.find_last_of('/');
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string suffix;
  for (int i = 0; i < 4; ++i) {
    unsigned v = rd();
    for (int k = 0; k < 4; ++k, v >>= 4) suffix += kHex[v & 0xF];
  }
  return dir + "." + base + ".tmp-" + suffix;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

/// Opens a new temp file with O_EXCL, retrying on the (unlikely) name collision.
int open_temp(const std::string& path, std::string& temp) {
  std::random_device rd;
  for (int attempt = 0; attempt < 8; ++attempt) {
    temp = temp_name(path, rd);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

}  // namespace

bool write_file_atomically(const std::string& path, std::string_view bytes, std::string* error) {
  auto fail = [&](const std::string& what, int e) {
    if (error) *error = "cannot write " + path + ": " + what + ": " + errno_text(e);
    return false;
  };
  struct stat target {};
  if (::stat(path.c_str(), &target) == 0 && S_ISDIR(target.st_mode)) {
    if (error) *error = "cannot write " + path + ": it is a directory";
    return false;
  }
  std::string temp;
  const int fd = open_temp(path, temp);
  if (fd < 0) return fail("cannot create a temporary file in " + directory_of(path), errno);
  // Keep the permissions of a file we replace (it may have been made readable to others).
  if (target.st_mode != 0 && S_ISREG(target.st_mode)) ::fchmod(fd, target.st_mode & 07777);
  const bool written = write_all(fd, bytes) && ::fsync(fd) == 0;
  const int write_errno = errno;
  if (::close(fd) != 0 || !written) {
    const int e = written ? errno : write_errno;
    ::unlink(temp.c_str());
    return fail("write failed", e);
  }
  // The data is on disk before the name points to it (the fsync above), so after a crash
  // `path` holds the old file or the new one, complete. The directory is not fsync'ed:
  // that would only decide which of the two a crash leaves, for 0.2 ms of every build.
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int e = errno;
    ::unlink(temp.c_str());
    return fail("rename failed", e);
  }
  return true;
}

}  // namespace vitae

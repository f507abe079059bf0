// Tests of write_file_atomically: new file, replacement, and failures that must leave an
// existing file untouched and no temporary file behind.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pipeline/atomic_file.h"
#include "../support/files.h"

namespace vitae {
namespace {

using test_support::read_bytes;
using test_support::TempDir;
using test_support::write_bytes;
namespace fs = std::filesystem;

/// Names in `dir`, so a test can see that no temp file was left behind.
std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(AtomicWrite, CreatesANewFile) {
  TempDir d;
  std::string err;
  ASSERT_TRUE(write_file_atomically(d.file("out.pdf"), "%PDF-new", &err)) << err;
  EXPECT_EQ(read_bytes(d.file("out.pdf")), "%PDF-new");
  EXPECT_EQ(entries(d.path), std::vector<std::string>{"out.pdf"});
}

TEST(AtomicWrite, ReplacesAnExistingFileKeepingItsMode) {
  TempDir d;
  write_bytes(d.file("out.pdf"), "old contents, longer than the new ones");
  ::chmod(d.file("out.pdf").c_str(), 0640);
  std::string err;
  ASSERT_TRUE(write_file_atomically(d.file("out.pdf"), "new", &err)) << err;
  EXPECT_EQ(read_bytes(d.file("out.pdf")), "new");
  struct stat st {};
  ASSERT_EQ(::stat(d.file("out.pdf").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  EXPECT_EQ(entries(d.path), std::vector<std::string>{"out.pdf"});
}

TEST(AtomicWrite, TargetIsADirectory) {
  TempDir d;
  fs::create_directory(d.path / "out.pdf");
  write_bytes(d.file("out.pdf/keep"), "x");
  std::string err;
  EXPECT_FALSE(write_file_atomically(d.file("out.pdf"), "new", &err));
  EXPECT_THAT(err, ::testing::HasSubstr("out.pdf"));
  EXPECT_TRUE(fs::is_directory(d.path / "out.pdf"));
  EXPECT_EQ(read_bytes(d.file("out.pdf/keep")), "x");
  EXPECT_EQ(entries(d.path), std::vector<std::string>{"out.pdf"});
}

TEST(AtomicWrite, MissingDirectory) {
  TempDir d;
  std::string err;
  EXPECT_FALSE(write_file_atomically(d.file("no/such/dir/out.pdf"), "new", &err));
  EXPECT_THAT(err, ::testing::HasSubstr("No such file or directory"));
  EXPECT_TRUE(entries(d.path).empty());
}

TEST(AtomicWrite, UnwritableDirectoryLeavesTheOldFile) {
  // Root writes into read-only directories, so as root the write is made by a child that
  // has become nobody first; otherwise by the test itself.
  TempDir d;
  write_bytes(d.file("out.pdf"), "old");
  ::chmod(d.path.c_str(), 0555);
  bool failed = false;
  std::string err;
  if (::geteuid() == 0) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
      ::_exit(write_file_atomically(d.file("out.pdf"), "new", &err) ? 1 : 0);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_NE(WEXITSTATUS(status), 3) << "cannot become nobody";
    failed = WEXITSTATUS(status) == 0;
  } else {
    failed = !write_file_atomically(d.file("out.pdf"), "new", &err);
    EXPECT_NE(err.find("cannot write"), std::string::npos) << err;
  }
  ::chmod(d.path.c_str(), 0755);
  EXPECT_TRUE(failed);
  EXPECT_EQ(read_bytes(d.file("out.pdf")), "old");
  EXPECT_EQ(entries(d.path), std::vector<std::string>{"out.pdf"});
}

TEST(AtomicWrite, FailedWriteLeavesTheOldFileAndNoTempFile) {
  // A file size limit makes write(2) fail half-way (EFBIG), as a full disk would; this
  // works for root too. In a child process: the limit is process-wide.
  TempDir d;
  write_bytes(d.file("out.pdf"), "old");
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::signal(SIGXFSZ, SIG_IGN);
    rlimit lim{4096, 4096};
    ::setrlimit(RLIMIT_FSIZE, &lim);
    std::string err;
    const bool ok = write_file_atomically(d.file("out.pdf"), std::string(100000, 'n'), &err);
    ::_exit(ok ? 0 : (err.find("File too large") != std::string::npos ? 3 : 4));
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 3) << "the write must fail with EFBIG";
  EXPECT_EQ(read_bytes(d.file("out.pdf")), "old");
  EXPECT_EQ(entries(d.path), std::vector<std::string>{"out.pdf"});
}

}  // namespace
}  // namespace vitae

// `vitae watch`. See watch.h.
#include "pipeline/watch.h"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "pipeline/batch.h"

namespace vitae {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

/// How long the files must stay unchanged before a rebuild: an editor's save is often
/// several writes, or a write and a rename, within a few milliseconds.
constexpr auto kQuiet = std::chrono::milliseconds(50);

/// Every way a file in a watched folder can come to hold other bytes or vanish. Folders,
/// not files, are watched: an editor that saves by renaming a new file over the old one
/// would end a watch on the file itself.
constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO;

/// A file descriptor, closed at the end of its scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

/// SIGINT and SIGTERM, blocked while the watch runs and read from a signalfd instead of
/// caught by a handler: no global state, and a signal that comes during a build waits for
/// the build and its atomic write to finish, so no temporary file is left behind. The
/// threads the builds start inherit the mask. The old mask is restored at the end.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, &old_);
    fd_ = signalfd(-1, &set_, SFD_CLOEXEC | SFD_NONBLOCK);
  }
  ~StopSignals() {
    if (fd_ >= 0) close(fd_);
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  int fd() const { return fd_; }
  /// Takes the pending signal, so that restoring the mask does not deliver it again.
  void consume() const {
    signalfd_siginfo info;
    while (read(fd_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
    }
  }

 private:
  sigset_t set_{}, old_{};
  int fd_ = -1;
};

/// The files a change of which calls for a rebuild, each by its absolute path as named and
/// with symbolic links resolved (a change to either counts), and the inotify watches on
/// their folders.
class Watches {
 public:
  explicit Watches(int fd) : fd_(fd) {}

  void set_files(const std::set<std::string>& files) {
    files_.clear();
    std::set<std::string> dirs;
    for (const std::string& f : files)
      for (const std::string& p : forms(f)) {
        files_.insert(p);
        dirs.insert(fs::path(p).parent_path().string());
      }
    for (auto it = dirs_.begin(); it != dirs_.end();)  // folders no longer needed
      if (dirs.count(it->second) == 0) {
        inotify_rm_watch(fd_, it->first);
        it = dirs_.erase(it);
      } else {
        ++it;
      }
    for (const std::string& d : dirs) {
      int wd = inotify_add_watch(fd_, d.c_str(), kEvents);  // a folder that is gone: skipped
      if (wd >= 0) dirs_[wd] = d;
    }
  }

  /// The watched file `e` is about, or empty when it is about none.
  std::string file_of(const inotify_event& e) const {
    auto it = dirs_.find(e.wd);
    if (it == dirs_.end() || e.len == 0) return {};
    std::string path = (fs::path(it->second) / e.name).string();
    return files_.count(path) ? path : std::string();
  }
  void forget(int wd) { dirs_.erase(wd); }  // the folder was deleted (IN_IGNORED)

  /// The absolute forms of `path` that a change may come by.
  static std::set<std::string> forms(const std::string& path) {
    std::error_code ec;
    std::set<std::string> out;
    fs::path plain = fs::absolute(path, ec).lexically_normal();
    if (!ec) out.insert(plain.string());
    fs::path real = fs::weakly_canonical(path, ec);
    if (!ec) out.insert(real.string());
    return out;
  }

 private:
  int fd_;
  std::map<int, std::string> dirs_;  // watch descriptor -> folder
  std::set<std::string> files_;
};

/// Reads the pending events; the watched files they concern go into `changed`. A lost
/// event (the queue overflowed) counts as a change of everything ("*").
void read_events(int fd, Watches& watches, std::set<std::string>& changed) {
  alignas(inotify_event) char buf[16384];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) {
    for (char* p = buf; p < buf + n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(p);
      if (e->mask & IN_IGNORED) watches.forget(e->wd);
      if (e->mask & IN_Q_OVERFLOW) changed.insert("*");
      if (std::string f = watches.file_of(*e); !f.empty()) changed.insert(std::move(f));
      p += sizeof(inotify_event) + e->len;
    }
  }
}

enum class Wake { Change, Stop, Broken };

/// Waits for a change to a watched file and then until kQuiet passes without another, or
/// for a stop signal. `changed` gets the files that changed.
Wake wait_for_change(int inotify, const StopSignals& stop, Watches& watches, std::set<std::string>& changed) {
  Clock::time_point last_change;
  for (;;) {
    int timeout = -1;
    if (!changed.empty()) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(last_change + kQuiet - Clock::now());
      if (left.count() <= 0) return Wake::Change;
      timeout = static_cast<int>(left.count()) + 1;
    }
    pollfd fds[2] = {{stop.fd(), POLLIN, 0}, {inotify, POLLIN, 0}};
    int ready = poll(fds, 2, timeout);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return Wake::Broken;
    if (fds[0].revents & POLLIN) {
      stop.consume();
      return Wake::Stop;
    }
    const std::size_t before = changed.size();
    if (fds[1].revents & POLLIN) read_events(inotify, watches, changed);
    if (changed.size() != before) last_change = Clock::now();
  }
}

/// Whether a changed file is a font the builds loaded: fonts are loaded once per path and
/// kept with the session's services, which must then be made again.
bool font_changed(const std::set<std::string>& changed, const std::set<std::string>& fonts) {
  if (changed.count("*")) return true;
  for (const std::string& f : fonts)
    for (const std::string& form : Watches::forms(f))
      if (changed.count(form)) return true;
  return false;
}

std::string files_phrase(std::size_t n) { return std::to_string(n) + (n == 1 ? " file" : " files"); }

}  // namespace

int run_watch(const CliArgs& args, const CliIo& io) {
  StopSignals stop;
  Fd inotify(inotify_init1(IN_CLOEXEC | IN_NONBLOCK));
  if (stop.fd() < 0 || inotify.get() < 0) {
    io.err(std::string("vitae: error: cannot watch files: ") + std::strerror(errno) + "\n");
    return 1;
  }
  CliArgs build = args;
  build.command = Command::Build;
  CliIo build_io = io;
  build_io.exit_early = nullptr;  // the watch goes on after a build
  BuildSession session;
  Watches watches(inotify.get());
  // The inputs are watched before the first build, so that a change during it is not lost.
  std::set<std::string> watched(args.inputs.begin(), args.inputs.end());
  watches.set_files(watched);
  for (;;) {
    const int status = run_builds(build, build_io, &session);
    if (status == 2) return 2;
    // A failed build may not know every file (a file that does not parse names none): it
    // adds what it read to the last set instead of replacing it.
    if (status == 0) watched = session.files_read;
    else watched.insert(session.files_read.begin(), session.files_read.end());
    watches.set_files(watched);
    if (session.runs == 1) io.err("watching " + files_phrase(watched.size()) + " for changes (Ctrl-C stops)\n");
    std::set<std::string> changed;
    const Wake wake = wait_for_change(inotify.get(), stop, watches, changed);
    if (wake == Wake::Stop) return 0;
    if (wake == Wake::Broken) {
      io.err(std::string("vitae: error: cannot watch files: ") + std::strerror(errno) + "\n");
      return 1;
    }
    if (font_changed(changed, session.font_files)) session.services.reset();
  }
}

}  // namespace vitae

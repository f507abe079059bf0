// A build's time limit (vitae build --timeout). A CV builds in milliseconds; only a runaway
// input (generated, hostile, or a bug in vitae) could take long, and then the user wants
// it stopped with a clear message rather than a hung terminal or a CI job killed without
// one. Checked cooperatively where the work is (between stages, per paragraph, per page):
// no thread, no signal, no global state; the build ends by exception at the next check and
// the pipeline's boundary turns it into an error, so no partial output is written.
#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

namespace vitae {

/// Thrown by Deadline::check once the time is up; caught where the build's stages are
/// called (build_loaded), which reports it as an error.
struct DeadlinePassed : std::runtime_error {
  explicit DeadlinePassed(double limit_seconds)
      : std::runtime_error("time limit passed"), limit_seconds(limit_seconds) {}
  double limit_seconds;
};

/// When a build must stop. Default-constructed: never.
class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  Deadline() = default;
  /// `limit_seconds` from `start`.
  Deadline(Clock::time_point start, double limit_seconds)
      : at_(start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(limit_seconds))),
        limit_seconds_(limit_seconds) {}

  bool passed() const { return at_ && Clock::now() >= *at_; }
  /// Throws DeadlinePassed when the time is up. Costs a clock read (tens of nanoseconds).
  void check() const {
    if (passed()) throw DeadlinePassed(limit_seconds_);
  }
  double limit_seconds() const { return limit_seconds_; }

 private:
  std::optional<Clock::time_point> at_;
  double limit_seconds_ = 0;
};

/// Calls deadline->check() when there is a deadline.
inline void check_deadline(const Deadline* deadline) {
  if (deadline) deadline->check();
}

}  // namespace vitae

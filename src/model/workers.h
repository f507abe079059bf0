// Helper threads started once and lent to the stages of builds, and groups of independent
// tasks run on them.
//
// Why threads are started once: creating a thread takes the dynamic loader's TLS lock
// (glibc's _dl_allocate_tls_init), which dlopen holds while it loads a library. `vitae build`
// loads the PDF writer module in the background; a layout thread created then waited up to
// 5 ms for that lock (measured with `perf sched`). Threads started before the module load
// begins, and reused, never wait for it; they also spare each build the cost of creating
// threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace vitae {

/// A fixed set of helper threads. Work is offered to them; it is never waited for unless a
/// helper has begun it, so a busy or missing helper only means the caller does more
/// itself, and nested or concurrent use cannot deadlock. Thread-safe.
class Workers {
 public:
  /// `threads` counts the caller's thread: Workers(2) starts one helper, Workers(0) and
  /// Workers(1) none. When the system refuses a thread, there are fewer helpers.
  explicit Workers(unsigned threads);
  /// Lets the helpers finish the jobs already posted, then joins them.
  ~Workers();
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  /// Helpers plus the caller's thread: at least 1.
  unsigned threads() const { return static_cast<unsigned>(helpers_.size()) + 1; }

  /// Queues `job` for the next free helper and returns true; returns false, and drops the
  /// job, when there are no helpers.
  bool offer(std::function<void()> job);

 private:
  void serve();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> helpers_;
};

/// Tasks task(0, slot) .. task(n - 1, slot), offered to the helpers of `workers` at
/// construction while the caller goes on with other work; wait() runs the tasks no helper
/// has taken on the caller's thread and waits for the ones begun. Tasks are handed out in
/// index order. `slot` tells the threads apart: 0 is the caller's, 1 .. slots() - 1 the
/// helpers', so that each thread can use its own scratch state (a shape cache, say).
/// Each task must write only to its own result slot, so results do not depend on the
/// number of threads. With `workers` null or without helpers, wait() runs every task in
/// order. The destructor, when wait() was not called, skips tasks not yet begun and waits
/// for the rest. Not copyable.
class TaskGroup {
 public:
  using Task = std::function<void(std::size_t index, unsigned slot)>;
  TaskGroup(Workers* workers, std::size_t n, Task task);
  ~TaskGroup();
  TaskGroup(const TaskGroup&) = delete;
  TaskGroup& operator=(const TaskGroup&) = delete;

  /// Slots a task may see: 1 + the helpers offered work (at most n - 1).
  unsigned slots() const { return slots_; }

  /// Returns when every task has run. Rethrows the exception of the lowest-numbered task
  /// that threw; alone on the caller's thread, a throwing task ends the loop, as in a
  /// plain loop, while helpers still run the other tasks.
  void wait();

 private:
  struct State;
  std::shared_ptr<State> state_;
  unsigned slots_ = 1;
  bool waited_ = false;
};

/// TaskGroup(workers, n, task).wait(), for tasks that need no slot.
void run_tasks(Workers* workers, std::size_t n, const std::function<void(std::size_t)>& task);

}  // namespace vitae

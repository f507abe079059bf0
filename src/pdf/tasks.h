// Running independent pieces of the PDF writer's work on several threads.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

namespace vitae::pdf {

/// Tasks task(0) .. task(n - 1), started at construction on up to `threads` - 1 worker
/// threads while the caller goes on with other work; wait() then runs the tasks no worker
/// has taken on the caller's thread and waits for the rest. With `threads` 0 or 1 there
/// are no workers: wait() runs every task in order. Tasks are handed out in index order.
/// Each task must write only to its own result slot, so results do not depend on the
/// number of threads. Not copyable; the destructor joins the workers (skipping tasks not
/// yet begun) when wait() was not called.
class TaskGroup {
 public:
  TaskGroup(std::size_t n, unsigned threads, std::function<void(std::size_t)> task);
  ~TaskGroup();
  TaskGroup(const TaskGroup&) = delete;
  TaskGroup& operator=(const TaskGroup&) = delete;

  /// Returns when every task has run. Rethrows the exception of the lowest-numbered task
  /// that threw; alone on the caller's thread, a throwing task ends the loop, as in a
  /// plain loop, while workers still run the other tasks.
  void wait();

 private:
  void work();
  void join();

  std::size_t n_;
  std::function<void(std::size_t)> task_;
  std::atomic<std::size_t> next_{0};
  std::vector<std::exception_ptr> errors_;
  std::vector<std::thread> workers_;
};

/// TaskGroup(n, threads, task).wait(): the tasks, with the caller's thread among those
/// that run them.
void run_tasks(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& task);

}  // namespace vitae::pdf

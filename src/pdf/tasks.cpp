// Task runner. See tasks.h.
#include "pdf/tasks.h"

#include <algorithm>
#include <system_error>

namespace vitae::pdf {

TaskGroup::TaskGroup(std::size_t n, unsigned threads, std::function<void(std::size_t)> task)
    : n_(n), task_(std::move(task)), errors_(n) {
  const std::size_t workers = std::min<std::size_t>(threads, n);
  try {
    for (std::size_t t = 1; t < workers; ++t) workers_.emplace_back([this] { work(); });
  } catch (const std::system_error&) {
    // No more threads to be had: the ones started and the caller still run every task.
  }
}

TaskGroup::~TaskGroup() {
  next_ = n_;  // tasks not yet begun are skipped
  join();
}

void TaskGroup::work() {
  for (std::size_t i; (i = next_.fetch_add(1)) < n_;) {
    try {
      task_(i);
    } catch (...) {
      errors_[i] = std::current_exception();
    }
  }
}

void TaskGroup::join() {
  for (std::thread& t : workers_)
    if (t.joinable()) t.join();
}

void TaskGroup::wait() {
  if (workers_.empty()) {
    for (std::size_t i; (i = next_.fetch_add(1)) < n_;) task_(i);
    return;
  }
  work();
  join();
  for (const std::exception_ptr& e : errors_)
    if (e) std::rethrow_exception(e);
}

void run_tasks(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& task) {
  TaskGroup(n, threads, task).wait();
}

}  // namespace vitae::pdf

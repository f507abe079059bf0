// Helper threads and task groups. See workers.h.
#include "model/workers.h"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <utility>

namespace vitae {

Workers::Workers(unsigned threads) {
  try {
    for (unsigned t = 1; t < threads; ++t) helpers_.emplace_back([this] { serve(); });
  } catch (const std::system_error&) {
    // No more threads to be had: the helpers started and the callers do the work.
  }
}

Workers::~Workers() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : helpers_) t.join();
}

bool Workers::offer(std::function<void()> job) {
  if (helpers_.empty()) return false;
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  wake_.notify_one();
  return true;
}

void Workers::serve() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // stopping, and nothing left
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

/// What the caller and the helpers share. A helper that starts after the tasks are all
/// taken finds nothing to do; `active` counts the threads that may still be running a task,
/// and is raised before a thread takes one, so waiting for it to fall to 0 waits for every
/// task begun.
struct TaskGroup::State {
  std::size_t n;
  Task task;
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors;
  std::mutex mutex;
  std::condition_variable idle;
  unsigned active = 0;

  State(std::size_t count, Task t) : n(count), task(std::move(t)), errors(count) {}

  void work(unsigned slot) {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
      try {
        task(i, slot);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  }

  void help(unsigned slot) {
    {
      std::lock_guard lock(mutex);
      ++active;
    }
    work(slot);
    {
      std::lock_guard lock(mutex);
      --active;
    }
    idle.notify_all();
  }

  void wait_idle() {
    std::unique_lock lock(mutex);
    idle.wait(lock, [this] { return active == 0; });
  }
};

TaskGroup::TaskGroup(Workers* workers, std::size_t n, Task task)
    : state_(std::make_shared<State>(n, std::move(task))) {
  if (!workers) return;
  const std::size_t helpers = std::min<std::size_t>(workers->threads() - 1, n > 0 ? n - 1 : 0);
  for (std::size_t h = 0; h < helpers; ++h) {
    const unsigned slot = slots_;
    if (!workers->offer([state = state_, slot] { state->help(slot); })) break;
    ++slots_;
  }
}

TaskGroup::~TaskGroup() {
  if (waited_) return;
  state_->next = state_->n;  // tasks not yet begun are skipped
  state_->wait_idle();
}

void TaskGroup::wait() {
  waited_ = true;
  State& s = *state_;
  if (slots_ == 1) {
    for (std::size_t i; (i = s.next.fetch_add(1)) < s.n;) s.task(i, 0);
    return;
  }
  s.work(0);
  s.wait_idle();
  // Moved out: the group's state may outlive this call in a helper that has not yet let go
  // of it, and the exception must be freed on this thread, which reads it (the reference
  // count of an exception_ptr is libstdc++'s own atomic, which ThreadSanitizer cannot see).
  for (std::exception_ptr& e : s.errors)
    if (e) std::rethrow_exception(std::exchange(e, nullptr));
}

void run_tasks(Workers* workers, std::size_t n, const std::function<void(std::size_t)>& task) {
  TaskGroup(workers, n, [&task](std::size_t i, unsigned) { task(i); }).wait();
}

}  // namespace vitae

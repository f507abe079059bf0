// Running independent pieces of the PDF writer's work on several threads.
#pragma once

#include <cstddef>
#include <functional>

namespace vitae::pdf {

/// Calls task(0) .. task(n - 1), on up to `threads` threads (the caller's included; 0 and
/// 1 mean the caller's alone, in order). Tasks are handed out in index order as threads
/// become free. Each task must write only to its own result slot, so the results do not
/// depend on the number of threads. A task that throws ends a one-thread loop; on several
/// threads the other tasks still run, and the exception of the lowest-numbered task that
/// threw is rethrown.
void run_tasks(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& task);

}  // namespace vitae::pdf

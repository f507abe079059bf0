// run_tasks: every task once, in order on one thread, errors rethrown deterministically.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "pdf/tasks.h"

namespace vitae::pdf {
namespace {

TEST(RunTasks, OneThreadRunsInOrderOnTheCaller) {
  for (unsigned threads : {0u, 1u}) {
    std::vector<std::size_t> order;
    const auto caller = std::this_thread::get_id();
    run_tasks(5, threads, [&](std::size_t i) {
      EXPECT_EQ(std::this_thread::get_id(), caller);
      order.push_back(i);
    });
    EXPECT_EQ(order, (std::vector<std::size_t>{0, 1, 2, 3, 4}));
  }
}

TEST(RunTasks, EveryTaskRunsOnceOnSeveralThreads) {
  for (unsigned threads : {2u, 3u, 16u}) {
    std::vector<std::atomic<int>> runs(100);
    run_tasks(runs.size(), threads, [&](std::size_t i) { ++runs[i]; });
    for (std::size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(runs[i], 1) << i;
  }
  run_tasks(0, 4, [](std::size_t) { FAIL() << "no tasks, no calls"; });
}

TEST(RunTasks, RethrowsTheLowestNumberedFailureAfterAllRan) {
  for (unsigned threads : {1u, 4u}) {
    std::atomic<int> ran{0};
    try {
      run_tasks(20, threads, [&](std::size_t i) {
        ++ran;
        if (i == 7 || i == 13) throw std::runtime_error("task " + std::to_string(i));
      });
      FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "task 7");
    }
    // One thread stops at the first failure, as a plain loop would; workers finish.
    EXPECT_EQ(ran, threads == 1 ? 8 : 20);
  }
}

TEST(TaskGroup, WorkersStartBeforeWaitAndTheDestructorJoinsThem) {
  std::atomic<bool> started{false}, caller_done{false};
  std::atomic<int> ran{0};
  {
    // Two tasks, two threads: one worker. Task 0 begins while the caller is still busy
    // (the caller waits for it), so it runs on the worker before any wait().
    TaskGroup group(2, 2, [&](std::size_t i) {
      if (i == 0) {
        started = true;
        while (!caller_done) std::this_thread::yield();
      }
      ++ran;
    });
    while (!started) std::this_thread::yield();
    caller_done = true;
  }  // no wait(): the destructor joins the worker; task 1 may or may not have begun
  EXPECT_GE(ran, 1);
  EXPECT_LE(ran, 2);
  ran = 0;
  {
    TaskGroup unused(1000, 1, [&](std::size_t) { ++ran; });
  }
  EXPECT_EQ(ran, 0) << "one thread runs nothing before wait()";
}

}  // namespace
}  // namespace vitae::pdf

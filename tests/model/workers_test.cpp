// Workers and TaskGroup: every task once, in order on one thread, errors rethrown
// deterministically, helpers reused, work never waited for unless begun.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "model/workers.h"

namespace vitae {
namespace {

TEST(Workers, CountsTheCallersThread) {
  EXPECT_EQ(Workers(0).threads(), 1u);
  EXPECT_EQ(Workers(1).threads(), 1u);
  EXPECT_EQ(Workers(3).threads(), 3u);
  EXPECT_FALSE(Workers(1).offer([] {})) << "no helper, nothing queued";
}

TEST(Workers, TheDestructorRunsEveryJobPosted) {
  std::atomic<int> ran{0};
  {
    Workers workers(3);
    for (int i = 0; i < 50; ++i) EXPECT_TRUE(workers.offer([&] { ++ran; }));
  }
  EXPECT_EQ(ran, 50);
}

TEST(RunTasks, OneThreadRunsInOrderOnTheCaller) {
  Workers none(1);
  for (Workers* w : {static_cast<Workers*>(nullptr), &none}) {
    std::vector<std::size_t> order;
    const auto caller = std::this_thread::get_id();
    run_tasks(w, 5, [&](std::size_t i) {
      EXPECT_EQ(std::this_thread::get_id(), caller);
      order.push_back(i);
    });
    EXPECT_EQ(order, (std::vector<std::size_t>{0, 1, 2, 3, 4}));
  }
}

TEST(RunTasks, EveryTaskRunsOnceOnSeveralThreads) {
  for (unsigned threads : {2u, 3u, 16u}) {
    Workers workers(threads);
    for (int round = 0; round < 3; ++round) {  // the same helpers serve group after group
      std::vector<std::atomic<int>> runs(100);
      run_tasks(&workers, runs.size(), [&](std::size_t i) { ++runs[i]; });
      for (std::size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(runs[i], 1) << i;
    }
    run_tasks(&workers, 0, [](std::size_t) { FAIL() << "no tasks, no calls"; });
  }
}

TEST(TaskGroup, SlotsTellTheThreadsApart) {
  Workers workers(4);
  std::mutex m;
  std::vector<std::set<std::thread::id>> seen(4);
  TaskGroup group(&workers, 200, [&](std::size_t, unsigned slot) {
    std::lock_guard lock(m);
    ASSERT_LT(slot, 4u);
    seen[slot].insert(std::this_thread::get_id());
  });
  EXPECT_EQ(group.slots(), 4u);
  group.wait();
  // The helpers may take every task before the caller gets to wait(): slot 0 may see none.
  for (const auto& id : seen[0]) EXPECT_EQ(id, std::this_thread::get_id()) << "slot 0 is the caller";
  for (unsigned s = 1; s < 4; ++s) EXPECT_EQ(seen[s].count(std::this_thread::get_id()), 0u) << s;
  for (unsigned s = 0; s < 4; ++s) EXPECT_LE(seen[s].size(), 1u) << "one thread per slot";
  EXPECT_EQ(TaskGroup(&workers, 2, [](std::size_t, unsigned) {}).slots(), 2u)
      << "no more helpers than tasks to share";
}

TEST(RunTasks, RethrowsTheLowestNumberedFailureAfterAllRan) {
  for (unsigned threads : {1u, 4u}) {
    Workers workers(threads);
    std::atomic<int> ran{0};
    try {
      run_tasks(&workers, 20, [&](std::size_t i) {
        ++ran;
        if (i == 7 || i == 13) throw std::runtime_error("task " + std::to_string(i));
      });
      FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "task 7");
    }
    // One thread stops at the first failure, as a plain loop would; helpers finish.
    EXPECT_EQ(ran, threads == 1 ? 8 : 20);
  }
}

TEST(TaskGroup, HelpersStartBeforeWaitAndTheDestructorWaitsForThem) {
  Workers workers(2);
  std::atomic<bool> started{false}, caller_done{false};
  std::atomic<int> ran{0};
  {
    // Two tasks, one helper. Task 0 begins while the caller is still busy (the caller
    // waits for it), so it runs on the helper before any wait().
    TaskGroup group(&workers, 2, [&](std::size_t i, unsigned) {
      if (i == 0) {
        started = true;
        while (!caller_done) std::this_thread::yield();
      }
      ++ran;
    });
    while (!started) std::this_thread::yield();
    caller_done = true;
  }  // no wait(): the destructor waits for task 0; task 1 may or may not have begun
  EXPECT_GE(ran, 1);
  EXPECT_LE(ran, 2);
  ran = 0;
  {
    TaskGroup unused(nullptr, 1000, [&](std::size_t, unsigned) { ++ran; });
  }
  EXPECT_EQ(ran, 0) << "one thread runs nothing before wait()";
}

TEST(TaskGroup, ABusyHelperIsNotWaitedFor) {
  // The only helper is held up by another job; the group's tasks all run on the caller,
  // and wait() returns without waiting for the helper to come free.
  // Declared before the workers: the helper may still read it while they are joined.
  std::atomic<bool> release{false};
  Workers workers(2);
  workers.offer([&] {
    while (!release) std::this_thread::yield();
  });
  std::vector<int> runs(10);
  {
    TaskGroup group(&workers, runs.size(), [&](std::size_t i, unsigned slot) {
      EXPECT_EQ(slot, 0u);
      ++runs[i];
    });
    group.wait();
  }
  EXPECT_EQ(runs, std::vector<int>(10, 1));
  release = true;
}

}  // namespace
}  // namespace vitae

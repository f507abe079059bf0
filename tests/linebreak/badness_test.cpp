// Badness, fitness classes and demerits against values worked out from TeX §108, §851-§859.
#include <gtest/gtest.h>

#include "linebreak/badness.h"
#include "linebreak/params.h"

namespace vitae::linebreak {
namespace {

TEST(Badness, MatchesTexIntegerFormula) {
  // TeX §108: r = floor(297 t / s); badness = floor((r^3 + 2^17) / 2^18).
  EXPECT_EQ(badness(0, 10), 0);
  EXPECT_EQ(badness(10, 10), 100);  // r = 297: (26198073 + 131072) / 262144 = 100.4
  EXPECT_EQ(badness(5, 10), 12);    // r = 148: 12.87, so decent (not loose)
  EXPECT_EQ(badness(25, 20), 195);  // r = 371
  EXPECT_EQ(badness(1, 0), kInfBad);
  EXPECT_EQ(badness(1, -3), kInfBad);
}

TEST(Badness, JumpsToInfBadPastTexCutoff) {
  // r > 1290 gives inf_bad: ratio 4.3 (r = 1277) is finite, 4.4 (r = 1306) is not.
  EXPECT_LT(badness(4.3, 1), kInfBad);
  EXPECT_GT(badness(4.3, 1), 7900);
  EXPECT_EQ(badness(4.4, 1), kInfBad);
}

TEST(Badness, IsMonotonicInStretchRatio) {
  int prev = 0;
  for (int i = 0; i <= 500; ++i) {
    const int b = badness(i / 100.0, 1.0);
    EXPECT_GE(b, prev) << i;
    prev = b;
  }
}

TEST(Fitness, ClassesFollowTexBoundaries) {
  EXPECT_EQ(stretch_fitness(12), Fitness::Decent);
  EXPECT_EQ(stretch_fitness(13), Fitness::Loose);
  EXPECT_EQ(stretch_fitness(99), Fitness::Loose);
  EXPECT_EQ(stretch_fitness(100), Fitness::VeryLoose);
  EXPECT_EQ(shrink_fitness(12), Fitness::Decent);
  EXPECT_EQ(shrink_fitness(13), Fitness::Tight);
}

TEST(Demerits, FollowsTexFormula) {
  const BreakParams p;
  DemeritsInput in;
  EXPECT_EQ(line_demerits(in, p), 100);  // (10 + 0)^2
  in.badness = 100;
  EXPECT_EQ(line_demerits(in, p), 12100);  // (10 + 100)^2
  in.penalty = 50;
  EXPECT_EQ(line_demerits(in, p), 12100 + 2500);
  in.penalty = -50;
  EXPECT_EQ(line_demerits(in, p), 12100 - 2500);
  in.penalty = kEjectPenalty;  // forced breaks add nothing
  EXPECT_EQ(line_demerits(in, p), 12100);
  in.badness = 9995;  // line_penalty + b >= 10000 caps at 10^8
  EXPECT_EQ(line_demerits(in, p), 100000000);
}

TEST(Demerits, HyphenAndFitnessTerms) {
  const BreakParams p;
  DemeritsInput in;
  in.hyphenated = true;
  in.prev_hyphenated = true;
  EXPECT_EQ(line_demerits(in, p), 100 + p.double_hyphen_demerits);
  in.hyphenated = false;
  EXPECT_EQ(line_demerits(in, p), 100);
  in.is_last = true;  // the second-last line ended with a hyphen
  EXPECT_EQ(line_demerits(in, p), 100 + p.final_hyphen_demerits);
  DemeritsInput adj;
  adj.fitness = Fitness::VeryLoose;
  adj.prev_fitness = Fitness::Decent;
  EXPECT_EQ(line_demerits(adj, p), 100 + p.adj_demerits);
  adj.prev_fitness = Fitness::Loose;
  EXPECT_EQ(line_demerits(adj, p), 100);
}

}  // namespace
}  // namespace vitae::linebreak

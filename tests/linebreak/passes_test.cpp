// TeX's three passes (TeX §863): pretolerance without hyphenation, tolerance with it,
// emergency stretch, and the last resort when nothing is feasible.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "helpers.h"
#include "linebreak/linebreak.h"

namespace vitae::linebreak {
namespace {

using namespace vitae::literals;

BreakParams width(double pt) {
  BreakParams p;
  p.line_widths = {Abs::pt(pt)};
  return p;
}

// 52 30|30 40, measure 100, space 10 plus 5 minus 3, hyphen 5pt at "|".
// Without the hyphen: "52 3030" is 122 (overfull), "52" alone cannot stretch: pass 1
// fails. With it: "52 30-" is 97, shortfall 3 of 5 (badness 21), then "30 40".
std::vector<Item> needs_hyphen() {
  std::vector<Item> items = {Item::box(52_pt), Item::glue(10_pt, 5_pt, 3_pt),
                             Item::box(30_pt), Item::penalty_item(50, 5_pt, true),
                             Item::box(30_pt), Item::glue(10_pt, 5_pt, 3_pt),
                             Item::box(40_pt)};
  append_paragraph_end(items);
  return items;
}

TEST(Passes, HyphenationPointsOnlyFromTheSecondPass) {
  const auto items = needs_hyphen();
  const BreakResult r = break_lines(items, width(100));
  EXPECT_EQ(r.pass, 2);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0].end, 3u);
  EXPECT_TRUE(r.lines[0].hyphenated);
  EXPECT_DOUBLE_EQ(r.lines[0].natural_width.to_pt(), 97.0);
  EXPECT_EQ(r.lines[0].badness, badness(3, 5));
  EXPECT_FALSE(r.used_last_resort);
}

TEST(Passes, NoHyphenationMeansNoFlaggedBreaks) {
  BreakParams p = width(100);
  p.hyphenate = false;
  const BreakResult r = break_lines(needs_hyphen(), p);
  for (const Line& line : r.lines) EXPECT_FALSE(line.hyphenated);
  EXPECT_TRUE(r.used_last_resort);
}

TEST(Passes, FirstPassIgnoresEvenAttractiveHyphens) {
  // A flagged break with a bonus (negative penalty) at an exact fit would win on demerits,
  // but the first pass finds a feasible solution without it and never looks at it.
  // 40 25|5 30 30, measure 80, space 10 plus 10 minus 3: "40 255" (80, b 0) | "30 30".
  std::vector<Item> items = {Item::box(40_pt), Item::glue(10_pt, 10_pt, 3_pt),
                             Item::box(25_pt), Item::penalty_item(-500, 5_pt, true),
                             Item::box(5_pt), Item::glue(10_pt, 10_pt, 3_pt),
                             Item::box(30_pt), Item::glue(10_pt, 10_pt, 3_pt),
                             Item::box(30_pt)};
  append_paragraph_end(items);
  const BreakResult first = break_lines(items, width(80));
  EXPECT_EQ(first.pass, 1);
  for (const Line& line : first.lines) EXPECT_FALSE(line.hyphenated);
  // Skipping the first pass (pretolerance -1, as TeX) the hyphen is taken.
  BreakParams p = width(80);
  p.pretolerance = -1;
  const BreakResult second = break_lines(items, p);
  EXPECT_EQ(second.pass, 2);
  EXPECT_TRUE(second.lines[0].hyphenated);
  EXPECT_LT(second.total_demerits, first.total_demerits);
}

// Five 40pt words with rigid-ish spaces (10 plus 2 minus 2) on a 100pt measure: two words
// leave 10pt to fill with 2pt of stretch (badness 10000), three are 140pt (overfull).
std::vector<Item> too_rigid() {
  std::vector<Item> items;
  for (int i = 0; i < 5; ++i) {
    if (i) items.push_back(Item::glue(10_pt, 2_pt, 2_pt));
    items.push_back(Item::box(40_pt));
  }
  append_paragraph_end(items);
  return items;
}

TEST(Passes, EmergencyStretchRescuesAnInfeasibleParagraph) {
  BreakParams p = width(100);
  p.emergency_stretch = 20_pt;
  const BreakResult r = break_lines(too_rigid(), p);
  EXPECT_EQ(r.pass, 3);
  EXPECT_FALSE(r.used_last_resort);
  ASSERT_EQ(r.lines.size(), 3u);
  EXPECT_EQ(r.overfull_count(), 0u);
  // Emergency stretch only changes the choice; the lines are set with their real glue,
  // so the two-word lines are underfull (TeX reports them too).
  EXPECT_TRUE(r.lines[0].underfull);
  EXPECT_DOUBLE_EQ(r.lines[0].ratio, 5.0);
  // The breaker rated line 1 with 22pt of stretch for a 10pt shortfall: decent.
  EXPECT_EQ(r.lines[0].fitness, stretch_fitness(badness(10, 22)));
}

TEST(Passes, WithoutEmergencyStretchTheLastResortIsOverfull) {
  // TeX's last resort keeps the only active node alive when its line turns overfull
  // (TeX §854), so the first line takes the third word and sticks out by 36pt.
  const BreakResult r = break_lines(too_rigid(), width(100));
  EXPECT_EQ(r.pass, 2);
  EXPECT_TRUE(r.used_last_resort);
  ASSERT_FALSE(r.lines.empty());
  EXPECT_TRUE(r.lines[0].overfull);
  EXPECT_NEAR(r.lines[0].overfull_by.to_pt(), 140 - 100 - 4, 1e-9);
}

TEST(Passes, SecondPassIsSkippedWhenTheFirstSucceeds) {
  std::vector<Item> items;
  for (int i = 0; i < 8; ++i) {
    if (i) items.push_back(Item::glue(5_pt, 5_pt, 2_pt));
    items.push_back(Item::box(20_pt));
  }
  append_paragraph_end(items);
  const BreakResult r = break_lines(items, width(95));
  EXPECT_EQ(r.pass, 1);
  EXPECT_EQ(r.lines.size(), 2u);
}

}  // namespace
}  // namespace vitae::linebreak

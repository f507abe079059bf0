// The total-fit breaker on hand-built item lists with breaks worked out by hand, and
// against exhaustive search on generated paragraphs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "helpers.h"
#include "linebreak/linebreak.h"

namespace vitae::linebreak {
namespace {

using ::testing::ElementsAre;
using namespace vitae::literals;

/// A justified paragraph of boxes of the given widths (pt) separated by spaces.
std::vector<Item> words(std::initializer_list<double> widths, Abs space, Abs stretch,
                        Abs shrink) {
  ParagraphBuilder b;
  bool first = true;
  for (double w : widths) {
    if (!first) b.add_space(space, stretch, shrink);
    b.add_box(Abs::pt(w));
    first = false;
  }
  return b.finish();
}

BreakParams width(double pt) {
  BreakParams p;
  p.line_widths = {Abs::pt(pt)};
  return p;
}

// The classic case: first fit fills line 1 exactly and leaves line 2 very loose (badness
// 195 against tolerance 200); total fit makes line 1 a little loose (badness 100) so that
// line 2 is decent, and succeeds already in the first pass (pretolerance 100).
//   items: 0:35 1:g 2:35 3:g 4:10 5:g 6:30 7:g 8:35 9:g 10:40 11-13: paragraph end
//   space = 10pt plus 20pt minus 5pt, measure 100pt.
//   first fit  [5, 9, 13]: 100 (b 0) | 30+10+35 = 75, shortfall 25/20 (b 195) | 40
//     demerits 10^2 + (205^2 + 10000 adj) + (10^2 + 10000 adj) = 62225
//   total fit  [3, 9, 13]: 80, shortfall 20/20 (b 100) | 95, shortfall 5/40 (b 0) | 40
//     demerits (110^2 + 10000 adj) + (10^2 + 10000 adj) + 10^2 = 32300
TEST(KnuthPlass, TotalFitBeatsFirstFit) {
  const auto items = words({35, 35, 10, 30, 35, 40}, 10_pt, 20_pt, 5_pt);
  const BreakParams p = width(100);
  const BreakResult r = break_lines(items, p);
  EXPECT_THAT(r.breaks(), ElementsAre(3, 9, 13));
  EXPECT_EQ(r.pass, 1);
  EXPECT_EQ(r.total_demerits, 32300);
  EXPECT_EQ(r.lines[0].badness, 100);
  EXPECT_EQ(r.lines[0].fitness, Fitness::VeryLoose);
  EXPECT_EQ(r.lines[1].badness, 0);
  EXPECT_EQ(r.lines[1].fitness, Fitness::Decent);

  const auto greedy = testing::first_fit(items, p);
  EXPECT_THAT(greedy, ElementsAre(5, 9, 13));
  const auto greedy_demerits = testing::evaluate(items, p, greedy, p.tolerance);
  ASSERT_TRUE(greedy_demerits.has_value());
  EXPECT_EQ(*greedy_demerits, 62225);
  EXPECT_LT(r.total_demerits, *greedy_demerits);
}

TEST(KnuthPlass, LinesReportGlueSetting) {
  const auto items = words({35, 35, 10, 30, 35, 40}, 10_pt, 20_pt, 5_pt);
  const BreakResult r = break_lines(items, width(100));
  ASSERT_EQ(r.lines.size(), 3u);
  // Line 1 stretches its one space by 20pt: ratio 1.
  EXPECT_EQ(r.lines[0].start, 0u);
  EXPECT_EQ(r.lines[0].end, 3u);
  EXPECT_DOUBLE_EQ(r.lines[0].natural_width.to_pt(), 80);
  EXPECT_DOUBLE_EQ(r.lines[0].ratio, 1.0);
  // Line 2 starts after the discarded glue and stretches 5pt of 40pt.
  EXPECT_EQ(r.lines[1].start, 4u);
  EXPECT_DOUBLE_EQ(r.lines[1].ratio, 0.125);
  // The last line is filled by \parfillskip's fil glue.
  EXPECT_EQ(r.lines[2].stretch_order, Order::Fil);
  EXPECT_EQ(r.lines[2].badness, 0);
  // Setting every item with set_width fills each line exactly.
  for (const Line& line : r.lines) {
    double w = 0;
    for (std::size_t i = line.start; i < line.end; ++i) {
      if (!items[i].is_penalty()) w += set_width(items[i], line).to_pt();
    }
    EXPECT_NEAR(w, line.width.to_pt(), 1e-9);
    EXPECT_FALSE(line.overfull);
    EXPECT_FALSE(line.underfull);
  }
}

TEST(KnuthPlass, ForcedBreaksAlwaysBreak) {
  // Two words that would fit on one line, separated by a forced break.
  ParagraphBuilder b;
  b.add_box(20_pt);
  b.add_line_break();
  b.add_box(20_pt);
  b.add_space(10_pt, 5_pt, 3_pt);
  b.add_box(20_pt);
  const auto items = b.finish();
  const BreakResult r = break_lines(items, width(100));
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_TRUE(items[r.lines[0].end].is_forced_break());
  EXPECT_EQ(r.lines[0].stretch_order, Order::Fil);  // \hfil\break: not stretched
  EXPECT_EQ(r.lines[1].start, r.lines[0].end + 1);
  EXPECT_FALSE(r.used_last_resort);
}

TEST(KnuthPlass, ConsecutiveForcedBreaksGiveAnEmptyLine) {
  std::vector<Item> items = {Item::box(20_pt), Item::penalty_item(kEjectPenalty),
                             Item::penalty_item(kEjectPenalty), Item::box(20_pt)};
  append_paragraph_end(items);
  BreakParams p = width(100);
  const BreakResult r = break_lines(items, p);
  ASSERT_EQ(r.lines.size(), 3u);
  EXPECT_EQ(r.lines[1].start, r.lines[1].end);  // empty, underfull
  EXPECT_TRUE(r.lines[1].underfull);
}

TEST(KnuthPlass, OverfullBoxIsReportedByItsExcess) {
  // A single 150pt box on a 100pt line: no feasible break exists; TeX's last resort sets
  // it alone, overfull by 50pt, and goes on normally.
  const auto items = words({150, 30, 40}, 10_pt, 5_pt, 3_pt);
  const BreakResult r = break_lines(items, width(100));
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0].end, 1u);
  EXPECT_TRUE(r.lines[0].overfull);
  EXPECT_NEAR(r.lines[0].overfull_by.to_pt(), 50.0, 1e-9);
  EXPECT_EQ(r.lines[0].badness, 1000000);
  EXPECT_FALSE(r.lines[1].overfull);
  EXPECT_TRUE(r.used_last_resort);
  EXPECT_EQ(r.overfull_count(), 1u);
}

TEST(KnuthPlass, OverfullByLessThanHfuzzIsNotReported) {
  const auto items = words({100.05}, 10_pt, 5_pt, 3_pt);
  const BreakResult r = break_lines(items, width(100));
  ASSERT_EQ(r.lines.size(), 1u);
  EXPECT_FALSE(r.lines[0].overfull);
  EXPECT_NEAR(r.lines[0].overfull_by.to_pt(), 0.05, 1e-9);
}

TEST(KnuthPlass, PenaltyWidthCountsOnlyOnTheLineEndingThere) {
  // 50 35|35 50 with a flagged penalty of width h (the hyphen) inside the middle word.
  // Measure 100: only the hyphen break can work: line 1 = 50 + 10 + 35 + h.
  auto make = [](double h) {
    std::vector<Item> items = {Item::box(50_pt), Item::glue(10_pt, 10_pt, 10_pt),
                               Item::box(35_pt), Item::penalty_item(50, Abs::pt(h), true),
                               Item::box(35_pt), Item::glue(10_pt, 10_pt, 10_pt),
                               Item::box(50_pt)};
    append_paragraph_end(items);
    return items;
  };
  BreakParams p = width(100);
  const BreakResult r = break_lines(make(10), p);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0].end, 3u);
  EXPECT_TRUE(r.lines[0].hyphenated);
  EXPECT_DOUBLE_EQ(r.lines[0].natural_width.to_pt(), 105.0);  // hyphen included
  EXPECT_EQ(r.lines[0].badness, 12);                          // shrinks 5 of 10
  EXPECT_DOUBLE_EQ(r.lines[1].natural_width.to_pt(), 95.0);   // not on the next line
  EXPECT_FALSE(r.used_last_resort);
  // A 20pt hyphen makes line 1 115pt, too long even shrunk: no feasible breaks remain.
  EXPECT_TRUE(break_lines(make(20), p).used_last_resort);
  // Not taken, the penalty adds nothing: one 190pt line on a 200pt measure.
  const BreakResult one = break_lines(make(10), width(200));
  ASSERT_EQ(one.lines.size(), 1u);
  EXPECT_DOUBLE_EQ(one.lines[0].natural_width.to_pt(), 190.0);
}

TEST(KnuthPlass, PerLineWidthsHangingIndent) {
  // Twelve 20pt words, spaces 5pt plus 5 minus 2. Measure 100pt: four words per line
  // (95pt). With a first line of 70pt (hanging indent) only three fit on line 1.
  std::vector<double> w(12, 20);
  ParagraphBuilder b;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (i) b.add_space(5_pt, 5_pt, 2_pt);
    b.add_box(Abs::pt(w[i]));
  }
  const auto items = b.finish();
  const BreakResult uniform = break_lines(items, width(100));
  ASSERT_EQ(uniform.lines.size(), 3u);
  BreakParams hang;
  hang.line_widths = {70_pt, 100_pt};
  const BreakResult r = break_lines(items, hang);
  ASSERT_GE(r.lines.size(), 3u);
  EXPECT_EQ(r.lines[0].width, 70_pt);
  EXPECT_EQ(r.lines[1].width, 100_pt);
  EXPECT_EQ(r.lines.back().width, 100_pt);  // the last width repeats
  EXPECT_LT(r.lines[0].natural_width, 71_pt);
  EXPECT_LT(r.lines[0].end, uniform.lines[0].end);
  for (const Line& line : r.lines) EXPECT_FALSE(line.overfull);
}

TEST(KnuthPlass, EmptyListGivesNoLines) {
  const BreakResult r = break_lines({}, width(100));
  EXPECT_TRUE(r.lines.empty());
  EXPECT_EQ(r.pass, 0);
}

TEST(KnuthPlass, ListWithoutFinalForcedBreakEndsAtItsEnd) {
  std::vector<Item> items = {Item::box(20_pt), Item::glue(10_pt, 40_pt, 5_pt),
                             Item::box(20_pt), Item::glue(10_pt, 40_pt, 5_pt),
                             Item::box(20_pt), Item::fil_glue()};
  const BreakResult r = break_lines(items, width(100));
  ASSERT_EQ(r.lines.size(), 1u);
  EXPECT_EQ(r.lines[0].end, items.size());
}

TEST(KnuthPlass, LoosenessOneAddsALine) {
  std::vector<double> w(12, 20);
  ParagraphBuilder b;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (i) b.add_space(5_pt, 5_pt, 2_pt);
    b.add_box(Abs::pt(w[i]));
  }
  const auto items = b.finish();
  // Four words a line (95pt, badness 4) is optimal; three a line (70pt, badness 2700) is
  // feasible at tolerance 3000.
  BreakParams p = width(100);
  p.tolerance = 3000;
  const BreakResult tight = break_lines(items, p);
  p.looseness = 1;
  const BreakResult loose = break_lines(items, p);
  EXPECT_EQ(loose.lines.size(), tight.lines.size() + 1);
}

TEST(KnuthPlass, ReusedBreakerGivesSameResults) {
  LineBreaker breaker;
  const auto a = words({35, 35, 10, 30, 35, 40}, 10_pt, 20_pt, 5_pt);
  const auto b = words({150, 30, 40}, 10_pt, 5_pt, 3_pt);
  const BreakResult ra1 = breaker.break_lines(a, width(100));
  const BreakResult rb = breaker.break_lines(b, width(100));
  const BreakResult ra2 = breaker.break_lines(a, width(100));
  EXPECT_EQ(ra1.breaks(), ra2.breaks());
  EXPECT_EQ(ra1.total_demerits, ra2.total_demerits);
  EXPECT_EQ(rb.breaks(), break_lines(b, width(100)).breaks());
}

/// Generated paragraphs: random word widths, optional hyphenation points, random measure.
std::vector<Item> random_paragraph(testing::Lcg& rng, int words) {
  std::vector<Item> items;
  for (int i = 0; i < words; ++i) {
    if (i) items.push_back(Item::glue(Abs::pt(6), Abs::pt(5), Abs::pt(2)));
    items.push_back(Item::box(Abs::pt(rng.range(10, 45))));
    if (rng.range(0, 3) == 0) {  // a hyphenation point inside the word
      items.push_back(Item::penalty_item(50, Abs::pt(4), true));
      items.push_back(Item::box(Abs::pt(rng.range(8, 25))));
    }
  }
  append_paragraph_end(items);
  return items;
}

// Total fit is optimal: on every generated paragraph, the demerits equal the minimum over
// all break sequences found by exhaustive search, with uniform or varying line widths.
TEST(KnuthPlass, MatchesExhaustiveSearch) {
  testing::Lcg rng(20240601);
  int compared = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const auto items = random_paragraph(rng, rng.range(4, 12));
    BreakParams p;
    p.line_widths = {Abs::pt(rng.range(90, 160))};
    if (trial % 3 == 0) p.line_widths = {Abs::pt(rng.range(60, 100)), Abs::pt(140), Abs::pt(110)};
    p.pretolerance = -1;  // one pass: tolerance with hyphenation, final
    p.tolerance = trial % 2 ? 200 : 1000;
    const auto best = testing::brute_force_best(items, p, p.tolerance, true);
    const BreakResult r = break_lines(items, p);
    if (!best) {
      EXPECT_TRUE(r.used_last_resort) << trial;
      continue;
    }
    ++compared;
    EXPECT_FALSE(r.used_last_resort) << trial;
    EXPECT_EQ(r.total_demerits, *best) << trial;
    const auto check = testing::evaluate(items, p, r.breaks(), p.tolerance);
    ASSERT_TRUE(check.has_value()) << trial;
    EXPECT_EQ(*check, r.total_demerits) << trial;
  }
  EXPECT_GT(compared, 100);
}

}  // namespace
}  // namespace vitae::linebreak

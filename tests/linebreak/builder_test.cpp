// The paragraph builder: item patterns for justified and ragged-right text, and the
// evenness of total-fit ragged right compared with first fit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "helpers.h"
#include "linebreak/linebreak.h"

namespace vitae::linebreak {
namespace {

using namespace vitae::literals;

ParagraphStyle ragged(Abs stretch) {
  ParagraphStyle s;
  s.alignment = Alignment::RaggedRight;
  s.ragged_stretch = stretch;
  return s;
}

TEST(Builder, JustifiedParagraphIsBoxesGlueAndTexEnding) {
  ParagraphBuilder b;
  b.add_box(10_pt, 7);
  b.add_space(3_pt, 2_pt, 1_pt);
  b.add_box(12_pt, 8);
  const auto items = b.finish();
  ASSERT_EQ(items.size(), 6u);
  EXPECT_TRUE(items[0].is_box());
  EXPECT_EQ(items[0].payload, 7u);
  EXPECT_TRUE(items[1].is_glue());
  EXPECT_EQ(items[1].stretch, 2_pt);
  EXPECT_EQ(items[2].payload, 8u);
  // \penalty10000 \parfillskip(0pt plus 1fil) \penalty-10000
  EXPECT_EQ(items[3].penalty, kInfPenalty);
  EXPECT_EQ(items[4].stretch_order, Order::Fil);
  EXPECT_TRUE(items[5].is_forced_break());
  EXPECT_TRUE(b.items().empty());  // ready for the next paragraph
}

TEST(Builder, SpacesCollapseAndTrailingOnesAreRemoved) {
  ParagraphBuilder b;
  b.add_space(3_pt, 2_pt, 1_pt);  // leading: ignored
  b.add_box(10_pt);
  b.add_space(3_pt, 2_pt, 1_pt);
  b.add_space(3_pt, 2_pt, 1_pt);  // doubled: ignored
  b.add_box(10_pt);
  b.add_space(3_pt, 2_pt, 1_pt);  // trailing: removed at finish (TeX §1096)
  const auto items = b.finish();
  const auto glues = std::count_if(items.begin(), items.end(),
                                   [](const Item& i) { return i.is_glue(); });
  EXPECT_EQ(glues, 2);  // one space + \parfillskip
  EXPECT_TRUE(items[2].is_box());
}

TEST(Builder, TrailingLineBreakIsRemoved) {
  ParagraphBuilder b;
  b.add_box(10_pt);
  b.add_line_break();
  const auto items = b.finish();
  BreakParams p;
  p.line_widths = {100_pt};
  const BreakResult r = break_lines(items, p);
  ASSERT_EQ(r.lines.size(), 1u);  // no empty underfull last line
  EXPECT_FALSE(r.lines[0].underfull);
}

TEST(Builder, EmptyParagraphHasNoItems) {
  ParagraphBuilder b;
  b.add_space(3_pt, 2_pt, 1_pt);
  EXPECT_TRUE(b.finish().empty());
}

TEST(Builder, TieIsNotABreakpoint) {
  // "aaaa bbbb~cccc" where the line fits "aaaa bbbb" but not all three: without the tie
  // the break is after bbbb; with it, bbbb moves to line 2.
  auto make = [](bool tie) {
    ParagraphBuilder b;
    b.add_box(40_pt);
    b.add_space(10_pt, 10_pt, 3_pt);
    b.add_box(40_pt);
    if (tie) {
      b.add_tie(10_pt, 10_pt, 3_pt);
    } else {
      b.add_space(10_pt, 10_pt, 3_pt);
    }
    b.add_box(40_pt);
    return b.finish();
  };
  BreakParams p;
  p.line_widths = {100_pt};
  p.tolerance = 10000;
  const auto spaced = make(false);
  const auto tied = make(true);
  const BreakResult a = break_lines(spaced, p);
  const BreakResult t = break_lines(tied, p);
  ASSERT_GE(a.lines.size(), 2u);
  ASSERT_GE(t.lines.size(), 2u);
  EXPECT_DOUBLE_EQ(a.lines[0].natural_width.to_pt(), 90.0);  // "40 40"
  EXPECT_DOUBLE_EQ(t.lines[0].natural_width.to_pt(), 40.0);  // "40", then "40~40"
}

TEST(Builder, FiniteParfillskip) {
  ParagraphStyle s;
  s.parfillskip = ParFillSkip{false, Abs::zero(), 30_pt};
  ParagraphBuilder b(s);
  b.add_box(50_pt);
  const auto items = b.finish();
  BreakParams p;
  p.line_widths = {100_pt};
  p.tolerance = 10000;
  const BreakResult r = break_lines(items, p);
  ASSERT_EQ(r.lines.size(), 1u);
  EXPECT_EQ(r.lines[0].stretch_order, Order::Normal);
  EXPECT_EQ(r.lines[0].badness, badness(50, 30));  // finite: the last line has badness
}

TEST(Builder, RaggedLinesKeepSpacesRigidAndEndWithTheStretch) {
  ParagraphBuilder b(ragged(20_pt));
  testing::Lcg rng(7);
  for (int i = 0; i < 40; ++i) {
    b.add_space(5_pt, 3_pt, 2_pt);  // stretch and shrink ignored when ragged
    b.add_box(Abs::pt(rng.range(10, 40)));
  }
  const auto items = b.finish();
  BreakParams p;
  p.line_widths = {200_pt};
  const BreakResult r = break_lines(items, p);
  ASSERT_GT(r.lines.size(), 3u);
  for (std::size_t k = 0; k + 1 < r.lines.size(); ++k) {
    const Line& line = r.lines[k];
    EXPECT_GE(line.ratio, 0.0) << k;  // never shrinks
    EXPECT_LE(line.natural_width, 200_pt) << k;
    // The set line fills the measure, but the text itself keeps natural spaces: the
    // interior glue pairs cancel, the slack goes to the line-end glue.
    double w = 0;
    for (std::size_t i = line.start; i < line.end; ++i) w += set_width(items[i], line).to_pt();
    EXPECT_NEAR(w, 200.0, 1e-9) << k;
  }
  const std::vector<std::size_t> br = r.breaks();
  const auto text = testing::text_lengths(items, br);
  for (std::size_t k = 0; k + 1 < text.size(); ++k) {
    EXPECT_NEAR(text[k], r.lines[k].natural_width.to_pt(), 1e-9) << k;
  }
}

TEST(Builder, RaggedHyphenationPointCarriesTheLineEndStretch) {
  // 60 40|40 in ragged right on 110pt: "60 40-" (105) is the only good first line.
  ParagraphBuilder b(ragged(20_pt));
  b.add_box(60_pt);
  b.add_space(5_pt, 0_pt, 0_pt);
  b.add_box(40_pt);
  b.add_break_opportunity(50, 5_pt, true);
  b.add_box(40_pt);
  const auto items = b.finish();
  BreakParams p;
  p.line_widths = {110_pt};
  const BreakResult r = break_lines(items, p);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_TRUE(r.lines[0].hyphenated);
  EXPECT_DOUBLE_EQ(r.lines[0].natural_width.to_pt(), 110.0);
  EXPECT_DOUBLE_EQ(r.lines[1].natural_width.to_pt(), 40.0);
  EXPECT_EQ(r.pass, 2);
}

TEST(Builder, UnflaggedBreakOpportunityWorksInTheFirstPass) {
  // A URL split after "/": no hyphen, allowed in pass 1.
  ParagraphBuilder b;
  b.add_box(70_pt);
  b.add_break_opportunity(100, 0_pt, false);
  b.add_box(70_pt);
  const auto items = b.finish();
  BreakParams p;
  p.line_widths = {80_pt};
  p.pretolerance = 10000;
  const BreakResult r = break_lines(items, p);
  EXPECT_EQ(r.pass, 1);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0].end, 1u);
  EXPECT_FALSE(r.lines[0].hyphenated);
}

// Total fit evens the rag: over generated paragraphs, the line lengths (last lines
// excluded) vary less than first fit's, which fills each line as far as it can. The
// line-end stretch is wide enough for the word lengths that every paragraph is feasible,
// so the comparison is not blurred by TeX's last resort.
TEST(Builder, RaggedRightTotalFitIsEvenerThanFirstFit) {
  testing::Lcg rng(42);
  double kp_var = 0, ff_var = 0;
  int kp_better = 0, kp_worse = 0;
  for (int n = 0; n < 20; ++n) {
    ParagraphBuilder b(ragged(40_pt));
    for (int i = 0; i < 60; ++i) {
      b.add_space(4_pt, 2_pt, 1_pt);
      b.add_box(Abs::pt(rng.range(8, 45)));
    }
    const auto items = b.finish();
    BreakParams p;
    p.line_widths = {240_pt};
    const BreakResult r = break_lines(items, p);
    EXPECT_FALSE(r.used_last_resort) << n;
    const auto ff_breaks = testing::first_fit(items, p);
    auto kp = testing::text_lengths(items, r.breaks());
    auto ff = testing::text_lengths(items, ff_breaks);
    kp.pop_back();
    ff.pop_back();
    const double kv = testing::variance(kp), fv = testing::variance(ff);
    kp_var += kv;
    ff_var += fv;
    kp_better += kv < fv - 1e-9 ? 1 : 0;
    kp_worse += kv > fv + 1e-9 ? 1 : 0;
  }
  EXPECT_LT(kp_var, ff_var * 0.9);
  EXPECT_GT(kp_better, 2 * kp_worse);
}

}  // namespace
}  // namespace vitae::linebreak

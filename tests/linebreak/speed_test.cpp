// The work of breaking: the reference CV has ~200 short paragraphs, and Knuth-Plass must
// stay linear in a paragraph's length (a bounded active list), TeX §829-§851. Measured in
// candidate lines rated (BreakResult::lines_rated), not in time: the count is the same on
// every machine, so a blow-up such as quadratic growth of the active list fails here for
// certain, and timings live in bench/ (docs/performance.md).
#include <gtest/gtest.h>

#include <vector>

#include "helpers.h"
#include "linebreak/linebreak.h"

namespace vitae::linebreak {
namespace {

using namespace vitae::literals;

/// CV-like paragraphs: 10-60 words (times `scale`) of 2-12 letters at 5pt a letter,
/// hyphenation points in long words, justified on a 440pt measure.
std::vector<std::vector<Item>> cv_paragraphs(int count, int scale = 1) {
  testing::Lcg rng(1234);
  std::vector<std::vector<Item>> out;
  ParagraphBuilder b;
  for (int n = 0; n < count; ++n) {
    const int words = scale * rng.range(10, 60);
    for (int i = 0; i < words; ++i) {
      b.add_space(3.3_pt, 1.7_pt, 1.1_pt);
      const int letters = rng.range(2, 12);
      if (letters > 6) {
        b.add_box(Abs::pt(5.0 * (letters / 2)));
        b.add_break_opportunity(50, 3_pt, true);
        b.add_box(Abs::pt(5.0 * (letters - letters / 2)));
      } else {
        b.add_box(Abs::pt(5.0 * letters));
      }
    }
    out.push_back(b.finish());
  }
  return out;
}

/// Items in `paragraphs`, and the lines rated breaking each of them on a 440pt measure.
std::pair<std::size_t, std::size_t> work_of(const std::vector<std::vector<Item>>& paragraphs) {
  BreakParams p;
  p.line_widths = {440_pt};
  p.emergency_stretch = 20_pt;  // without it a few of these paragraphs go overfull
  LineBreaker breaker;
  std::size_t items = 0, rated = 0;
  for (const auto& paragraph : paragraphs) {
    const BreakResult r = breaker.break_lines(paragraph, p);
    EXPECT_EQ(r.overfull_count(), 0u);
    EXPECT_GT(r.lines_rated, 0u);
    items += paragraph.size();
    rated += r.lines_rated;
  }
  return {items, rated};
}

TEST(Work, AFewLinesRatedPerItem) {
  // About 5.5 items a word and 8-10 words a line: a breakpoint meets the two or three
  // active nodes that can still start its line, in one or two passes.
  const auto [items, rated] = work_of(cv_paragraphs(200));
  std::printf("[ work     ] %zu items, %zu lines rated, %.2f per item\n", items, rated,
              static_cast<double>(rated) / static_cast<double>(items));
  EXPECT_LT(rated, 2 * items);
}

TEST(Work, LinearInTheParagraphsLength) {
  // Long paragraphs, and the same number of items in paragraphs four times as long: the
  // work per item must stay about the same (quadratic growth of the active list would
  // multiply it by four). Short paragraphs cost less per item than long ones (most pass at
  // pretolerance, and their first lines start few active nodes); from about thirty times a
  // CV paragraph's length the figure levels off at the size of the active window.
  const auto [items_long, rated_long] = work_of(cv_paragraphs(12, 30));
  const auto [items_longer, rated_longer] = work_of(cv_paragraphs(3, 120));
  const double per_item_long = static_cast<double>(rated_long) / static_cast<double>(items_long);
  const double per_item_longer = static_cast<double>(rated_longer) / static_cast<double>(items_longer);
  std::printf("[ work     ] %.2f lines rated per item (%zu items), %.2f four times as long (%zu items)\n",
              per_item_long, items_long, per_item_longer, items_longer);
  EXPECT_LT(per_item_longer, 1.5 * per_item_long);
  EXPECT_LT(per_item_longer, 20.0);
}

}  // namespace
}  // namespace vitae::linebreak

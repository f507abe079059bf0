// Speed: the reference CV has ~200 short paragraphs; breaking must cost a few
// microseconds per line. The bound below is loose (Debug builds, shared machines) but
// catches a blow-up such as quadratic behaviour in the active list.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <vector>

#include "helpers.h"
#include "../support/time_scale.h"
#include "linebreak/linebreak.h"

namespace vitae::linebreak {
namespace {

using namespace vitae::literals;

/// CV-like paragraphs: 10-60 words of 2-12 letters at 5pt a letter, hyphenation points in
/// long words, justified on a 440pt measure.
std::vector<std::vector<Item>> cv_paragraphs(int count) {
  testing::Lcg rng(1234);
  std::vector<std::vector<Item>> out;
  ParagraphBuilder b;
  for (int n = 0; n < count; ++n) {
    const int words = rng.range(10, 60);
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

TEST(Speed, FewMicrosecondsPerLine) {
  const auto paragraphs = cv_paragraphs(200);
  BreakParams p;
  p.line_widths = {440_pt};
  p.emergency_stretch = 20_pt;  // without it a few of these paragraphs go overfull
  LineBreaker breaker;
  std::size_t lines = 0;
  const int rounds = 20;
  const auto t0 = std::chrono::steady_clock::now();
  for (int round = 0; round < rounds; ++round) {
    for (const auto& items : paragraphs) {
      const BreakResult r = breaker.break_lines(items, p);
      lines += r.lines.size();
      EXPECT_EQ(r.overfull_count(), 0u);
    }
  }
  const auto t1 = std::chrono::steady_clock::now();
  const double us = std::chrono::duration<double, std::micro>(t1 - t0).count();
  const double per_line = us / static_cast<double>(lines);
  std::printf("[ speed    ] %zu lines, %.2f us/line, %.1f us/paragraph\n", lines / rounds,
              per_line, us / (rounds * 200.0));
  EXPECT_GT(lines, 200u * rounds);
  EXPECT_LT(per_line, 50.0 * vitae::testing::kTimeScale);
}

}  // namespace
}  // namespace vitae::linebreak

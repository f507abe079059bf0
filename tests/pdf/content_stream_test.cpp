// Exact content-stream text for small hand-built runs: TJ positioning, text rise,
// stretched spaces, colours, rules and /ActualText spans.
#include <gtest/gtest.h>

#include "pdf_content/content_stream.h"
#include "pdf_content/font_plan.h"
#include "pdf_content/pdf_number.h"
#include "pdf_test_support.h"
#include "text/subset.h"

namespace vitae::pdf {
namespace {

using pdf_test::bundled;

class ContentStreamTest : public ::testing::Test {
 protected:
  std::shared_ptr<const Font> lato = bundled("lato/Lato-Regular.ttf");

  uint16_t gid(char32_t c) { return glyph_for_codepoint(*lato, c).value(); }
  /// Natural advance of a glyph at `size`, in points.
  double natural(uint16_t g, double size) {
    return lato->glyph_advance(g) * size / lato->metrics().units_per_em;
  }

  /// A run of `text` (ASCII, one glyph per byte), each glyph advancing by its natural
  /// width plus `extra[i]` points.
  GlyphRun run(const std::string& text, std::vector<double> extra, double size = 10) {
    GlyphRun r;
    r.font = lato;
    r.size = Abs::pt(size);
    r.origin = {Abs::pt(72), Abs::pt(100)};
    r.text = text;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const uint16_t g = gid(static_cast<char32_t>(text[i]));
      r.glyphs.push_back(Glyph{g, Abs::pt(natural(g, size) + (i < extra.size() ? extra[i] : 0)),
                               {}, {}, static_cast<uint32_t>(i)});
    }
    return r;
  }

  /// The content stream of one page holding `runs`, and the plan used to write it.
  std::string content(std::vector<GlyphRun> runs, std::vector<Rule> rules = {}) {
    LaidOutDocument doc;
    doc.pages.push_back(pdf_test::blank_page(600, 800));
    doc.pages[0].runs = std::move(runs);
    doc.pages[0].rules = std::move(rules);
    Diagnostics diags;
    plan = plan_fonts(doc, diags);
    EXPECT_TRUE(plan);
    return page_content(doc.pages[0], *plan);
  }

  /// The 4-hex-digit subset glyph id of a character.
  std::string hex(char32_t c) {
    char buf[5];
    std::snprintf(buf, sizeof buf, "%04X", plan->fonts[0].subset.new_glyph(gid(c)).value());
    return buf;
  }

  std::optional<FontPlan> plan;
};

TEST_F(ContentStreamTest, NaturalAdvancesNeedNoAdjustment) {
  const std::string c = content({run("Hi", {})});
  EXPECT_EQ(c, "BT\n/F1 10 Tf\n1 0 0 1 72 700 Tm\n[<" + hex('H') + hex('i') + ">] TJ\nET\n");
}

TEST_F(ContentStreamTest, WiderAdvanceBecomesANegativeTjNumber) {
  // 2 pt more after H at 10 pt = 200 thousandths of an em to the right: -200.
  const std::string c = content({run("Hi", {2})});
  EXPECT_NE(c.find("[<" + hex('H') + "> -200 <" + hex('i') + ">] TJ"), std::string::npos) << c;
}

TEST_F(ContentStreamTest, KerningIsPositive) {
  const std::string c = content({run("AV", {-0.8})});
  EXPECT_NE(c.find("[<" + hex('A') + "> 80 <" + hex('V') + ">] TJ"), std::string::npos) << c;
}

TEST_F(ContentStreamTest, StretchedSpaceIsScaledNotGapped) {
  GlyphRun r = run("a b", {0, 3});
  const double space = natural(gid(' '), 10);
  const std::string c = content({r});
  const std::string tz = pdf_number(100 * (space + 3) / space) + " Tz\n[<" + hex(' ') + ">] TJ\n100 Tz\n";
  EXPECT_NE(c.find(tz), std::string::npos) << c;
}

TEST_F(ContentStreamTest, YOffsetUsesTextRiseAndResetsIt) {
  GlyphRun r = run("ab", {});
  r.glyphs[1].y_offset = Abs::pt(2.5);
  const std::string c = content({r});
  EXPECT_NE(c.find("[<" + hex('a') + ">] TJ\n2.5 Ts\n[<" + hex('b') + ">] TJ\n0 Ts\nET"), std::string::npos) << c;
}

TEST_F(ContentStreamTest, ColourAndRuleGeometry) {
  GlyphRun r = run("a", {});
  r.color = {255, 0, 51};
  Rule rule{{Abs::pt(10), Abs::pt(20)}, Abs::pt(100), Abs::pt(0.5), {255, 0, 51}};
  const std::string c = content({r}, {rule});
  // y flipped: 800 - 20 - 0.5 = 779.5; colour set once for both.
  EXPECT_EQ(c.rfind("1 0 0.2 rg\n10 779.5 100 0.5 re f\nBT\n/F1 10 Tf\n", 0), 0u) << c;
}

TEST_F(ContentStreamTest, DiscIsAFilledCircleOfFourCurves) {
  LaidOutDocument doc;
  doc.pages.push_back(pdf_test::blank_page(600, 800));
  doc.pages[0].discs.push_back(Disc{{Abs::pt(100), Abs::pt(200)}, Abs::pt(2), {0, 0, 255}});
  Diagnostics diags;
  auto p = plan_fonts(doc, diags);
  ASSERT_TRUE(p);
  const std::string c = page_content(doc.pages[0], *p);
  // Centre (100, 600) after the flip; starts at the rightmost point, ends filled.
  EXPECT_EQ(c.rfind("0 0 1 rg\n102 600 m\n102 601.105 101.105 602 100 602 c\n", 0), 0u) << c;
  const std::string tail = " 102 598.895 102 600 c\nf\n";
  EXPECT_EQ(c.substr(c.size() - tail.size()), tail) << c;
  std::size_t curves = 0;
  for (std::size_t i = c.find(" c\n"); i != std::string::npos; i = c.find(" c\n", i + 1)) ++curves;
  EXPECT_EQ(curves, 4u);
}

TEST_F(ContentStreamTest, RunActualTextWrapsTheWholeTextObject) {
  GlyphRun r = run("ab-", {});
  r.actual_text = "ab";
  const std::string c = content({r});
  EXPECT_EQ(c.rfind("/Span <</ActualText <FEFF00610062>>> BDC\nBT\n", 0), 0u) << c;
  EXPECT_EQ(c.substr(c.size() - 7), "ET\nEMC\n");
}

}  // namespace
}  // namespace vitae::pdf

// Inline layout: paragraphs of shaped text broken into lines.
#include <gtest/gtest.h>

#include "layout/inline.h"
#include "layout/shape_cache.h"
#include "linebreak/knuth_plass.h"
#include "text/font_library.h"
#include "text/hyphenate.h"

namespace vitae {
namespace {

class InlineTest : public ::testing::Test {
 protected:
  InlineTest() : fonts(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false}) {}

  TextStyle style(bool bold = false, bool italic = false) {
    FontRequest req{"Lato", bold ? FontWeight::Bold : FontWeight::Regular,
                    italic ? FontStyle::Italic : FontStyle::Upright, {}};
    TextStyle s;
    s.font = fonts.resolve(req).font;
    s.chain = make_font_chain(fonts, s.font, req.weight, req.style);
    s.size = Abs::pt(10);
    return s;
  }

  SetParagraph set(const std::string& text, double width_pt, Align align = Align::Justify, bool hyphenate = false,
                   const Hyphenator* h = nullptr) {
    ParagraphSpec spec{{StyledText{text, style(), {}}}, Abs::pt(width_pt), align, Abs::pt(6), hyphenate, {}};
    return set_paragraph(spec, InlineContext{&shaper, h, &breaker});
  }

  static std::string line_text(const SetLine& l) {
    std::string s;
    for (const GlyphRun& r : l.frame.runs) s += r.text;
    return s;
  }

  FontLibrary fonts;
  ShapeCache cache;
  Shaper shaper{cache};
  linebreak::LineBreaker breaker;
};

TEST_F(InlineTest, JustifiedLinesFillTheMeasureExactly) {
  SetParagraph p = set("Implemented novel self-supervised learning framework for low-resource language modeling "
                       "and a few more words to make several lines of justified text in this paragraph.",
                       300);
  ASSERT_GE(p.lines.size(), 3u);
  EXPECT_EQ(p.align, Align::Justify);
  for (std::size_t i = 0; i + 1 < p.lines.size(); ++i) {
    const SetLine& l = p.lines[i];
    Abs w;
    for (const GlyphRun& r : l.frame.runs) w += r.width();
    EXPECT_NEAR(w.to_pt(), 300.0, 0.01) << line_text(l);
    EXPECT_FALSE(l.overfull);
  }
}

TEST_F(InlineTest, TooLooseJustificationFallsBackToRaggedRight) {
  // At 120pt these long words leave gaps of several spaces in justified lines.
  SetParagraph p = set("Dissertation: Foulingverhalten keramischer Membranen bei wechselnder Rohwasserqualitaet", 120);
  ASSERT_GE(p.lines.size(), 3u);
  EXPECT_EQ(p.align, Align::Left);
  for (const SetLine& l : p.lines) {
    EXPECT_FALSE(l.underfull) << line_text(l);
    // Spaces keep their natural width: no glyph advance is stretched.
    for (const GlyphRun& r : l.frame.runs)
      for (const Glyph& g : r.glyphs) EXPECT_LT(g.x_advance.to_pt(), 12.0);
  }
}

TEST_F(InlineTest, NoOverfullInANarrowColumn) {
  SetParagraph p = set("Implemented novel self-supervised learning framework for low-resource language modeling",
                       359.35);
  for (const SetLine& l : p.lines) EXPECT_FALSE(l.overfull) << line_text(l) << " by " << l.overfull_by.to_pt();
}

TEST_F(InlineTest, SpacesAreRealGlyphsAndTextIsKept) {
  SetParagraph p = set("office affairs", 300, Align::Left);
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_EQ(line_text(p.lines[0]), "office affairs");
  // The ffi ligature makes fewer glyphs than characters; every cluster points into the text.
  const GlyphRun& r = p.lines[0].frame.runs[0];
  EXPECT_LT(r.glyphs.size(), r.text.size());
  for (const Glyph& g : r.glyphs) EXPECT_LT(g.cluster, r.text.size());
}

TEST_F(InlineTest, NoBreakSpaceTiesWordsAndExtractsAsASpace) {
  SetParagraph p = set("one two\u00A0three four\u00A0five six", 40, Align::Left);
  std::vector<std::string> lines;
  for (const SetLine& l : p.lines) lines.push_back(line_text(l));
  for (const std::string& l : lines) {
    EXPECT_EQ(l.find("\u00A0"), std::string::npos) << l;  // drawn and stored as U+0020
    EXPECT_NE(l, "two") << "a tie was broken";
    EXPECT_NE(l, "three") << "a tie was broken";
  }
  std::string joined;
  for (const std::string& l : lines) joined += l + "|";
  EXPECT_NE(joined.find("two three"), std::string::npos) << joined;
  EXPECT_NE(joined.find("four five"), std::string::npos) << joined;
}

TEST_F(InlineTest, LongUrlBreaksAtSlashesWithoutHyphen) {
  SetParagraph p = set("see https://example.com/a/very/long/path/that/cannot/fit/on/one/line/at/all/really", 120,
                       Align::Left);
  ASSERT_GE(p.lines.size(), 2u);
  for (const SetLine& l : p.lines) {
    EXPECT_FALSE(l.overfull) << line_text(l);
    EXPECT_FALSE(l.hyphenated);
  }
  std::string joined;
  for (const SetLine& l : p.lines) joined += line_text(l);
  EXPECT_EQ(joined.find('-'), std::string::npos);
}

TEST_F(InlineTest, UnbreakableTokenBreaksAnywhereAsLastResort) {
  SetParagraph p = set("Supercalifragilisticexpialidocious", 60, Align::Left);
  ASSERT_GE(p.lines.size(), 2u);
  for (const SetLine& l : p.lines) EXPECT_FALSE(l.overfull) << line_text(l);
}

TEST_F(InlineTest, HyphenatedHalvesCarryActualText) {
  std::string err;
  auto h = Hyphenator::load("en-US", default_hyphen_dir(), &err);
  ASSERT_TRUE(h) << err;
  SetParagraph p = set("typesetting typesetting typesetting typesetting", 90, Align::Justify, true, h.get());
  bool found = false;
  for (std::size_t i = 0; i + 1 < p.lines.size(); ++i) {
    if (!p.lines[i].hyphenated) continue;
    found = true;
    const GlyphRun& last = p.lines[i].frame.runs.back();
    ASSERT_TRUE(last.actual_text.has_value());
    EXPECT_EQ(*last.actual_text, "typesetting");
    EXPECT_EQ(last.text.back(), '-');
    const GlyphRun& first = p.lines[i + 1].frame.runs.front();
    ASSERT_TRUE(first.actual_text.has_value());
    EXPECT_EQ(*first.actual_text, "");
  }
  EXPECT_TRUE(found) << "expected a hyphenated line at this measure";
}

TEST_F(InlineTest, RaggedRightIsEvenerThanGreedy) {
  std::string text =
      "Total fit evens the rag: it considers the whole paragraph and minimises the sum of squared "
      "slack instead of filling each line as far as it goes, which leaves a short line here and there.";
  SetParagraph p = set(text, 180, Align::Left);
  ASSERT_GE(p.lines.size(), 4u);
  double max_slack = 0;
  for (std::size_t i = 0; i + 1 < p.lines.size(); ++i) {
    Abs w;
    for (const GlyphRun& r : p.lines[i].frame.runs) w += r.width();
    max_slack = std::max(max_slack, 180 - w.to_pt());
  }
  EXPECT_LT(max_slack, 45.0);
}

}  // namespace
}  // namespace vitae

// Tests for itemize() and shape_text(): script runs, font fallback, missing characters.
#include <gtest/gtest.h>

#include "text/itemize.h"

namespace vitae {
namespace {

const std::string kFonts = std::string(VITAE_SOURCE_DIR) + "/fonts";

FontLibraryConfig config(bool fontconfig) {
  FontLibraryConfig c;
  c.font_dir = kFonts;
  c.use_fontconfig = fontconfig;
  return c;
}

FontChain lato_chain(const FontLibrary& lib) {
  FontRequest req;
  req.family = "Lato";
  auto lato = lib.resolve(req).font;
  EXPECT_TRUE(lato);
  return make_font_chain(lib, lato, FontWeight::Regular, FontStyle::Upright);
}

TEST(Utf8, DecodesAndReplacesInvalidBytes) {
  const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xFF\xC0\xAF";
  std::size_t pos = 0;
  std::vector<char32_t> cps;
  while (pos < s.size()) cps.push_back(decode_utf8(s, pos));
  EXPECT_EQ(cps, (std::vector<char32_t>{U'a', 0xE9, 0x20AC, 0x1F600, 0xFFFD, 0xFFFD, 0xFFFD}));
}

TEST(Itemize, LatinTextIsOneItemInThePrimaryFont) {
  FontLibrary lib(config(false));
  const FontChain chain = lato_chain(lib);
  const std::string text = "Hello, world 2024!";
  Itemization it = itemize(text, 0, text.size(), chain);
  ASSERT_EQ(it.items.size(), 1u);
  EXPECT_EQ(it.items[0].script, "Latn");
  EXPECT_EQ(it.items[0].font, chain.fonts[0]);
  EXPECT_EQ(it.items[0].end, text.size());
  EXPECT_TRUE(it.missing.empty());
}

TEST(Itemize, LatinTextNeverLoadsTheFallbackFamily) {
  FontLibrary lib(config(false));
  const FontChain chain = lato_chain(lib);
  const std::size_t loaded = lib.fonts_loaded();
  const std::string text = "Caf\u00E9 na\u00EFve \u2014 \u201Cquoted\u201D, 2024";
  ShapedText shaped = shape_text(text, 0, text.size(), chain, ShapeOptions{});
  ASSERT_EQ(shaped.runs.size(), 1u);
  EXPECT_EQ(shaped.runs[0].item.font, chain.fonts[0]);
  EXPECT_EQ(lib.fonts_loaded(), loaded) << "Lato has every character: Libertine stays unloaded";
  const std::string hebrew = "\u05E9";
  shape_text(hebrew, 0, hebrew.size(), chain, ShapeOptions{});
  EXPECT_GT(lib.fonts_loaded(), loaded) << "a character Lato lacks loads the other family";
}

TEST(Itemize, HebrewFallsBackToLibertinus) {
  FontLibrary lib(config(false));
  const FontChain chain = lato_chain(lib);
  ASSERT_FALSE(chain.fonts[0]->has_codepoint(U'\u05D0'));
  ASSERT_TRUE(chain.bundled_fallbacks);
  auto fallbacks = lib.fallbacks(*chain.fonts[0], FontWeight::Regular, FontStyle::Upright);
  ASSERT_FALSE(fallbacks.empty());
  ASSERT_TRUE(fallbacks[0]->has_codepoint(U'\u05D0'));
  const std::string text = "Shalom \u05E9\u05DC\u05D5\u05DD end";  // 4 Hebrew letters
  const std::size_t hebrew = text.find("\u05E9");
  ShapedText shaped = shape_text(text, 0, text.size(), chain, ShapeOptions{});
  ASSERT_EQ(shaped.runs.size(), 3u);
  EXPECT_EQ(shaped.runs[0].item.end, hebrew);  // the space joins the Latin run before it
  EXPECT_EQ(shaped.runs[2].item.begin, text.find(" end"));  // this one goes to the Latin after
  EXPECT_EQ(shaped.runs[1].item.begin, hebrew);
  EXPECT_EQ(shaped.runs[1].item.script, "Hebr");
  EXPECT_EQ(shaped.runs[1].item.direction, TextDirection::RightToLeft);
  EXPECT_EQ(shaped.runs[1].item.font->family(), "Libertinus Serif");
  EXPECT_EQ(shaped.runs[2].item.font, chain.fonts[0]);
  for (const auto& g : shaped.runs[1].glyphs) {
    EXPECT_NE(g.id, 0);  // no .notdef
    EXPECT_GE(g.cluster, hebrew);
    EXPECT_LT(g.cluster, shaped.runs[1].item.end);
  }
  EXPECT_TRUE(shaped.missing.empty());
}

TEST(Itemize, CharacterInNoFontIsReported) {
  FontLibrary lib(config(false));  // fontconfig off: result independent of the machine
  const FontChain chain = lato_chain(lib);
  // Plane 16 private use: neither bundled family has it (Libertine does use the BMP PUA).
  for (const auto& f : chain.fonts) ASSERT_FALSE(f->has_codepoint(0x10FFFD));
  for (const auto& f : lib.fallbacks(*chain.fonts[0], FontWeight::Regular, FontStyle::Upright))
    ASSERT_FALSE(f->has_codepoint(0x10FFFD));
  const std::string text = "a\U0010FFFDb";
  ShapedText shaped = shape_text(text, 0, text.size(), chain, ShapeOptions{});
  ASSERT_EQ(shaped.missing.size(), 1u);
  EXPECT_EQ(shaped.missing[0].codepoint, 0x10FFFDu);
  EXPECT_EQ(shaped.missing[0].offset, 1u);
  EXPECT_EQ(missing_char_message(shaped.missing[0]),
            "U+10FFFD (at byte 1) was not found in any font");
  ASSERT_EQ(shaped.runs.size(), 1u);  // stays in the chosen font, as .notdef
  ASSERT_EQ(shaped.runs[0].glyphs.size(), 3u);
  EXPECT_EQ(shaped.runs[0].glyphs[1].id, 0);
}

TEST(Itemize, SpacesInsideHebrewStayHebrewButDigitsDoNot) {
  FontLibrary lib(config(false));
  const FontChain chain = lato_chain(lib);
  const std::string text = "\u05E9\u05DC \u05D5\u05DD 2024";
  Itemization it = itemize(text, 0, text.size(), chain);
  ASSERT_EQ(it.items.size(), 2u);
  EXPECT_EQ(it.items[0].script, "Hebr");
  EXPECT_EQ(it.items[0].end, text.find(" 2024"));  // includes the inner space
  EXPECT_EQ(it.items[1].script, "Latn");
  EXPECT_EQ(it.items[1].direction, TextDirection::LeftToRight);
  EXPECT_EQ(it.items[1].font, chain.fonts[0]);
}

TEST(Itemize, CombiningMarksStayWithTheirBase) {
  FontLibrary lib(config(false));
  const FontChain chain = lato_chain(lib);
  const std::string text = "e\u0301x";  // e + combining acute
  Itemization it = itemize(text, 0, text.size(), chain);
  ASSERT_EQ(it.items.size(), 1u);
  EXPECT_TRUE(it.missing.empty());
}

TEST(Itemize, SubRangeAndCommonOnlyText) {
  FontLibrary lib(config(false));
  const FontChain chain = lato_chain(lib);
  const std::string text = "abc 2020-2024";
  Itemization it = itemize(text, 4, text.size(), chain);
  ASSERT_EQ(it.items.size(), 1u);
  EXPECT_EQ(it.items[0].begin, 4u);
  EXPECT_EQ(it.items[0].script, "Latn");  // digits only: the default script
  EXPECT_TRUE(itemize(text, 3, 3, chain).items.empty());
}

// Printable ASCII takes a shortcut (no per-character look-ups); it must give what the
// general path gives, which these cases pin.
TEST(Itemize, PrintableAsciiGivesTheGeneralPathsItems) {
  FontLibrary lib(config(false));
  const FontChain chain = lato_chain(lib);
  EXPECT_TRUE(chain.fonts[0]->has_printable_ascii());
  const std::string digits = "(2019) - 42";
  Itemization hebrew = itemize(digits, 0, digits.size(), chain, "Hebr");
  ASSERT_EQ(hebrew.items.size(), 1u);
  EXPECT_EQ(hebrew.items[0].script, "Hebr");  // no letters: the default script, and its direction
  EXPECT_EQ(hebrew.items[0].direction, TextDirection::RightToLeft);
  Itemization latin = itemize("x (2019)", 0, 8, chain, "Hebr");
  ASSERT_EQ(latin.items.size(), 1u);
  EXPECT_EQ(latin.items[0].script, "Latn");  // a letter makes it Latin whatever the default
  EXPECT_EQ(latin.items[0].direction, TextDirection::LeftToRight);
  // One byte outside printable ASCII and the general path decides: a tab is a control
  // character, which joins its neighbour's font and script.
  const std::string tabbed = "a\tb";
  Itemization t = itemize(tabbed, 0, tabbed.size(), chain);
  ASSERT_EQ(t.items.size(), 1u);
  EXPECT_EQ(t.items[0].script, "Latn");
}

TEST(Itemize, SystemFallbackFindsAScriptNoBundledFontHas) {
  FontLibrary lib(config(true));
  const FontChain chain = lato_chain(lib);
  const std::string text = "x \u0915\u093F";  // Devanagari ki (base + vowel sign)
  ASSERT_FALSE(chain.fonts[0]->has_codepoint(U'\u0915'));
  ShapedText shaped = shape_text(text, 0, text.size(), chain, ShapeOptions{});
  // scripts/setup.sh installs fonts-lohit-deva for this; without it the test fails.
  ASSERT_TRUE(shaped.missing.empty()) << "no Devanagari font found by fontconfig: install fonts-lohit-deva";
  ASSERT_EQ(shaped.runs.size(), 2u);
  EXPECT_EQ(shaped.runs[1].item.script, "Deva");
  EXPECT_TRUE(shaped.runs[1].item.font->has_codepoint(U'\u0915'));
  EXPECT_TRUE(shaped.runs[1].item.font->has_codepoint(U'\u093F'));
}

}  // namespace
}  // namespace vitae

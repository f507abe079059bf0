// Break opportunities inside words.
#include <gtest/gtest.h>

#include "layout/word_breaks.h"
#include "text/hyphenate.h"

namespace vitae {
namespace {

std::vector<std::size_t> offsets(std::string_view w, double line_width = 1000, double word_width = 10) {
  WordBreakConfig c;
  c.line_width = Abs::pt(line_width);
  std::vector<std::size_t> out;
  // Every byte equally wide.
  auto width_of = [&](std::size_t from, std::size_t to) { return Abs::pt(word_width * (to - from) / w.size()); };
  for (const WordBreak& b : word_breaks(w, c, nullptr, Abs::pt(word_width), width_of)) out.push_back(b.offset);
  return out;
}

TEST(WordBreaks, AfterExplicitHyphenOnly) {
  EXPECT_EQ(offsets("co-founder"), (std::vector<std::size_t>{3}));
  EXPECT_TRUE(offsets("x-ray").empty());  // fewer than two letters before the hyphen
}

TEST(WordBreaks, UrlsBreakAfterSeparators) {
  auto b = offsets("https://example.com/path/to/page");
  EXPECT_NE(std::find(b.begin(), b.end(), std::string("https://example.com/").size()), b.end());
  EXPECT_EQ(std::find(b.begin(), b.end(), std::string("https:/").size()), b.end());  // not inside "//"
  auto mail = offsets("first.last@example.com");
  EXPECT_NE(std::find(mail.begin(), mail.end(), std::string("first.last").size()), mail.end());  // before @
}

TEST(WordBreaks, HostNamesBreakAtDots) {
  auto b = offsets("alexmorgan.example.com");
  EXPECT_NE(std::find(b.begin(), b.end(), std::string("alexmorgan.").size()), b.end());
  EXPECT_TRUE(offsets("e.g.").empty());
}

TEST(WordBreaks, DateRangesAreNotUrls) { EXPECT_TRUE(offsets("09/2006-07/2010").empty()); }

TEST(WordBreaks, AnywhereOnlyWhenTheWordIsWiderThanTheLine) {
  EXPECT_TRUE(offsets("abcdef", 100, 50).empty());
  EXPECT_EQ(offsets("abcdef", 40, 50).size(), 5u);
  // UTF-8: never inside a character.
  EXPECT_EQ(offsets("\xc3\xa9\xc3\xa9\xc3\xa9", 10, 50), (std::vector<std::size_t>{2, 4}));
  // Only inside a part between the word's other breaks that is wider than the line: this
  // address (45 bytes, 100 pt) breaks after "//", "a." and its slashes alone while each part
  // fits (the widest, "bbb.../", 20 bytes: 44 pt)...
  EXPECT_EQ(offsets("https://a.example/bbbbbbbbbbbbbbbbbbb/ccccccc", 60, 100),
            (std::vector<std::size_t>{8, 10, 18, 38}));
  // ...and between letters inside the one part that does not fit (46.5 pt of a 40 pt line).
  std::vector<std::size_t> cut = offsets("https://a.example/bbbbbbbbbbbbbbbbbbb/ccccc", 40, 100);
  EXPECT_EQ(cut.size(), 4u + 19u);
  EXPECT_EQ(cut[2], 18u);  // the slash, then every letter after it
  EXPECT_EQ(cut[3], 19u);
  EXPECT_EQ(cut.back(), 38u);
}

TEST(WordBreaks, HyphenationOnlyInsideLettersAndNeverInUrls) {
  std::string err;
  auto h = Hyphenator::load("en-US", default_hyphen_dir(), &err);
  ASSERT_TRUE(h) << err;
  WordBreakConfig c;
  c.line_width = Abs::pt(1000);
  c.allow_hyphenation = true;
  auto flagged = [&](std::string_view w) {
    std::vector<std::size_t> out;
    for (const WordBreak& b : word_breaks(w, c, h.get(), Abs::pt(10), [](std::size_t, std::size_t) { return Abs::pt(1); }))
      if (b.hyphen) out.push_back(b.offset);
    return out;
  };
  // "(typesetting)," is hyphenated in its letters: offsets count from the word's start.
  auto t = flagged("(typesetting),");
  ASSERT_FALSE(t.empty());
  EXPECT_EQ(t.front(), 1 + std::string("type").size());
  EXPECT_TRUE(flagged("alexmorgan.example.com").empty());
  EXPECT_TRUE(flagged("inter2024national").empty());
}

}  // namespace
}  // namespace vitae

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
  for (const WordBreak& b : word_breaks(w, c, nullptr, Abs::pt(word_width))) out.push_back(b.offset);
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
    for (const WordBreak& b : word_breaks(w, c, h.get(), Abs::pt(10)))
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

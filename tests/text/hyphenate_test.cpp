// Tests for the Hyphenator (libhyphen with Debian's en_US patterns).
#include <gtest/gtest.h>

#include <thread>

#include "text/hyphenate.h"

namespace vitae {
namespace {

using Breaks = std::vector<std::size_t>;

std::shared_ptr<const Hyphenator> english() {
  std::string err;
  auto h = Hyphenator::load("en-US", default_hyphen_dir(), &err);
  EXPECT_TRUE(h) << err;
  return h;
}

/// The word with '-' at each break, to make failures readable.
std::string marked(const std::string& word, const Breaks& breaks) {
  std::string out;
  std::size_t prev = 0;
  for (std::size_t b : breaks) {
    out += word.substr(prev, b - prev) + "-";
    prev = b;
  }
  return out + word.substr(prev);
}

TEST(Hyphenate, FindsPatternFiles) {
  const std::string dir = default_hyphen_dir();
  EXPECT_EQ(find_hyphen_patterns("en-US", dir), dir + "/hyph_en_US.dic");
  EXPECT_EQ(find_hyphen_patterns("en_us", dir), dir + "/hyph_en_US.dic");
  EXPECT_EQ(find_hyphen_patterns("en", dir), dir + "/hyph_en.dic");
  EXPECT_EQ(find_hyphen_patterns("tlh-QO", dir), "");
  std::string err;
  EXPECT_FALSE(Hyphenator::load("tlh", dir, &err));
  EXPECT_NE(err.find("no hyphenation patterns for language 'tlh'"), std::string::npos) << err;
}

TEST(Hyphenate, EnglishWords) {
  auto h = english();
  ASSERT_TRUE(h);
  EXPECT_EQ(marked("typesetting", h->hyphenate("typesetting")), "type-set-ting");
  // The patterns allow in-ter-na-tion-al; "al" is shorter than \righthyphenmin = 3.
  EXPECT_EQ(marked("international", h->hyphenate("international")), "in-ter-na-tional");
  EXPECT_EQ(marked("Typesetting", h->hyphenate("Typesetting")), "Type-set-ting");  // case
}

TEST(Hyphenate, MinimumsAreRespected) {
  auto h = english();
  ASSERT_TRUE(h);
  const Breaks all = h->hyphenate("international", {2, 3});
  const Breaks strict = h->hyphenate("international", {3, 4});
  ASSERT_FALSE(all.empty());
  EXPECT_LT(strict.size(), all.size());
  for (std::size_t b : strict) {
    EXPECT_GE(b, 3u);
    EXPECT_LE(b, std::string("international").size() - 4);
  }
  EXPECT_TRUE(h->hyphenate("cat").empty());
  EXPECT_TRUE(h->hyphenate("").empty());
  EXPECT_TRUE(h->hyphenate(std::string(300, 'a')).empty());
  EXPECT_TRUE(h->hyphenate("inter\xff" "national").empty());
}

TEST(Hyphenate, OffsetsAreBytesForNonAsciiWords) {
  auto h = english();
  ASSERT_TRUE(h);
  // "naïveté"-style: offsets must land on character boundaries of the original bytes.
  const std::string word = "r\xC3\xA9sum\xC3\xA9s";  // résumés
  for (std::size_t b : h->hyphenate(word)) {
    ASSERT_LT(b, word.size());
    EXPECT_NE(static_cast<unsigned char>(word[b]) & 0xC0, 0x80) << b;
  }
}

TEST(Hyphenate, CacheSharesAndIsThreadSafe) {
  HyphenatorCache cache;
  std::string err;
  auto a = cache.get("en-US", &err);
  auto b = cache.get("en-US", &err);
  ASSERT_TRUE(a);
  EXPECT_EQ(a.get(), b.get());
  EXPECT_FALSE(cache.get("xx-YY", &err));
  const Breaks expected = a->hyphenate("internationalization");
  bool same[2] = {true, true};
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i)
        if (a->hyphenate("internationalization") != expected) same[t] = false;
    });
  for (auto& th : threads) th.join();
  EXPECT_TRUE(same[0] && same[1]);
}

}  // namespace
}  // namespace vitae

// Tests for shape(): ligatures, clusters, kerning, features, sub-ranges, threads.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "text/font_library.h"
#include "text/shape.h"

namespace vitae {
namespace {

const std::string kFonts = std::string(VITAE_SOURCE_DIR) + "/fonts/";

std::shared_ptr<const Font> font(const char* file) {
  std::string err;
  auto f = load_font_file(kFonts + file, &err);
  EXPECT_TRUE(f) << err;
  return f;
}

std::vector<uint16_t> ids(const std::vector<ShapedGlyph>& glyphs) {
  std::vector<uint16_t> out;
  for (const auto& g : glyphs) out.push_back(g.id);
  return out;
}

TEST(Shape, OfficeUsesALigatureWithClustersIntoTheString) {
  auto lato = font("lato/Lato-Regular.ttf");
  ShapeOptions opt;
  const auto glyphs = shape(*lato, "office", opt);
  ASSERT_LT(glyphs.size(), 6u);  // "ffi" or "fi" became one glyph
  // Clusters are non-decreasing byte offsets, starting at 0; 'c' is at byte 4 -> its
  // glyph is the one with cluster 4, and a ligature glyph starts at byte 1.
  EXPECT_EQ(glyphs.front().cluster, 0u);
  std::set<uint32_t> clusters;
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    clusters.insert(glyphs[i].cluster);
    if (i) {
      EXPECT_GE(glyphs[i].cluster, glyphs[i - 1].cluster);
    }
  }
  EXPECT_TRUE(clusters.count(1));
  EXPECT_TRUE(clusters.count(4));
  EXPECT_TRUE(clusters.count(5));
  // With ligatures off, one glyph per character.
  opt.features = {"-liga"};
  EXPECT_EQ(shape(*lato, "office", opt).size(), 6u);
}

TEST(Shape, AdvancesScaleExactlyWithSize) {
  auto lato = font("lato/Lato-Regular.ttf");
  ShapeOptions opt;
  opt.size = Abs::pt(10);
  const auto g10 = shape(*lato, "H", opt);
  opt.size = Abs::pt(20);
  const auto g20 = shape(*lato, "H", opt);
  ASSERT_EQ(g10.size(), 1u);
  EXPECT_DOUBLE_EQ(g20[0].x_advance.to_pt(), 2 * g10[0].x_advance.to_pt());
  EXPECT_EQ(g10[0].x_advance_units, lato->glyph_advance(g10[0].id));
  EXPECT_DOUBLE_EQ(g10[0].x_advance.to_pt(), 10.0 * g10[0].x_advance_units / 2000.0);
}

TEST(Shape, KerningNarrowsAV) {
  auto lato = font("lato/Lato-Regular.ttf");
  ShapeOptions opt;
  const Abs kerned = total_advance(shape(*lato, "AV", opt));
  opt.features = {"-kern"};
  const Abs plain = total_advance(shape(*lato, "AV", opt));
  EXPECT_LT(kerned, plain);
}

TEST(Shape, LibertineOldstyleFiguresAndSmallCaps) {
  auto lib = font("libertine/LinLibertine_R.otf");
  ShapeOptions opt;
  const auto lining = ids(shape(*lib, "2024", opt));
  opt.features = {"+onum"};
  const auto oldstyle = ids(shape(*lib, "2024", opt));
  ASSERT_EQ(lining.size(), 4u);
  ASSERT_EQ(oldstyle.size(), 4u);
  EXPECT_NE(lining, oldstyle);
  opt.features = {"smcp"};
  const auto small_caps = ids(shape(*lib, "abc", opt));
  opt.features = {};
  EXPECT_NE(small_caps, ids(shape(*lib, "abc", opt)));
}

TEST(Shape, SubRangeKeepsClustersIntoTheWholeString) {
  auto lato = font("lato/Lato-Regular.ttf");
  const std::string text = "é office";  // é is two bytes
  const auto glyphs = shape(*lato, text, 3, text.size(), ShapeOptions{});
  ASSERT_FALSE(glyphs.empty());
  EXPECT_EQ(glyphs.front().cluster, 3u);
  EXPECT_EQ(glyphs.back().cluster, text.size() - 1);
  EXPECT_TRUE(shape(*lato, text, 5, 5, ShapeOptions{}).empty());
  EXPECT_TRUE(shape(*lato, text, 9, 400, ShapeOptions{}).empty());
}

TEST(Shape, UnsafeToBreakMarksLigatureAndKerning) {
  auto lato = font("lato/Lato-Regular.ttf");
  // In "AV" the kerning pair spans the boundary before V: HarfBuzz flags it.
  const auto kerned = shape(*lato, "AV", ShapeOptions{});
  ASSERT_EQ(kerned.size(), 2u);
  EXPECT_TRUE(kerned[1].unsafe_to_break);
  // Between two spaces nothing interacts.
  const auto spaced = shape(*lato, "a  b", ShapeOptions{});
  ASSERT_EQ(spaced.size(), 4u);
  EXPECT_FALSE(spaced[2].unsafe_to_break);
}

TEST(Shape, ParseFeature) {
  std::string err;
  EXPECT_TRUE(parse_feature("+smcp", &err));
  EXPECT_TRUE(parse_feature("onum", &err));
  EXPECT_TRUE(parse_feature("kern=0", &err));
  EXPECT_FALSE(parse_feature("+", &err));
  EXPECT_NE(err.find("invalid OpenType feature"), std::string::npos);
}

TEST(Shape, InvalidUtf8DoesNotCrash) {
  auto lato = font("lato/Lato-Regular.ttf");
  const std::string bad = "a\xff\xc3(b";
  const auto glyphs = shape(*lato, bad, ShapeOptions{});
  EXPECT_EQ(glyphs.size(), 5u);
}

TEST(Shape, TwoThreadsShapeTheSameFontIdentically) {
  auto lato = font("lato/Lato-Regular.ttf");
  const std::string text = "Typesetting office AV 2024 — efficient affine";
  const auto expected = ids(shape(*lato, text, ShapeOptions{}));
  bool same[2] = {true, true};
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i)
        if (ids(shape(*lato, text, ShapeOptions{})) != expected) same[t] = false;
    });
  for (auto& th : threads) th.join();
  EXPECT_TRUE(same[0] && same[1]);
}

// A reused buffer must shape each text as a fresh one would: nothing of the previous call
// (its direction, script, language, flags or glyphs) may carry over.
TEST(Shape, AReusedBufferShapesAsAFreshOne) {
  auto lato = font("lato/Lato-Regular.ttf");
  auto libertine = font("libertine/LinLibertine_R.otf");
  struct Case {
    const Font* font;
    std::string text;
    ShapeOptions options;
  };
  ShapeOptions rtl;
  rtl.direction = TextDirection::RightToLeft;
  rtl.script = "Hebr";
  rtl.language = "he";
  ShapeOptions smcp;
  smcp.features = {"+smcp", "onum"};
  ShapeOptions big;
  big.size = Abs::pt(24);
  const std::vector<Case> cases = {
      {libertine.get(), "\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD", rtl},
      {lato.get(), "office AV", {}},
      {libertine.get(), "Small Caps 2024", smcp},
      {lato.get(), "Typesetting", big},
      {lato.get(), "a much longer text than the one before, to grow the buffer", {}},
      {lato.get(), "fi", {}},
  };
  ShapeBuffer buffer;
  for (int round = 0; round < 2; ++round) {
    for (const Case& c : cases) {
      const auto fresh = shape(*c.font, c.text, 0, c.text.size(), c.options);
      const auto reused = shape(*c.font, c.text, 0, c.text.size(), c.options, &buffer);
      ASSERT_EQ(reused.size(), fresh.size()) << c.text;
      for (std::size_t i = 0; i < fresh.size(); ++i) {
        EXPECT_EQ(reused[i].id, fresh[i].id) << c.text << " glyph " << i;
        EXPECT_EQ(reused[i].cluster, fresh[i].cluster) << c.text << " glyph " << i;
        EXPECT_EQ(reused[i].x_advance_units, fresh[i].x_advance_units) << c.text << " glyph " << i;
        EXPECT_EQ(reused[i].unsafe_to_break, fresh[i].unsafe_to_break) << c.text << " glyph " << i;
      }
    }
  }
  // A sub-range after a whole string: the context and the begin/end flags are the call's.
  const std::string text = "affine office";
  EXPECT_EQ(ids(shape(*lato, text, 1, 6, {}, &buffer)), ids(shape(*lato, text, 1, 6, {})));
}

}  // namespace
}  // namespace vitae

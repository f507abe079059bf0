// The shape cache: one store of shaped words shared by the threads of a build.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "layout/shape_cache.h"
#include "text/font_library.h"

namespace vitae {
namespace {

class ShapeCacheTest : public ::testing::Test {
 protected:
  ShapeCacheTest() : fonts(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false}) {}

  TextStyle style(bool bold) {
    FontRequest req{"Lato", bold ? FontWeight::Bold : FontWeight::Regular, FontStyle::Upright, {}};
    TextStyle s;
    s.font = fonts.resolve(req).font;
    s.chain = make_font_chain(fonts, s.font, req.weight, req.style);
    s.size = Abs::pt(10);
    return s;
  }

  static std::vector<std::string> words() {
    std::istringstream in(
        "Implemented novel self-supervised learning framework for low-resource language modeling "
        "office affine fjord Wavy Type AVA To. 2019-2023 Durham, NC https://example.org/a?b=c");
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
  }

  static std::vector<uint16_t> ids(const ShapedPiece& p) {
    std::vector<uint16_t> out;
    for (const PieceRun& r : p.runs)
      for (const Glyph& g : r.glyphs) out.push_back(g.id);
    return out;
  }

  FontLibrary fonts;
};

TEST_F(ShapeCacheTest, AHitIsTheStoredPieceAndKeysTellStylesApart) {
  ShapeCache cache;
  Shaper shaper(cache);
  const TextStyle regular = style(false), bold = style(true);
  const ShapedPiece& first = shaper.shape(regular, "office");
  EXPECT_EQ(&first, &shaper.shape(regular, "office"));
  EXPECT_EQ(ids(first).size(), 4u) << "o, ffi ligature, c, e";
  const ShapedPiece& in_bold = shaper.shape(bold, "office");
  EXPECT_NE(&first, &in_bold);
  EXPECT_NE(first.width, in_bold.width);
  TextStyle larger = regular;
  larger.size = Abs::pt(20);
  EXPECT_NEAR(shaper.shape(larger, "office").width.to_pt(), 2 * first.width.to_pt(), 1e-9);
}

// Two threads shape the same words, in opposite orders, each through its own Shaper on one
// cache: every word ends up stored once (both threads get the same piece), and the pieces
// are those a cache of one thread makes.
TEST_F(ShapeCacheTest, ThreadsSharingACacheGetOnePieceForEachWord) {
  const std::vector<std::string> list = words();
  const TextStyle regular = style(false), bold = style(true);
  ShapeCache shared;
  std::vector<const ShapedPiece*> seen[2];
  auto work = [&](int t) {
    Shaper shaper(shared);
    for (int round = 0; round < 20; ++round)
      for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string& w = list[t == 0 ? k : list.size() - 1 - k];
        const ShapedPiece& p = shaper.shape(round % 2 ? bold : regular, w);
        if (round < 2) seen[t].push_back(&p);
      }
  };
  std::thread other(work, 1);
  work(0);
  other.join();

  ShapeCache alone;
  Shaper single(alone);
  Shaper again(shared);
  for (int round = 0; round < 2; ++round)
    for (const std::string& w : list) {
      const TextStyle& st = round ? bold : regular;
      const ShapedPiece& p = again.shape(st, w);
      const ShapedPiece& q = single.shape(st, w);
      EXPECT_EQ(ids(p), ids(q)) << w;
      EXPECT_EQ(p.width, q.width) << w;
      const std::size_t k = round * list.size();
      EXPECT_EQ(seen[0][k + (&w - list.data())], &p) << w;
      EXPECT_EQ(seen[1][k + (list.size() - 1 - (&w - list.data()))], &p) << w;
    }
}

}  // namespace
}  // namespace vitae

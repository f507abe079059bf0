// The header's photo (cv.photo, design.header.photo_*): where it goes, its size, and the
// header text set in the width that remains beside it (RenderCV's Header template).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "layout/layout.h"
#include "load/load.h"
#include "text/font_library.h"

namespace vitae {
namespace {

std::optional<std::string> read_bytes(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return *error = "no such file", std::nullopt;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Laid {
  std::optional<Document> doc;
  LaidOutDocument pages;
  Diagnostics diags;
};

/// A CV with a photo (paths relative to the source tree, where tests run) and `design`.
Laid lay_out(const std::string& photo, const std::string& design = "") {
  const std::string yaml =
      "cv:\n  name: Ada Lovelace\n  headline: Analyst of engines and the numbers they weave\n"
      "  email: ada@example.com\n  phone: '+44 20 7946 0000'\n  location: London\n" +
      (photo.empty() ? std::string() : "  photo: " + photo + "\n") +
      "  sections:\n    about:\n      - Wrote the first program.\n"
      "design:\n  page:\n    left_margin: 2cm\n    right_margin: 2cm\n  header:\n    alignment: left\n" + design;
  Laid l;
  LoadOptions options;
  options.read_image = read_bytes;
  l.doc = load_document({"cv.yaml", yaml}, l.diags, options);
  if (!l.doc) return l;
  static const FontLibrary fonts(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false});
  l.pages = layout_document(*l.doc, fonts, {}, l.diags).doc;
  return l;
}

constexpr double kEps = 0.01;
const double kLeft = Abs::cm(2).to_pt();
const double kTextWidth = Abs::inch(8.5).to_pt() - 2 * kLeft;  // the classic theme's US letter

/// The leftmost and rightmost x of the header's runs (those above the section heading).
std::pair<double, double> header_text_extent(const Page& page, double below_y) {
  double lo = 1e9, hi = -1e9;
  for (const GlyphRun& r : page.runs) {
    if (r.origin.y.to_pt() > below_y) continue;
    lo = std::min(lo, r.origin.x.to_pt());
    hi = std::max(hi, (r.origin.x + r.width()).to_pt());
  }
  return {lo, hi};
}

TEST(Photo, LeftPhotoIsPhotoWidthWideAndAsTallAsItsAspect) {
  Laid l = lay_out("tests/data/photo/landscape.png");
  ASSERT_TRUE(l.doc) << format_diagnostics(l.diags, {});
  ASSERT_EQ(l.pages.pages.size(), 1u);
  const Page& p = l.pages.pages[0];
  ASSERT_EQ(p.images.size(), 1u);
  const PlacedImage& img = p.images[0];
  EXPECT_NEAR(img.width.to_pt(), Abs::cm(3.5).to_pt(), kEps);
  EXPECT_NEAR(img.height.to_pt(), Abs::cm(3.5).to_pt() * 12 / 16, kEps);
  EXPECT_NEAR(img.origin.x.to_pt(), kLeft + Abs::cm(0.4).to_pt(), kEps);
  EXPECT_EQ(img.image, l.doc->cv.photo_image);
  // The text starts after the photo's column, and stays in the page's text block.
  auto [lo, hi] = header_text_extent(p, (img.origin.y + img.height).to_pt());
  EXPECT_NEAR(lo, kLeft + Abs::cm(4.3).to_pt(), 0.5);
  EXPECT_LE(hi, kLeft + kTextWidth + kEps);
  const std::string dump = dump_pages(l.pages);
  EXPECT_NE(dump.find("  image at 68.03,50.74 99.21x74.41 landscape.png\n"), std::string::npos) << dump;
}

TEST(Photo, RightPhotoMirrors) {
  Laid l = lay_out("tests/data/photo/landscape.png", "    photo_position: right\n");
  ASSERT_TRUE(l.doc);
  const Page& p = l.pages.pages.at(0);
  ASSERT_EQ(p.images.size(), 1u);
  const PlacedImage& img = p.images[0];
  EXPECT_NEAR((img.origin.x + img.width).to_pt(), kLeft + kTextWidth - Abs::cm(0.4).to_pt(), kEps);
  auto [lo, hi] = header_text_extent(p, (img.origin.y + img.height).to_pt());
  EXPECT_NEAR(lo, kLeft, 0.5);
  EXPECT_LE(hi, kLeft + kTextWidth - Abs::cm(4.3).to_pt() + kEps);
}

TEST(Photo, HeaderTextNarrowsBesideThePhoto) {
  // A headline too long for the narrowed column breaks into more lines than without a photo.
  const std::string headline =
      "Analyst of engines, translator of Menabrea, author of the notes that hold the first program ever";
  auto headline_lines = [&](const Laid& l) {
    std::set<double> ys;
    for (const GlyphRun& r : l.pages.pages.at(0).runs)
      if (r.text.size() > 3 && headline.find(r.text) != std::string::npos) ys.insert(r.origin.y.to_pt());
    return ys.size();
  };
  const std::string set = "set:\n  cv.headline: " + headline + "\n";
  Laid without = lay_out("", set);
  Laid with = lay_out("tests/data/photo/landscape.png", set);
  ASSERT_TRUE(without.doc && with.doc);
  EXPECT_EQ(headline_lines(without), 1u);
  EXPECT_GT(headline_lines(with), headline_lines(without));
}

TEST(Photo, SpacesMoveThePhotoAndTheText) {
  Laid l = lay_out("tests/data/photo/portrait.jpg",
                   "    photo_width: 2cm\n    photo_space_left: 1cm\n    photo_space_right: 0.5cm\n");
  ASSERT_TRUE(l.doc);
  const Page& p = l.pages.pages.at(0);
  ASSERT_EQ(p.images.size(), 1u);
  EXPECT_NEAR(p.images[0].origin.x.to_pt(), kLeft + Abs::cm(1).to_pt(), kEps);
  EXPECT_NEAR(p.images[0].width.to_pt(), Abs::cm(2).to_pt(), kEps);
  EXPECT_NEAR(p.images[0].height.to_pt(), Abs::cm(2).to_pt() * 40 / 30, kEps);
  auto [lo, hi] = header_text_extent(p, (p.images[0].origin.y + p.images[0].height).to_pt());
  EXPECT_NEAR(lo, kLeft + Abs::cm(3.5).to_pt(), 0.5);
}

// The row is as tall as the taller of photo and text: a tall photo pushes the first
// section down by its height.
TEST(Photo, TallPhotoPushesTheSectionsDown) {
  auto heading_y = [](const Laid& l) {
    for (const GlyphRun& r : l.pages.pages.at(0).runs)
      if (r.text.rfind("About", 0) == 0) return r.origin.y.to_pt();
    return 0.0;
  };
  Laid small = lay_out("tests/data/photo/landscape.png", "    photo_width: 1cm\n");
  Laid tall = lay_out("tests/data/photo/portrait.jpg", "    photo_width: 6cm\n");
  ASSERT_TRUE(small.doc && tall.doc);
  const PlacedImage& img = tall.pages.pages.at(0).images.at(0);
  EXPECT_GT(heading_y(tall), (img.origin.y + img.height).to_pt());
  EXPECT_GT(heading_y(tall), heading_y(small) + 50);
}

TEST(Photo, PhotoTooWideForTheLineIsAnError) {
  Laid l = lay_out("tests/data/photo/landscape.png", "    photo_width: 15cm\n");
  ASSERT_TRUE(l.doc);
  ASSERT_EQ(l.diags.error_count(), 1u);
  EXPECT_NE(l.diags.all()[0].message.find("leaves less than a quarter of the line"), std::string::npos);
}

}  // namespace
}  // namespace vitae

// Tests for load_font_file: the two bundled families, and files that are not fonts.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "text/font_library.h"

namespace vitae {
namespace {

const std::string kFonts = std::string(VITAE_SOURCE_DIR) + "/fonts/";

TEST(LoadFontFile, LoadsTrueTypeLato) {
  std::string err;
  auto f = load_font_file(kFonts + "lato/Lato-Regular.ttf", &err);
  ASSERT_TRUE(f) << err;
  EXPECT_EQ(f->family(), "Lato");
  EXPECT_FALSE(f->is_cff());
  EXPECT_EQ(f->metrics().units_per_em, 2000);
  EXPECT_GT(f->metrics().ascender, 0);
  EXPECT_LT(f->metrics().descender, 0);
  EXPECT_GT(f->metrics().cap_height, f->metrics().x_height);
  EXPECT_TRUE(f->has_codepoint(U'A'));
  EXPECT_FALSE(f->has_codepoint(U'\uE000'));
  int positive = 0;
  for (uint16_t g = 0; g < 10; ++g) positive += f->glyph_advance(g) > 0;
  EXPECT_GT(positive, 0);
  EXPECT_EQ(f->glyph_advance(65535), 0);  // out of range
  EXPECT_FALSE(f->data().empty());
  EXPECT_FALSE(f->metrics().is_italic);
}

TEST(LoadFontFile, LoadsCffLibertine) {
  std::string err;
  auto f = load_font_file(kFonts + "libertine/LinLibertine_RBI.otf", &err);
  ASSERT_TRUE(f) << err;
  EXPECT_EQ(f->family(), "Linux Libertine O");
  EXPECT_TRUE(f->is_cff());
  EXPECT_TRUE(f->metrics().is_italic);
  EXPECT_TRUE(f->metrics().is_bold);
  EXPECT_LT(f->metrics().italic_angle, 0);
  EXPECT_FALSE(f->postscript_name().empty());
}

TEST(LoadFontFile, MissingFileIsAnError) {
  std::string err;
  EXPECT_FALSE(load_font_file(kFonts + "no-such-font.ttf", &err));
  EXPECT_NE(err.find("does not exist"), std::string::npos) << err;
}

TEST(LoadFontFile, NonFontFileIsAnError) {
  std::string err;
  EXPECT_FALSE(load_font_file(kFonts + "lato/COPYRIGHT", &err));
  EXPECT_NE(err.find("not a font"), std::string::npos) << err;
  EXPECT_FALSE(load_font_file(kFonts, &err));  // a directory
  EXPECT_NE(err.find("not a regular file"), std::string::npos) << err;
}

TEST(LoadFontFile, CollectionsAndTruncatedFontsAreRejected) {
  const auto dir = std::filesystem::temp_directory_path();
  const std::string ttc = (dir / "vitae_test_fake.ttc").string();
  { std::ofstream(ttc, std::ios::binary) << "ttcf" << std::string(64, '\0'); }
  std::string err;
  EXPECT_FALSE(load_font_file(ttc, &err));
  EXPECT_NE(err.find("collection"), std::string::npos) << err;
  // An OpenType signature followed by garbage: must fail cleanly, not crash.
  const std::string bad = (dir / "vitae_test_fake.otf").string();
  { std::ofstream(bad, std::ios::binary) << "OTTO" << std::string(200, '\x7f'); }
  EXPECT_FALSE(load_font_file(bad, &err));
  EXPECT_FALSE(err.empty());
  std::remove(ttc.c_str());
  std::remove(bad.c_str());
}

TEST(LoadFontFile, AFileLargerThanTheLimitIsRefusedUnread) {
  // Sparse: 64 MiB and one byte that take no room on the disk, and are never mapped.
  const std::string big = (std::filesystem::temp_directory_path() / "vitae-huge-font.ttf").string();
  std::ofstream(big, std::ios::binary) << "x";
  std::filesystem::resize_file(big, 64u * 1024 * 1024 + 1);
  std::string err;
  EXPECT_EQ(load_font_file(big, &err), nullptr);
  EXPECT_EQ(err, "font file '" + big + "' is larger than 64 MB");
  std::remove(big.c_str());
}

}  // namespace
}  // namespace vitae

// Tests for FontLibrary: bundled families, aliases, substitution, file paths, errors.
#include <gtest/gtest.h>

#include <thread>

#include "text/font_library.h"

namespace vitae {
namespace {

const std::string kFonts = std::string(VITAE_SOURCE_DIR) + "/fonts";

FontRequest req(std::string family) {
  FontRequest r;
  r.family = std::move(family);
  return r;
}

FontLibraryConfig bundled_only() {
  FontLibraryConfig c;
  c.font_dir = kFonts;
  c.use_fontconfig = false;
  return c;
}

TEST(FontLibrary, ResolvesAllBundledFacesWithoutFontconfig) {
  FontLibraryConfig config;
  config.font_dir = kFonts;  // fontconfig allowed, but bundled fonts must not touch it
  FontLibrary lib(config);
  for (const char* family : {"Lato", "Linux Libertine O"}) {
    for (auto w : {FontWeight::Regular, FontWeight::Bold}) {
      for (auto s : {FontStyle::Upright, FontStyle::Italic}) {
        ResolvedFont r = lib.resolve({family, w, s, ""});
        ASSERT_TRUE(r.font) << family << ": " << r.error;
        EXPECT_EQ(r.font->family(), family);
        EXPECT_EQ(r.font->metrics().is_bold, w == FontWeight::Bold) << r.font->path();
        EXPECT_EQ(r.font->metrics().is_italic, s == FontStyle::Italic) << r.font->path();
        EXPECT_FALSE(r.substituted);
      }
    }
  }
  EXPECT_FALSE(lib.system_fonts_initialised());
}

TEST(FontLibrary, SharesOneFontPerFile) {
  FontLibrary lib(bundled_only());
  auto a = lib.resolve({"Lato", FontWeight::Bold, FontStyle::Upright, ""});
  auto b = lib.resolve({"sans-serif", FontWeight::Bold, FontStyle::Upright, ""});
  auto c = lib.load(kFonts + "/lato/../lato/Lato-Bold.ttf", nullptr);
  ASSERT_TRUE(a.font && b.font && c);
  EXPECT_EQ(a.font.get(), b.font.get());
  EXPECT_EQ(a.font.get(), c.get());
}

TEST(FontLibrary, GenericAliases) {
  FontLibrary lib(bundled_only());
  EXPECT_EQ(lib.resolve(req("serif")).font->family(), "Linux Libertine O");
  EXPECT_EQ(lib.resolve(req("SANS-SERIF")).font->family(), "Lato");
}

TEST(FontLibrary, SourceSans3IsSubstitutedWithAFlag) {
  FontLibrary lib(bundled_only());
  ResolvedFont r = lib.resolve(req("Source Sans 3"));
  ASSERT_TRUE(r.font);
  EXPECT_EQ(r.font->family(), "Lato");
  EXPECT_TRUE(r.substituted);
  EXPECT_NE(r.note.find("Source Sans 3"), std::string::npos);
}

TEST(FontLibrary, MissingFamilyGivesErrorWithClosestName) {
  FontLibrary lib(bundled_only());
  ResolvedFont r = lib.resolve(req("Latto"));
  EXPECT_FALSE(r.font);
  EXPECT_EQ(r.error, "font family 'Latto' not found");
  EXPECT_NE(r.hint.find("'Lato'"), std::string::npos) << r.hint;
  ResolvedFont r2 = lib.resolve(req("Linux Libertin O"));
  EXPECT_NE(r2.hint.find("'Linux Libertine O'"), std::string::npos) << r2.hint;
  ResolvedFont r3 = lib.resolve(req("Completely Unrelated Face"));
  EXPECT_FALSE(r3.font);
  EXPECT_NE(r3.hint.find("bundled families"), std::string::npos) << r3.hint;
}

TEST(FontLibrary, MissingBundledDirectoryIsAnErrorWithAHint) {
  FontLibraryConfig c = bundled_only();
  c.font_dir = kFonts + "/does-not-exist";
  FontLibrary lib(c);
  ResolvedFont r = lib.resolve(req("serif"));
  EXPECT_FALSE(r.font);
  EXPECT_NE(r.error.find("bundled font 'Linux Libertine O' cannot be loaded"), std::string::npos)
      << r.error;
  EXPECT_NE(r.hint.find("VITAE_FONT_DIR"), std::string::npos);
  EXPECT_EQ(lib.font_dir(), c.font_dir);
}

TEST(FontLibrary, FilePathsRelativeToBaseDir) {
  FontLibrary lib(bundled_only());
  ResolvedFont r = lib.resolve({"libertine/LinLibertine_RI.otf", FontWeight::Regular,
                                FontStyle::Upright, kFonts});
  ASSERT_TRUE(r.font) << r.error;
  EXPECT_TRUE(r.font->metrics().is_italic);
  ResolvedFont missing = lib.resolve({"nope/Missing.ttf", FontWeight::Regular,
                                      FontStyle::Upright, kFonts});
  EXPECT_FALSE(missing.font);
  EXPECT_NE(missing.error.find("does not exist"), std::string::npos) << missing.error;
}

TEST(FontLibrary, FallbacksAreTheOtherBundledFamily) {
  FontLibrary lib(bundled_only());
  auto lato = lib.resolve({"Lato", FontWeight::Bold, FontStyle::Italic, ""}).font;
  auto fb = lib.fallbacks(*lato, FontWeight::Bold, FontStyle::Italic);
  ASSERT_EQ(fb.size(), 1u);
  EXPECT_EQ(fb[0]->family(), "Linux Libertine O");
  EXPECT_TRUE(fb[0]->metrics().is_bold && fb[0]->metrics().is_italic);
  EXPECT_FALSE(lib.system_fallback(U'\u05D0', FontWeight::Regular, FontStyle::Upright));
}

TEST(FontLibrary, FontconfigFindsSystemFamilyWhenEnabled) {
  FontLibraryConfig config;
  config.font_dir = kFonts;
  FontLibrary lib(config);
  ResolvedFont r = lib.resolve(req("DejaVu Sans"));
  if (!r.font) GTEST_SKIP() << "DejaVu Sans not installed: " << r.error;
  EXPECT_EQ(r.font->family(), "DejaVu Sans");
  EXPECT_TRUE(lib.system_fonts_initialised());
}

TEST(FontLibrary, ConcurrentResolveSharesFonts) {
  FontLibrary lib(bundled_only());
  const Font* seen[4] = {};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] { seen[i] = lib.resolve(req("serif")).font.get(); });
  for (auto& t : threads) t.join();
  for (int i = 1; i < 4; ++i) EXPECT_EQ(seen[i], seen[0]);
  EXPECT_NE(seen[0], nullptr);
}

}  // namespace
}  // namespace vitae

// Tests for FontLibrary: bundled families, aliases, substitution, file paths, errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "text/font_library.h"
#include "text/font_manifest.h"

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

/// Whether an sfnt file has a table (read from its table directory).
bool has_table(std::span<const uint8_t> data, std::string_view tag) {
  if (data.size() < 12) return false;
  const std::size_t tables = data[4] << 8 | data[5];
  for (std::size_t i = 0; i < tables && 12 + 16 * (i + 1) <= data.size(); ++i)
    if (std::string_view(reinterpret_cast<const char*>(&data[12 + 16 * i]), 4) == tag) return true;
  return false;
}

TEST(FontLibrary, ManifestListsTheFamiliesOfRenderCVsThemes) {
  FontLibrary lib(bundled_only());
  EXPECT_EQ(lib.manifest_error(), "");
  EXPECT_EQ(lib.bundled_families(),
            (std::vector<std::string>{"Lato", "Linux Libertine O", "Source Sans 3", "Raleway",
                                      "XCharter", "EB Garamond", "Ubuntu", "Gentium Book Plus",
                                      "Libertinus Serif", "New Computer Modern",
                                      "Font Awesome 7 Free", "Font Awesome 7 Brands"}));
}

TEST(FontLibrary, EveryManifestFamilyLoadsInEachStyleItLists) {
  std::string error;
  const std::optional<FontManifest> manifest = read_font_manifest(kFonts, &error);
  ASSERT_TRUE(manifest) << error;
  FontLibrary lib(bundled_only());
  std::size_t faces = 0;
  for (const ManifestFamily& fam : manifest->families) {
    const bool icons = fam.name.starts_with("Font Awesome");
    for (int b = 0; b < 2; ++b) {
      for (int i = 0; i < 2; ++i) {
        if (fam.files[b][i].empty()) continue;
        ++faces;
        const FontRequest request{fam.name, b ? FontWeight::Bold : FontWeight::Regular,
                                  i ? FontStyle::Italic : FontStyle::Upright, ""};
        ResolvedFont r = lib.resolve(request);
        ASSERT_TRUE(r.font) << fam.name << " " << b << i << ": " << r.error;
        EXPECT_FALSE(r.substituted);
        EXPECT_EQ(r.font->path(), kFonts + "/" + fam.files[b][i]);
        // The font's own family name is the family's, or one of its aliases.
        const ManifestName* own = manifest->find(r.font->family());
        ASSERT_TRUE(own) << fam.files[b][i] << " says it is '" << r.font->family() << "'";
        EXPECT_EQ(&manifest->families[own->family], &fam) << fam.files[b][i];
        EXPECT_FALSE(own->stand_in);
        if (!icons) {  // the solid icons are weight 900 without the bold flag
          EXPECT_EQ(r.font->metrics().is_bold, b == 1) << fam.files[b][i];
          EXPECT_EQ(r.font->metrics().is_italic, i == 1) << fam.files[b][i];
        }
        EXPECT_FALSE(has_table(r.font->data(), "fvar")) << fam.files[b][i] << " is variable";
        EXPECT_TRUE(r.font->has_printable_ascii() || icons) << fam.files[b][i];
      }
    }
  }
  EXPECT_EQ(faces, 42u);
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
  EXPECT_EQ(lib.resolve(req("serif")).font->family(), "Libertinus Serif");
  EXPECT_EQ(lib.resolve(req("SANS-SERIF")).font->family(), "Lato");
}

TEST(FontLibrary, SourceSans3IsTheRealOne) {
  FontLibrary lib(bundled_only());
  for (const char* name : {"Source Sans 3", "source sans pro", "Source Sans"}) {
    ResolvedFont r = lib.resolve(req(name));
    ASSERT_TRUE(r.font) << name << ": " << r.error;
    EXPECT_EQ(r.font->family(), "Source Sans 3") << name;
    EXPECT_FALSE(r.substituted) << name;
    EXPECT_TRUE(r.note.empty()) << r.note;
  }
}

TEST(FontLibrary, FontinIsStoodInForWithAFlagNamingBoth) {
  FontLibrary lib(bundled_only());
  ResolvedFont r = lib.resolve({"Fontin", FontWeight::Bold, FontStyle::Upright, ""});
  ASSERT_TRUE(r.font) << r.error;
  EXPECT_EQ(r.font->family(), "Gentium Book Plus");
  EXPECT_TRUE(r.font->metrics().is_bold);
  EXPECT_TRUE(r.substituted);
  // Fontin has an italic (moderncv sets its footer in it), and so has the stand-in.
  ResolvedFont italic = lib.resolve({"fontin", FontWeight::Regular, FontStyle::Italic, ""});
  ASSERT_TRUE(italic.font) << italic.error;
  EXPECT_TRUE(italic.font->metrics().is_italic);
  EXPECT_TRUE(italic.substituted);
  EXPECT_EQ(r.note, "font family 'Fontin' is not available; using 'Gentium Book Plus' instead");
  // A stand-in is no name of the family: it is not offered as a correction either.
  ResolvedFont typo = lib.resolve(req("Fontni"));
  EXPECT_FALSE(typo.font);
  EXPECT_EQ(typo.hint.find("fontin"), std::string::npos) << typo.hint;
}

TEST(FontLibrary, AliasesResolveToTheirFamily) {
  FontLibrary lib(bundled_only());
  const std::pair<const char*, const char*> cases[] = {
      {"sans", "Lato"},
      {"LATO", "Lato"},
      {"linux libertine", "Linux Libertine O"},
      {"Libertine", "Linux Libertine O"},
      {"Source Sans Pro", "Source Sans 3"},
      {"charter", "XCharter"},
      {"Bitstream Charter", "XCharter"},
      {"EB Garamond 12", "EB Garamond"},
      {"libertinus", "Libertinus Serif"},
      {"New Computer Modern", "NewComputerModern10"},  // the files' own family name
      {"NewComputerModern10", "NewComputerModern10"},
      {"new computer modern 10", "NewComputerModern10"},
      {"  Raleway ", "Raleway"},
  };
  for (const auto& [name, family] : cases) {
    ResolvedFont r = lib.resolve(req(name));
    ASSERT_TRUE(r.font) << name << ": " << r.error;
    EXPECT_EQ(r.font->family(), family) << name;
    EXPECT_FALSE(r.substituted) << name;
  }
  EXPECT_FALSE(lib.system_fonts_initialised());
}

TEST(FontLibrary, MissingStylesAreServedByTheNearestShippedFace) {
  FontLibrary lib(bundled_only());
  auto file = [&](const char* family, FontWeight w, FontStyle s) {
    ResolvedFont r = lib.resolve({family, w, s, ""});
    EXPECT_TRUE(r.font) << family << ": " << r.error;
    return r.font ? r.font->path().substr(kFonts.size() + 1) : std::string();
  };
  // Gentium Book Plus ships no bold italic: bold is nearer than italic.
  EXPECT_EQ(file("Gentium Book Plus", FontWeight::Bold, FontStyle::Italic),
            "gentium-book-plus/GentiumBookPlus-Bold.ttf");
  // Font Awesome 7 Free: regular (outline) icons, and the solid ones as its bold.
  EXPECT_EQ(file("Font Awesome 7 Free", FontWeight::Regular, FontStyle::Italic),
            "font-awesome/FontAwesome7Free-Regular.otf");
  EXPECT_EQ(file("Font Awesome 7 Free", FontWeight::Bold, FontStyle::Italic),
            "font-awesome/FontAwesome7Free-Solid.otf");
  EXPECT_EQ(file("Font Awesome 7 Brands", FontWeight::Bold, FontStyle::Upright),
            "font-awesome/FontAwesome7Brands-Regular.otf");
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
  EXPECT_EQ(r3.hint,
            "bundled families are 'Lato', 'Linux Libertine O', 'Source Sans 3', 'Raleway', "
            "'XCharter', 'EB Garamond', 'Ubuntu', 'Gentium Book Plus', 'Libertinus Serif', "
            "'New Computer Modern', 'Font Awesome 7 Free' and 'Font Awesome 7 Brands' (or "
            "'sans-serif' and 'serif'); a .ttf/.otf file path also works");
  // An alias is offered in its own spelling, a family's own name once.
  ResolvedFont r4 = lib.resolve(req("sans-seriff"));
  EXPECT_EQ(r4.hint, "did you mean 'sans-serif'?");
}

TEST(FontLibrary, MissingBundledDirectoryIsAnErrorWithAHint) {
  FontLibraryConfig c = bundled_only();
  c.font_dir = kFonts + "/does-not-exist";
  FontLibrary lib(c);
  ResolvedFont r = lib.resolve(req("serif"));
  EXPECT_FALSE(r.font);
  EXPECT_EQ(r.error, "cannot read the bundled-font manifest '" + c.font_dir +
                         "/families.tsv': No such file or directory");
  EXPECT_NE(r.hint.find("VITAE_FONT_DIR"), std::string::npos);
  EXPECT_EQ(lib.manifest_error(), r.error);
  EXPECT_TRUE(lib.bundled_families().empty());
  EXPECT_EQ(lib.font_dir(), c.font_dir);
  // A file path needs no manifest.
  ResolvedFont by_path = lib.resolve(req(kFonts + "/lato/Lato-Regular.ttf"));
  EXPECT_TRUE(by_path.font) << by_path.error;
}

TEST(FontLibrary, MissingBundledFileIsAnErrorWithAHint) {
  const std::string dir = testing::TempDir() + "vitae-fonts-missing-file";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/families.tsv") << "family\tLato\tlato/Lato-Regular.ttf\t-\t-\t-\n";
  FontLibraryConfig c = bundled_only();
  c.font_dir = dir;
  FontLibrary lib(c);
  ResolvedFont r = lib.resolve(req("lato"));
  EXPECT_FALSE(r.font);
  EXPECT_NE(r.error.find("bundled font 'Lato' cannot be loaded"), std::string::npos) << r.error;
  EXPECT_NE(r.hint.find("VITAE_FONT_DIR"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(FontLibrary, MalformedManifestIsAnErrorNamingFileAndLine) {
  const std::string dir = testing::TempDir() + "vitae-fonts-malformed";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/families.tsv")
      << "# a comment\n"
      << "family\tLato\tlato/Lato-Regular.ttf\t-\t-\t-\n"
      << "alias\tsans-serif\n";
  FontLibraryConfig c = bundled_only();
  c.font_dir = dir;
  FontLibrary lib(c);
  const std::string expected =
      dir + "/families.tsv:3: an alias line has 3 fields (alias, name, family); this one has 2";
  EXPECT_EQ(lib.manifest_error(), expected);
  for (const char* family : {"Lato", "sans-serif", "DejaVu Sans"}) {
    ResolvedFont r = lib.resolve(req(family));
    EXPECT_FALSE(r.font) << family;
    EXPECT_EQ(r.error, expected) << family;
  }
  std::filesystem::remove_all(dir);
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
  EXPECT_EQ(fb[0]->family(), "Libertinus Serif");
  EXPECT_TRUE(fb[0]->metrics().is_bold && fb[0]->metrics().is_italic);
  EXPECT_FALSE(lib.system_fallback(U'\u05D0', FontWeight::Regular, FontStyle::Upright));
}

TEST(FontLibrary, FallbacksForOtherBundledFamiliesAreLatoAndLibertinus) {
  FontLibrary lib(bundled_only());
  auto families = [&](const char* family) {
    auto primary = lib.resolve({family, FontWeight::Regular, FontStyle::Italic, ""}).font;
    EXPECT_TRUE(primary) << family;
    std::vector<std::string> out;
    for (const auto& f : lib.fallbacks(*primary, FontWeight::Regular, FontStyle::Italic)) {
      out.push_back(f->family());
      EXPECT_TRUE(f->metrics().is_italic) << f->path();
    }
    return out;
  };
  const std::vector<std::string> sans_first = {"Lato", "Libertinus Serif"};
  const std::vector<std::string> serif_first = {"Libertinus Serif", "Lato"};
  EXPECT_EQ(families("Libertinus Serif"), std::vector<std::string>{"Lato"});
  EXPECT_EQ(families("Source Sans 3"), sans_first);
  EXPECT_EQ(families("Linux Libertine O"), serif_first);
  EXPECT_EQ(families("EB Garamond").size(), 2u);
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

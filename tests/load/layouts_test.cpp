// Layouts as data: the built-in layouts (layouts/*.yaml, one per RenderCV theme), their
// `extends:` chains, `design.theme` choosing one, and user layout files (`design.layout`).
#include <gtest/gtest.h>

#include <string>

#include "load/builtin_layouts.h"
#include "load/load.h"
#include "load_test_util.h"

namespace vitae {
namespace {

using test_support::TempDir;
using testing::build;
using testing::build_file;
using testing::disk_options;
using testing::load_text;
using testing::write_file;

const char* kCv = "cv:\n  name: Ada Lovelace\n";

Design design_of(const std::string& design_yaml) {
  auto l = load_text(std::string(kCv) + "design:\n" + design_yaml);
  EXPECT_TRUE(l.doc) << l.text();
  EXPECT_EQ(l.diags.warning_count(), 0u) << l.text();
  return l.doc ? l.doc->design : Design{};
}

TEST(Layouts, EveryRenderCvThemeHasABuiltInLayout) {
  const std::vector<std::string> themes = {"classic", "ember", "engineeringclassic", "engineeringresumes",
                                           "harvard", "ink",   "moderncv",           "opal",
                                           "sb2nov"};
  for (const std::string& t : themes) {
    bool found = false;
    for (const BuiltinLayout& l : builtin_layouts()) found = found || l.name == t;
    EXPECT_TRUE(found) << t;
  }
}

TEST(Layouts, EachBuiltInLayoutLoadsWithoutDiagnosticsAndIsDescribed) {
  for (const BuiltinLayout& l : builtin_layouts()) {
    auto loaded = load_text(std::string(kCv) + "design:\n  theme: " + std::string(l.name) + "\n");
    ASSERT_TRUE(loaded.doc) << l.name << "\n" << loaded.text();
    EXPECT_EQ(loaded.diags.all().size(), 0u) << l.name << "\n" << loaded.text();
    EXPECT_EQ(loaded.doc->design.theme, l.name);
    EXPECT_NE(l.text.find("\ndescription: "), std::string_view::npos) << l.name;
  }
}

TEST(Layouts, ThemeValuesComeFromTheLayoutAndTheRestFromClassic) {
  Design classic = design_of("  theme: classic\n");
  Design ember = design_of("  theme: ember\n");
  EXPECT_EQ(ember.colors.name, (Color{155, 35, 25}));
  EXPECT_EQ(ember.section_titles.type, "centered_without_line");
  EXPECT_EQ(ember.typography.font_family.body.family, "Ubuntu");
  EXPECT_EQ(ember.typography.font_family.name.family, "Gentium Book Plus");
  EXPECT_EQ(ember.entries.highlights.bullet, "◆");
  EXPECT_EQ(ember.page.top_margin, Abs::inch(0.6));
  // ember leaves the page size and the date templates to classic
  EXPECT_EQ(ember.page.size, classic.page.size);
  EXPECT_EQ(ember.templates.date_range, classic.templates.date_range);

  Design harvard = design_of("  theme: harvard\n");
  EXPECT_EQ(harvard.page.left_margin, Abs::inch(0.5));
  EXPECT_EQ(harvard.section_titles.type, "centered_with_centered_partial_line");
  EXPECT_EQ(harvard.templates.time_span, "");
  EXPECT_FALSE(harvard.page.show_top_note);

  Design sb2nov = design_of("  theme: sb2nov\n");
  EXPECT_EQ(sb2nov.templates.experience_date_location, "*LOCATION*\n*DATE*");
  EXPECT_EQ(sb2nov.templates.experience_main, "**POSITION**\n*COMPANY*\nSUMMARY\nHIGHLIGHTS");
}

TEST(Layouts, TheCvsDesignOverridesTheLayout) {
  Design d = design_of("  theme: ember\n  colors:\n    name: rgb(1, 2, 3)\n");
  EXPECT_EQ(d.colors.name, (Color{1, 2, 3}));
  EXPECT_EQ(d.colors.section_titles, (Color{155, 35, 25}));  // still ember's
}

// A built-in layout's values were read from its own text: a diagnostic about one (such as
// moderncv's Fontin, which is not installed) must point at the user's `theme:` line, not at
// the line of the user's file that has the layout line's number.
TEST(Layouts, ABuiltInLayoutsFontsAreLocatedAtTheThemeThatChoseIt) {
  auto l = load_text(std::string(kCv) + "design:\n  theme: moderncv\n");
  ASSERT_TRUE(l.doc) << l.text();
  const auto& f = l.doc->design.typography.font_family;
  EXPECT_EQ(f.body.family, "Fontin");
  for (const FontChoice* c : f.all()) {
    EXPECT_EQ(c->loc.file, 0);
    EXPECT_EQ(c->loc.line, 4);
    EXPECT_EQ(c->loc.column, 10);
  }
  // The default layout, chosen by no line, is located nowhere; the CV's own choice where it is.
  auto plain = load_text(std::string(kCv) + "design:\n  typography:\n    font_family:\n      name: Lato\n");
  ASSERT_TRUE(plain.doc) << plain.text();
  EXPECT_EQ(plain.doc->design.typography.font_family.body.loc.line, 0);
  EXPECT_EQ(plain.doc->design.typography.font_family.name.loc.line, 6);
}

TEST(Layouts, AnUnknownThemeIsAnErrorWithAHint) {
  auto l = load_text(std::string(kCv) + "design:\n  theme: sb2now\n");
  EXPECT_FALSE(l.doc);
  EXPECT_NE(l.text().find("cv.yaml:4:10: error: unknown theme 'sb2now'"), std::string::npos) << l.text();
  EXPECT_NE(l.text().find("did you mean 'sb2nov'?"), std::string::npos) << l.text();
}

TEST(Layouts, AUserLayoutFileExtendsABuiltInOneAndTheCvOverridesIt) {
  TempDir dir;
  write_file(dir, "looks/mine.yaml",
             "description: \"mine\"\nextends: harvard\ndesign:\n  colors:\n    name: rgb(200, 0, 0)\n"
             "    section_titles: rgb(0, 0, 200)\n");
  write_file(dir, "cv.yaml",
             std::string(kCv) + "design:\n  layout: looks/mine.yaml\n  colors:\n    section_titles: rgb(0, 200, 0)\n");
  auto b = build_file(dir, "cv.yaml");
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.diags.all().size(), 0u) << b.text();
  const Design& d = b.doc->design;
  EXPECT_EQ(d.theme, "harvard");
  EXPECT_EQ(d.colors.name, (Color{200, 0, 0}));             // the layout file's
  EXPECT_EQ(d.colors.section_titles, (Color{0, 200, 0}));   // the CV's, over the layout file's
  EXPECT_EQ(d.page.left_margin, Abs::inch(0.5));              // harvard's, under both
  // the layout file is a dependency of the build (make rebuilds when it changes)
  std::vector<std::string> deps = b.source->dependencies();
  ASSERT_EQ(deps.size(), 2u);
  EXPECT_EQ(deps[1], dir.file("looks/mine.yaml"));
}

TEST(Layouts, ALayoutFilesOwnMistakesPointIntoIt) {
  TempDir dir;
  write_file(dir, "mine.yaml", "extends: classic\ndesign:\n  colors:\n    nmae: rgb(1, 2, 3)\n");
  write_file(dir, "cv.yaml", std::string(kCv) + "design:\n  layout: mine.yaml\n");
  auto b = build_file(dir, "cv.yaml");
  EXPECT_FALSE(b.doc);
  const Diagnostic* d = nullptr;
  for (const Diagnostic& x : b.diags.all())
    if (x.message.find("unknown key 'nmae'") != std::string::npos) d = &x;
  ASSERT_TRUE(d) << b.text();
  ASSERT_TRUE(b.source);
  EXPECT_EQ(b.source->files()[d->loc.file].path, dir.file("mine.yaml"));
  EXPECT_EQ(d->loc.line, 4);
}

TEST(Layouts, LayoutFileErrors) {
  TempDir dir;
  write_file(dir, "bad_key.yaml", "extend: classic\n");
  write_file(dir, "list.yaml", "- a\n");
  write_file(dir, "cv1.yaml", std::string(kCv) + "design:\n  layout: missing.yaml\n");
  write_file(dir, "cv2.yaml", std::string(kCv) + "design:\n  layout: bad_key.yaml\n");
  write_file(dir, "cv3.yaml", std::string(kCv) + "design:\n  layout: list.yaml\n");
  write_file(dir, "cv4.yaml", std::string(kCv) + "design:\n  layout: [a]\n");
  auto missing = build_file(dir, "cv1.yaml");
  EXPECT_FALSE(missing.source);
  EXPECT_NE(missing.text().find(":4:11: error: cannot read '" + dir.file("missing.yaml") + "'"), std::string::npos)
      << missing.text();
  auto bad_key = build_file(dir, "cv2.yaml");
  EXPECT_FALSE(bad_key.source);
  EXPECT_NE(bad_key.text().find("unknown key 'extend' in layout file"), std::string::npos) << bad_key.text();
  EXPECT_NE(bad_key.text().find("did you mean 'extends'?"), std::string::npos) << bad_key.text();
  auto list = build_file(dir, "cv3.yaml");
  EXPECT_FALSE(list.source);
  EXPECT_NE(list.text().find("is not a layout: its top level is not a mapping"), std::string::npos) << list.text();
  auto not_path = build_file(dir, "cv4.yaml");
  EXPECT_FALSE(not_path.source);
  EXPECT_NE(not_path.text().find("design.layout: expected the path of a layout file, found a list"),
            std::string::npos)
      << not_path.text();
}

TEST(Layouts, SettingTheLayoutFromAVariantIsAnError) {
  auto b = build(std::string(kCv) + "variants:\n  x:\n    set:\n      design.layout: mine.yaml\n", "x");
  EXPECT_FALSE(b.doc);
  EXPECT_NE(b.text().find("design.layout can only be written in a CV file"), std::string::npos) << b.text();
}

}  // namespace
}  // namespace vitae

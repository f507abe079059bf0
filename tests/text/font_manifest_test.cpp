// Tests for the bundled-font manifest (fonts/families.tsv): its format and its errors.
#include <gtest/gtest.h>

#include "text/font_manifest.h"

namespace vitae {
namespace {

std::string error_of(std::string_view text) {
  std::string error;
  EXPECT_FALSE(parse_font_manifest(text, "dir/families.tsv", &error)) << text;
  return error;
}

TEST(FontManifest, ReadsFamiliesAliasesAndStandIns) {
  std::string error;
  const auto m = parse_font_manifest(
      "# comment\r\n"
      "\n"
      "family\tSans One\ts/R.ttf\ts/I.ttf\t\ts/B.ttf\ts/BI.ttf\n"  // runs of tabs are one
      "alias\tsans\tSans One\n"
      "  \t\n"
      "family\tSerif Two\tr/R.otf\t-\tr/B.otf\t-\r\n"
      "stand-in\tOld Face\tserif two\n"  // a family is named in any case
      "alias\tearly\tSerif Three\n"       // before its family line
      "family\tSerif Three\tt/R.otf\t-\t-\t-",  // no newline at the end
      "families.tsv", &error);
  ASSERT_TRUE(m) << error;
  ASSERT_EQ(m->families.size(), 3u);
  const ManifestFamily& one = m->families[0];
  EXPECT_EQ(one.name, "Sans One");
  EXPECT_EQ(one.line, 3);
  EXPECT_EQ(one.file(false, false), "s/R.ttf");
  EXPECT_EQ(one.file(false, true), "s/I.ttf");
  EXPECT_EQ(one.file(true, false), "s/B.ttf");
  EXPECT_EQ(one.file(true, true), "s/BI.ttf");
  const ManifestFamily& two = m->families[1];
  EXPECT_EQ(two.file(false, true), "r/R.otf");
  EXPECT_EQ(two.file(true, true), "r/B.otf");
  EXPECT_TRUE(m->families[2].file(true, true) == "t/R.otf");

  EXPECT_EQ(m->family_named("SANS"), &one);
  EXPECT_EQ(m->family_named("sans one"), &one);
  EXPECT_EQ(m->family_named("Early"), &m->families[2]);
  EXPECT_EQ(m->family_named("old face"), nullptr);  // a stand-in is not the family
  const ManifestName* old_face = m->find("Old Face");
  ASSERT_TRUE(old_face);
  EXPECT_TRUE(old_face->stand_in);
  EXPECT_EQ(old_face->family, 1u);
  EXPECT_EQ(old_face->line, 7);
  EXPECT_EQ(m->find("nothing"), nullptr);
}

TEST(FontManifest, MalformedLinesNameFileAndLine) {
  EXPECT_EQ(error_of("family\tA\ta.ttf\t-\t-\t-\nfamly\tB\tb.ttf\t-\t-\t-\n"),
            "dir/families.tsv:2: unknown line kind 'famly' (expected family, alias or stand-in)");
  EXPECT_EQ(error_of("# fonts\nfamily\tA\ta.ttf\ta-i.ttf\n"),
            "dir/families.tsv:2: a family line has 6 fields (family, name, regular, italic, bold, "
            "bold italic); this one has 4");
  EXPECT_EQ(error_of("family\tA\ta.ttf\t-\t-\t-\nstand-in\tb\tA\textra\n"),
            "dir/families.tsv:2: a stand-in line has 3 fields (stand-in, name, family); this one "
            "has 4");
  EXPECT_EQ(error_of("family\tA\t-\ta-i.ttf\t-\t-\n"),
            "dir/families.tsv:1: family 'A' has no regular face ('-')");
  EXPECT_EQ(error_of("family\tA\t/usr/share/a.ttf\t-\t-\t-\n"),
            "dir/families.tsv:1: '/usr/share/a.ttf': files are named relative to the font "
            "directory");
  EXPECT_EQ(error_of("family\tA\ta.ttf\t-\t-\t-\n\nalias\tb\tC\n"),
            "dir/families.tsv:3: 'C' is not a family of this manifest (a family line names it)");
  EXPECT_EQ(error_of("family\tA\ta.ttf\t-\t-\t-\nalias\tb\tA\nalias\tc\tb\n"),
            "dir/families.tsv:3: 'b' is not a family of this manifest (a family line names it)");
  EXPECT_EQ(error_of("family\tA\ta.ttf\t-\t-\t-\nfamily\ta\ta2.ttf\t-\t-\t-\n"),
            "dir/families.tsv:2: the name 'a' is already defined on line 1");
  EXPECT_EQ(error_of("family\tA\ta.ttf\t-\t-\t-\nalias\tB\tA\nstand-in\tb\tA\n"),
            "dir/families.tsv:3: the name 'b' is already defined on line 2");
  EXPECT_EQ(error_of("# nothing but comments\n"), "dir/families.tsv: lists no family");
  EXPECT_EQ(error_of(""), "dir/families.tsv: lists no family");
}

TEST(FontManifest, UnreadableFileIsAnError) {
  std::string error;
  EXPECT_FALSE(read_font_manifest("/nonexistent-vitae-dir", &error));
  EXPECT_EQ(error,
            "cannot read the bundled-font manifest '/nonexistent-vitae-dir/families.tsv': No such "
            "file or directory");
}

}  // namespace
}  // namespace vitae

// Unit tests of the PDF writer's PoDoFo-free parts: numbers, UTF-16, clusters, ToUnicode
// choice and CMap, dates, XMP, subsetting.
#include <gtest/gtest.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <regex>

#include "pdf_content/glyph_text.h"
#include "pdf/metadata.h"
#include "pdf_content/pdf_number.h"
#include "pdf_content/unicode.h"
#include "pdf_test_support.h"
#include "text/subset.h"

namespace vitae::pdf {
namespace {

using pdf_test::bundled;

TEST(PdfNumber, TrimsZerosAndRounds) {
  EXPECT_EQ(pdf_number(12.5), "12.5");
  EXPECT_EQ(pdf_number(3.0), "3");
  EXPECT_EQ(pdf_number(-0.0001), "0");
  EXPECT_EQ(pdf_number(1.0 / 3.0), "0.333");
  EXPECT_EQ(pdf_number(-2.71828, 2), "-2.72");
  EXPECT_EQ(pdf_number(841.8897637795), "841.89");
  EXPECT_EQ(pdf_number(1e9 + 0.25, 1), "1000000000.3");
}

// A locale with a decimal comma: an installed one, or else de_DE compiled with localedef
// (from Debian's `locales`, which scripts/setup.sh installs) into a folder of the test's
// own, found through LOCPATH. Never skipped: a test that cannot run fails.
bool use_decimal_comma_locale(const test_support::TempDir& dir) {
  if (std::setlocale(LC_NUMERIC, "de_DE.UTF-8") || std::setlocale(LC_NUMERIC, "fr_FR.UTF-8")) return true;
  std::string cmd = "localedef -i de_DE -f UTF-8 '" + dir.file("de_DE.UTF-8") + "' >/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0) return false;
  ::setenv("LOCPATH", dir.path.c_str(), 1);
  return std::setlocale(LC_NUMERIC, "de_DE.UTF-8") != nullptr;
}

TEST(PdfNumber, IgnoresTheCLocale) {
  const char* old = std::setlocale(LC_NUMERIC, nullptr);
  std::string saved = old ? old : "C";
  test_support::TempDir dir;
  ASSERT_TRUE(use_decimal_comma_locale(dir)) << "no decimal-comma locale, and localedef failed: install 'locales'";
  char printed[16];
  std::snprintf(printed, sizeof printed, "%.1f", 12.5);
  EXPECT_STREQ(printed, "12,5");  // the locale is really in force: printf would be wrong
  EXPECT_EQ(pdf_number(12.5), "12.5");
  std::setlocale(LC_NUMERIC, saved.c_str());
  ::unsetenv("LOCPATH");
}

TEST(Unicode, Utf16BeHexWithSurrogates) {
  EXPECT_EQ(utf16be_hex("ffi"), "006600660069");
  EXPECT_EQ(utf16be_hex("é"), "00E9");
  EXPECT_EQ(utf16be_hex("\xF0\x9F\x98\x80"), "D83DDE00");  // U+1F600
  EXPECT_EQ(utf16be_hex("\xFF"), "FFFD");                  // invalid byte
  EXPECT_EQ(utf16be_bytes("A", true), std::string("\xFE\xFF\x00\x41", 4));
}

GlyphRun run_with(std::string text, std::vector<std::pair<uint16_t, uint32_t>> glyphs) {
  GlyphRun r;
  r.text = std::move(text);
  for (auto [id, cluster] : glyphs) r.glyphs.push_back(Glyph{id, Abs::pt(5), {}, {}, cluster});
  return r;
}

TEST(Clusters, LigatureCoversTextUpToTheNextCluster) {
  // "office": o, ffi-ligature (cluster 1), c (cluster 4), e.
  const GlyphRun r = run_with("office", {{10, 0}, {99, 1}, {12, 4}, {13, 5}});
  const auto cs = clusters_of(r);
  ASSERT_EQ(cs.size(), 4u);
  EXPECT_EQ(cs[1].text, "ffi");
  EXPECT_EQ(cs[1].first, 1u);
  EXPECT_EQ(cs[3].text, "e");
}

TEST(Clusters, SeveralGlyphsInOneClusterAndOutOfRangeClusters) {
  const GlyphRun r = run_with("ab", {{1, 0}, {2, 0}, {3, 1}, {4, 7}});
  const auto cs = clusters_of(r);
  ASSERT_EQ(cs.size(), 3u);
  EXPECT_EQ(cs[0].count, 2u);
  EXPECT_EQ(cs[0].text, "a");
  EXPECT_EQ(cs[1].text, "b");
  EXPECT_EQ(cs[2].text, "");  // cluster 7 is past the text: no text, no crash
}

TEST(Clusters, RightToLeftRunsHaveDecreasingClusters) {
  const GlyphRun r = run_with("abc", {{3, 2}, {2, 1}, {1, 0}});
  const auto cs = clusters_of(r);
  ASSERT_EQ(cs.size(), 3u);
  EXPECT_EQ(cs[0].text, "c");
  EXPECT_EQ(cs[1].text, "b");
  EXPECT_EQ(cs[2].text, "a");
}

TEST(Clusters, ReorderedClustersEndAtTheNextLargerValue) {
  // Neither ascending nor descending (a mark moved before its base): each text still ends
  // at the next larger cluster value anywhere in the run.
  const GlyphRun r = run_with("abcd", {{1, 0}, {3, 2}, {2, 1}, {4, 3}});
  const auto cs = clusters_of(r);
  ASSERT_EQ(cs.size(), 4u);
  EXPECT_EQ(cs[0].text, "a");
  EXPECT_EQ(cs[1].text, "c");
  EXPECT_EQ(cs[2].text, "b");
  EXPECT_EQ(cs[3].text, "d");
}

TEST(ToUnicode, MajorityWinsAndOtherUsesNeedActualText) {
  ToUnicodeTally t;
  t.add_run(run_with("aab", {{5, 0}, {5, 1}, {6, 2}}));
  t.add_run(run_with("x", {{5, 0}}));  // glyph 5 standing for "x" once
  const GlyphTextMap m = t.choose();
  EXPECT_EQ(m.at(5), "a");
  EXPECT_EQ(m.at(6), "b");
  const GlyphRun odd = run_with("x", {{5, 0}});
  EXPECT_FALSE(cluster_extracts_exactly(odd, clusters_of(odd)[0], m));
  const GlyphRun ok = run_with("ba", {{6, 0}, {5, 1}});
  for (const auto& c : clusters_of(ok)) EXPECT_TRUE(cluster_extracts_exactly(ok, c, m));
}

TEST(ToUnicode, TiesAreBrokenIndependentlyOfRunOrder) {
  ToUnicodeTally t1, t2;
  const GlyphRun a = run_with("p", {{7, 0}}), b = run_with("q", {{7, 0}});
  t1.add_run(a);
  t1.add_run(b);
  t2.add_run(b);
  t2.add_run(a);
  EXPECT_EQ(t1.choose(), t2.choose());
}

TEST(ToUnicode, AloneVotesBeatMoreLeadingVotes) {
  ToUnicodeTally t;
  t.add_run(run_with("fi", {{8, 0}, {9, 0}}));  // glyph 8 leads "fi" twice
  t.add_run(run_with("fi", {{8, 0}, {9, 0}}));
  t.add_run(run_with("f", {{8, 0}}));  // and stands alone for "f" once
  EXPECT_EQ(t.choose().at(8), "f");
}

TEST(ToUnicode, MultiGlyphClusterFallsBackToItsFirstGlyph) {
  ToUnicodeTally t;
  const GlyphRun r = run_with("é", {{8, 0}, {9, 0}});
  t.add_run(r);
  const GlyphTextMap m = t.choose();
  EXPECT_EQ(m.at(8), "é");
  EXPECT_FALSE(m.count(9));
  EXPECT_TRUE(cluster_extracts_exactly(r, clusters_of(r)[0], m));
}

TEST(ToUnicodeCMap, BlocksOfAtMostOneHundred) {
  std::vector<std::pair<uint16_t, std::string>> entries;
  for (uint16_t i = 1; i <= 250; ++i) entries.emplace_back(i, "a");
  entries.emplace_back(251, "ffi");
  const std::string cmap = to_unicode_cmap(entries);
  EXPECT_NE(cmap.find("100 beginbfchar"), std::string::npos);
  EXPECT_NE(cmap.find("51 beginbfchar"), std::string::npos);
  EXPECT_NE(cmap.find("<00FB> <006600660069>"), std::string::npos);
  std::regex block("(\\d+) beginbfchar");
  int blocks = 0;
  for (auto it = std::sregex_iterator(cmap.begin(), cmap.end(), block); it != std::sregex_iterator(); ++it) {
    EXPECT_LE(std::stoi((*it)[1]), 100);
    ++blocks;
  }
  EXPECT_EQ(blocks, 3);
}

TEST(Metadata, DatesInUtc) {
  EXPECT_EQ(pdf_date(0), "D:19700101000000Z");
  EXPECT_EQ(pdf_date(1700000000), "D:20231114221320Z");
  EXPECT_EQ(xmp_date(1700000000), "2023-11-14T22:13:20Z");
}

TEST(Metadata, XmpAgreesWithInfoAndEscapes) {
  DocumentInfo info;
  info.title = "R&D <CV>";
  info.author = "Zoë";
  info.keywords = "c++, typesetting";
  info.date = 1700000000;
  const std::string x = xmp_packet(info, {"vitae 1", "vitae 1 (PoDoFo)"});
  EXPECT_NE(x.find("<rdf:li xml:lang=\"x-default\">R&amp;D &lt;CV&gt;</rdf:li>"), std::string::npos);
  EXPECT_NE(x.find("<dc:creator><rdf:Seq><rdf:li>Zoë</rdf:li>"), std::string::npos);
  EXPECT_NE(x.find("<rdf:li>c++</rdf:li><rdf:li>typesetting</rdf:li>"), std::string::npos);
  EXPECT_NE(x.find("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"), std::string::npos);
  EXPECT_NE(x.find("<xmp:CreatorTool>vitae 1</xmp:CreatorTool>"), std::string::npos);
  info.date.reset();
  EXPECT_EQ(xmp_packet(info, {}).find("Date"), std::string::npos);
}

TEST(Subset, RemapsGlyphsDenselyForBothOutlineKinds) {
  for (const char* file : {"lato/Lato-Regular.ttf", "libertine/LinLibertine_R.otf"}) {
    auto font = bundled(file);
    ASSERT_TRUE(font);
    std::set<uint16_t> glyphs;
    for (char32_t c : std::u32string_view(U"Hello")) glyphs.insert(glyph_for_codepoint(*font, c).value());
    std::string err;
    auto s = subset_font(*font, glyphs, &err);
    ASSERT_TRUE(s) << err;
    EXPECT_EQ(s->old_to_new.size(), glyphs.size() + 1);  // + .notdef
    std::set<uint16_t> news;
    for (auto [o, n] : s->old_to_new) news.insert(n);
    EXPECT_EQ(*news.rbegin(), news.size() - 1) << "new ids are 0..n-1";
    EXPECT_EQ(s->new_glyph(0), 0);
    EXPECT_LT(s->program.size(), font->data().size() / 4) << file;
    if (font->is_cff())
      EXPECT_EQ(s->program[0], 1) << "a bare CFF table starts with major version 1";
    else
      EXPECT_EQ(s->program.substr(0, 4), std::string("\0\1\0\0", 4)) << "an sfnt";
    ASSERT_EQ(s->tag.size(), 6u);
    for (char c : s->tag) EXPECT_TRUE(c >= 'A' && c <= 'Z');
    EXPECT_EQ(subset_font(*font, glyphs, &err)->tag, s->tag);
    glyphs.insert(glyph_for_codepoint(*font, U'Z').value());
    EXPECT_NE(subset_font(*font, glyphs, &err)->tag, s->tag);
  }
}

TEST(Subset, GlyphOutsideTheFontIsAnError) {
  auto font = bundled("lato/Lato-Regular.ttf");
  std::string err;
  EXPECT_FALSE(subset_font(*font, {65000}, &err));
  EXPECT_NE(err.find("65000"), std::string::npos) << err;
}

TEST(Subset, WeightClass) {
  EXPECT_EQ(bundled("lato/Lato-Regular.ttf")->metrics().weight_class, 400);
  EXPECT_EQ(bundled("lato/Lato-Bold.ttf")->metrics().weight_class, 700);
}

}  // namespace
}  // namespace vitae::pdf

// Fitting to a page count (layout/fit.h) on small synthetic CVs: the search, its report,
// its bounds and what it leaves alone. The engine's rules on fitted pages are checked with
// the quality checks (quality_test.cpp, EveryLayout.FitsTheExamples...); the command line
// (messages, strict mode, byte-identical output) in tests/scripts/test_fit.py.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "layout/fit.h"
#include "load/load.h"
#include "text/font_library.h"

namespace vitae {
namespace {

const FontLibrary& fonts() {
  static const FontLibrary f(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false});
  return f;
}

/// A CV of `entries` experience entries of two highlights each, then `extra` YAML lines
/// (settings, design keys) at the top level.
std::string cv_yaml(int entries, const std::string& extra = "") {
  std::string y = "cv:\n  name: Ada Lovelace\n  sections:\n    experience:\n";
  for (int i = 0; i < entries; ++i)
    y += "      - company: Company " + std::to_string(i) +
         "\n        position: Engineer\n        start_date: 2019-01\n        end_date: 2020-06\n"
         "        highlights:\n"
         "          - Built a compiler pass that removed dead stores across basic blocks in a large codebase.\n"
         "          - Wrote the test suite.\n";
  return y + extra;
}

Document load(const std::string& yaml) {
  Diagnostics diags;
  std::optional<Document> doc = load_document({"cv.yaml", yaml}, diags);
  EXPECT_TRUE(doc && !diags.has_errors()) << (diags.all().empty() ? "" : diags.all()[0].message);
  return doc ? *doc : Document{};
}

FitOutcome fit(const std::string& yaml, FitRequest request) {
  Diagnostics diags;
  return fit_document(load(yaml), fonts(), {}, request, diags);
}

int pages(const std::string& yaml) {
  Diagnostics diags;
  return layout_document(load(yaml), fonts(), {}, diags).stats.pages;
}

/// The fewest entries that take two pages: that many less one fill page 1.
int entries_for_two_pages() {
  static const int n = [] {
    for (int k = 1; k < 80; ++k)
      if (pages(cv_yaml(k)) >= 2) return k;
    return 0;
  }();
  return n;
}

TEST(Fit, ACvALittleOverOnePageFitsOnOneAndSaysWhatChanged) {
  const int k = entries_for_two_pages() + 1;  // about 1.15 pages
  ASSERT_GT(k, 2);
  FitOutcome o = fit(cv_yaml(k), {1, false});
  EXPECT_EQ(o.plain_pages, 2);
  EXPECT_TRUE(o.fits);
  EXPECT_EQ(o.layout.stats.pages, 1);
  EXPECT_EQ(o.layout.stats.overfull_lines, 0);
  ASSERT_FALSE(o.changes.empty());
  EXPECT_LE(o.runs, 12);
  std::vector<std::string> report = fit_report(o);
  EXPECT_EQ(report.size(), o.changes.size());
  // Vertical spacing moves first: a little overflow needs nothing else.
  EXPECT_EQ(report[0].rfind("fit: design.", 0), 0u) << report[0];
  for (const FitChange& c : o.changes) EXPECT_EQ(c.key.find("font_size"), std::string::npos) << c.key;
}

// The report's values are the values laid out: written into the CV, they give the same
// pages, whichever groups moved (spacing only; up to the margins and font sizes).
TEST(Fit, TheReportedValuesLayOutAsTheFitDid) {
  for (int k : {entries_for_two_pages() + 1, entries_for_two_pages() * 3 / 2}) {
    FitOutcome o = fit(cv_yaml(k), {1, false});
    ASSERT_FALSE(o.changes.empty());
    std::string set = "set:\n";
    for (const FitChange& c : o.changes) set += "  design." + c.key + ": " + c.after + "\n";
    Diagnostics diags;
    LayoutResult copied = layout_document(load(cv_yaml(k, set)), fonts(), {}, diags);
    EXPECT_EQ(dump_pages(copied.doc), dump_pages(o.layout.doc)) << set;
  }
}

// Lengths are reported in the unit they were written in (the design keeps none: the value
// tells), and the margin floor, rounded up in that unit, is never crossed.
TEST(Fit, ReportsLengthsInTheirOwnUnits) {
  const std::string design = "design:\n  page:\n    top_margin: 2cm\n    bottom_margin: 20.25mm\n";
  FitOutcome o = fit(cv_yaml(entries_for_two_pages() * 2, design), {1, false});
  std::map<std::string, FitChange> by_key;
  for (const FitChange& c : o.changes) by_key[c.key] = c;
  ASSERT_TRUE(by_key.count("page.top_margin") && by_key.count("page.left_margin")) << fit_report(o).size();
  EXPECT_EQ(by_key["page.top_margin"].before, "2cm");
  EXPECT_EQ(by_key["page.top_margin"].after, "1.2cm");  // the floor
  EXPECT_EQ(by_key["page.bottom_margin"].before, "20.25mm");  // 20mm would read as 2cm
  EXPECT_EQ(by_key["page.bottom_margin"].after, "12mm");
  EXPECT_EQ(by_key["page.left_margin"].before, "0.7in");
  EXPECT_EQ(by_key["page.left_margin"].after, "0.48in");  // 1.2cm is 0.4724in
  EXPECT_EQ(by_key["typography.font_size.body"].before, "10pt");
  EXPECT_EQ(by_key["sections.space_between_regular_entries"].before, "1.2em");
  EXPECT_GE(o.design.page.left_margin, Abs::cm(1.2));
}

TEST(Fit, ACvThatFitsIsLaidOutOnceAndUnchanged) {
  const int k = entries_for_two_pages() - 1;
  FitOutcome o = fit(cv_yaml(k), {1, true});
  Diagnostics diags;
  LayoutResult plain = layout_document(load(cv_yaml(k)), fonts(), {}, diags);
  EXPECT_TRUE(o.fits);
  EXPECT_EQ(o.runs, 1);
  EXPECT_TRUE(o.changes.empty());
  EXPECT_EQ(o.target_pages, 0);
  EXPECT_EQ(dump_pages(o.layout.doc), dump_pages(plain.doc));
}

TEST(Fit, TwoAndAHalfPagesForOneOverflowsAndSaysByHowMuch) {
  const int k = entries_for_two_pages() * 5 / 2;
  FitOutcome o = fit(cv_yaml(k), {1, false});
  EXPECT_FALSE(o.fits);
  EXPECT_GE(o.plain_pages, 3);
  EXPECT_GE(o.layout.stats.pages, 2);
  EXPECT_LE(o.layout.stats.pages, o.plain_pages);
  EXPECT_GT(o.overflow_lines, 10);
  EXPECT_GT(o.overflow.to_pt(), 100);
  EXPECT_LE(o.runs, 12);
  const std::string m = overflow_message(o);
  EXPECT_NE(m.find("at most 1 page is allowed"), std::string::npos) << m;
  EXPECT_NE(m.find("run onto page 2"), std::string::npos) << m;
  // The best it can: every group at its bound, so the font sizes moved too.
  bool font = false;
  for (const FitChange& c : o.changes) font |= c.key == "typography.font_size.body";
  EXPECT_TRUE(font);
}

TEST(Fit, BoundsOfAHundredPercentMoveNothing) {
  const std::string fixed =
      "design:\n  fit:\n    min_spacing: 100%\n    min_line_spacing: 100%\n    min_margin: 10cm\n"
      "    min_font_scale: 100%\n";
  FitOutcome o = fit(cv_yaml(entries_for_two_pages() + 1, fixed), {1, false});
  EXPECT_FALSE(o.fits);
  EXPECT_TRUE(o.changes.empty());
  EXPECT_EQ(o.runs, 1);
  EXPECT_EQ(o.layout.stats.pages, 2);
}

TEST(Fit, FillPagesMovesAFewLinesOntoThePageBefore) {
  const int k = entries_for_two_pages();  // page 2 holds one entry: three lines
  FitOutcome o = fit(cv_yaml(k), {std::nullopt, true});
  EXPECT_EQ(o.plain_pages, 2);
  EXPECT_TRUE(o.fits);
  EXPECT_EQ(o.layout.stats.pages, 1);
  EXPECT_FALSE(o.changes.empty());
}

TEST(Fit, FillPagesLeavesAFullLastPageAlone) {
  const int k = entries_for_two_pages() * 3 / 2;  // page 2 about half full
  FitOutcome o = fit(cv_yaml(k), {std::nullopt, true});
  EXPECT_EQ(o.runs, 1);
  EXPECT_TRUE(o.changes.empty());
}

TEST(Fit, TheSameInputGivesTheSamePages) {
  const std::string y = cv_yaml(entries_for_two_pages() + 1);
  EXPECT_EQ(dump_pages(fit(y, {1, false}).layout.doc), dump_pages(fit(y, {1, false}).layout.doc));
}

}  // namespace
}  // namespace vitae

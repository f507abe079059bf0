// design.section_titles.type: each of RenderCV's eight styles puts the title and its rules
// where its Typst template does (rendercv_typst/lib.typ), checked on the laid-out page.
#include <gtest/gtest.h>

#include <algorithm>

#include "layout/layout.h"
#include "load/load.h"
#include "text/font_library.h"

namespace vitae {
namespace {

struct Heading {
  Abs start, end, baseline;   ///< the title's glyphs, horizontally, and its baseline
  std::vector<Rule> rules;    ///< rules within 15 pt of the title's baseline
  Abs text_width, left;       ///< the page's text width and left margin
  std::string dump;
};

Heading heading_with(const std::string& type) {
  std::string yaml = "cv:\n  name: Ada Lovelace\n  sections:\n    experience:\n"
                     "      - company: Analytical Engine\n        position: Analyst\n        date: '1843'\n"
                     "design:\n  section_titles:\n    type: " + type + "\n";
  Diagnostics diags;
  std::optional<Document> doc = load_document({"cv.yaml", yaml}, diags);
  EXPECT_TRUE(doc) << type;
  if (!doc) return {};
  FontLibrary fonts(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false});
  LayoutResult laid = layout_document(*doc, fonts, {}, diags);
  EXPECT_EQ(diags.warning_count(), 0u) << type;
  const Page& page = laid.doc.pages.at(0);
  Heading h;
  h.left = doc->design.page.left_margin;
  h.text_width = doc->design.page.width - doc->design.page.left_margin - doc->design.page.right_margin;
  h.dump = dump_pages(laid.doc);
  auto run = std::find_if(page.runs.begin(), page.runs.end(), [](const GlyphRun& r) { return r.text == "Experience"; });
  EXPECT_NE(run, page.runs.end()) << type;
  if (run == page.runs.end()) return h;
  h.start = run->origin.x;
  h.end = run->origin.x + run->width();
  h.baseline = run->origin.y;
  for (const Rule& r : page.rules)
    if (std::abs((r.origin.y - h.baseline).to_pt()) < 15) h.rules.push_back(r);
  std::sort(h.rules.begin(), h.rules.end(), [](const Rule& a, const Rule& b) { return a.origin.x < b.origin.x; });
  return h;
}

Abs right(const Rule& r) { return r.origin.x + r.width; }
Abs middle(const Heading& h) { return (h.start + h.end) / 2; }
Abs page_middle(const Heading& h) { return h.left + h.text_width / 2; }

constexpr double kTol = 0.01;  // points

TEST(SectionTitles, WithPartialLineRunsFromTheTitleToTheRightEdgeAtMidHeight) {
  Heading h = heading_with("with_partial_line");
  ASSERT_EQ(h.rules.size(), 1u);
  EXPECT_NEAR(h.start.to_pt(), h.left.to_pt(), kTol);
  EXPECT_GT(h.rules[0].origin.x, h.end);
  EXPECT_NEAR(right(h.rules[0]).to_pt(), (h.left + h.text_width).to_pt(), kTol);
  EXPECT_LT(h.rules[0].origin.y, h.baseline);  // above the baseline, beside the letters
}

TEST(SectionTitles, WithFullLineSpansThePageBelowTheTitle) {
  Heading h = heading_with("with_full_line");
  ASSERT_EQ(h.rules.size(), 1u);
  EXPECT_NEAR(h.rules[0].origin.x.to_pt(), h.left.to_pt(), kTol);
  EXPECT_NEAR(h.rules[0].width.to_pt(), h.text_width.to_pt(), kTol);
  EXPECT_GT(h.rules[0].origin.y, h.baseline);
}

TEST(SectionTitles, WithoutLineHasNoRule) {
  Heading h = heading_with("without_line");
  EXPECT_TRUE(h.rules.empty());
  EXPECT_NEAR(h.start.to_pt(), h.left.to_pt(), kTol);
}

TEST(SectionTitles, ModerncvPutsTheRuleInTheDateColumnAndTheTitleAfterIt) {
  Heading h = heading_with("moderncv");
  ASSERT_EQ(h.rules.size(), 1u);
  EXPECT_NEAR(h.rules[0].origin.x.to_pt(), h.left.to_pt(), kTol);
  // The classic defaults: date_and_location_width 4.15 cm + side_space 0.2 cm, then the
  // 0.1 cm gutter before the title.
  EXPECT_NEAR(h.rules[0].width.to_pt(), Abs::cm(4.35).to_pt(), kTol);
  EXPECT_NEAR((h.start - h.left).to_pt(), Abs::cm(4.45).to_pt(), kTol);
  EXPECT_LT(h.rules[0].origin.y, h.baseline);
}

TEST(SectionTitles, CenteredWithoutLineCentresTheTitle) {
  Heading h = heading_with("centered_without_line");
  EXPECT_TRUE(h.rules.empty());
  EXPECT_NEAR(middle(h).to_pt(), page_middle(h).to_pt(), 0.5);
}

TEST(SectionTitles, CenteredWithPartialLineHasRulesOnBothSidesOnTheBaseline) {
  Heading h = heading_with("centered_with_partial_line");
  ASSERT_EQ(h.rules.size(), 2u);
  EXPECT_NEAR(middle(h).to_pt(), page_middle(h).to_pt(), 0.5);
  EXPECT_NEAR(h.rules[0].origin.x.to_pt(), h.left.to_pt(), kTol);
  EXPECT_LT(right(h.rules[0]), h.start);
  EXPECT_GT(h.rules[1].origin.x, h.end);
  EXPECT_NEAR(right(h.rules[1]).to_pt(), (h.left + h.text_width).to_pt(), kTol);
  for (const Rule& r : h.rules) EXPECT_NEAR((r.origin.y + r.height).to_pt(), h.baseline.to_pt(), kTol);
}

TEST(SectionTitles, CenteredWithCenteredPartialLineHasRulesOnBothSidesAtMidHeight) {
  Heading h = heading_with("centered_with_centered_partial_line");
  ASSERT_EQ(h.rules.size(), 2u);
  EXPECT_NEAR(middle(h).to_pt(), page_middle(h).to_pt(), 0.5);
  EXPECT_LT(right(h.rules[0]), h.start);
  EXPECT_GT(h.rules[1].origin.x, h.end);
  for (const Rule& r : h.rules) EXPECT_LT((r.origin.y + r.height).to_pt(), h.baseline.to_pt() - 1);
}

TEST(SectionTitles, CenteredWithFullLineCentresTheTitleAboveAFullRule) {
  Heading h = heading_with("centered_with_full_line");
  ASSERT_EQ(h.rules.size(), 1u);
  EXPECT_NEAR(middle(h).to_pt(), page_middle(h).to_pt(), 0.5);
  EXPECT_NEAR(h.rules[0].width.to_pt(), h.text_width.to_pt(), kTol);
  EXPECT_GT(h.rules[0].origin.y, h.baseline);
}

TEST(SectionTitles, EveryTypeGivesADifferentPage) {
  const char* types[] = {"with_partial_line",     "with_full_line",
                         "without_line",          "moderncv",
                         "centered_without_line", "centered_with_partial_line",
                         "centered_with_centered_partial_line", "centered_with_full_line"};
  std::vector<std::string> dumps;
  for (const char* t : types) dumps.push_back(heading_with(t).dump);
  for (std::size_t i = 0; i < dumps.size(); ++i)
    for (std::size_t j = i + 1; j < dumps.size(); ++j) EXPECT_NE(dumps[i], dumps[j]) << types[i] << " vs " << types[j];
}

}  // namespace
}  // namespace vitae

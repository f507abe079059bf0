// design.sidebar: the name across the top of page 1, then a narrow column with the contact
// details and the sections it names beside the main column, each paginated on its own
// (src/layout/columns.cpp), checked on the laid-out pages.
#include <gtest/gtest.h>

#include <algorithm>

#include "layout/layout.h"
#include "load/load.h"
#include "text/font_library.h"

namespace vitae {
namespace {

const char* kCv = R"(cv:
  name: Ada Lovelace
  headline: Analyst
  email: ada@example.com
  phone: '+44 20 7946 0000'
  sections:
    experience:
      - company: Analytical Engine
        position: Analyst
        date: '1843'
        highlights:
          - Wrote the first published program.
    SKILLS:
      - label: Mathematics
        details: Calculus, Bernoulli numbers
    languages:
      - label: French
        details: fluent
design:
  theme: sidebar
)";

struct Laid {
  std::optional<Document> doc;
  LaidOutDocument pages;
  Diagnostics diags;
};

Laid lay_out(const std::string& yaml) {
  Laid l;
  l.doc = load_document({"cv.yaml", yaml}, l.diags);
  EXPECT_TRUE(l.doc) << format_diagnostics(l.diags, {});
  if (!l.doc) return l;
  static const FontLibrary fonts(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false});
  l.pages = layout_document(*l.doc, fonts, {}, l.diags).doc;
  return l;
}

/// The first run on any page whose text is `text`: its page (0-based) and run.
std::pair<std::size_t, const GlyphRun*> find(const Laid& l, const std::string& text) {
  for (std::size_t p = 0; p < l.pages.pages.size(); ++p)
    for (const GlyphRun& r : l.pages.pages[p].runs)
      if (r.text.find(text) != std::string::npos) return {p, &r};
  ADD_FAILURE() << "no run reads '" << text << "'";
  static const GlyphRun none;
  return {0, &none};
}

double x_of(const Laid& l, const std::string& text) { return find(l, text).second->origin.x.to_pt(); }
double y_of(const Laid& l, const std::string& text) { return find(l, text).second->origin.y.to_pt(); }

TEST(Sidebar, NamedSectionsAndContactsStandInTheLeftColumnTheRestInTheMain) {
  Laid l = lay_out(kCv);
  ASSERT_EQ(l.pages.pages.size(), 1u);
  const double left = l.doc->design.page.left_margin.to_pt();
  const double side_w = l.doc->design.sidebar.width.resolve(Abs::pt(10)).to_pt();
  const double gap = l.doc->design.sidebar.space_between.resolve(Abs::pt(10)).to_pt();
  // The name and headline across the top, from the left margin (the layout aligns left).
  EXPECT_NEAR(x_of(l, "Ada Lovelace"), left, 0.01);
  EXPECT_LT(y_of(l, "Ada Lovelace"), y_of(l, "ada@example.com"));
  EXPECT_LT(y_of(l, "Analyst"), y_of(l, "ada@example.com"));
  // The sidebar: one contact a line, then the sections it names, matched whatever their
  // case ("SKILLS" is "skills").
  for (const char* t : {"ada@example.com", "SKILLS", "Mathematics", "Languages", "French"}) {
    EXPECT_GE(x_of(l, t), left - 0.01) << t;
    EXPECT_LT(x_of(l, t), left + side_w) << t;
  }
  EXPECT_GT(y_of(l, "+44 20 7946 0000"), y_of(l, "ada@example.com"));
  EXPECT_LT(y_of(l, "ada@example.com"), y_of(l, "SKILLS"));
  // "Mathematics" then its details below it (the layout's one-line template has two lines).
  EXPECT_GT(y_of(l, "Calculus"), y_of(l, "Mathematics"));
  // The main column, right of the gutter.
  EXPECT_NEAR(x_of(l, "Experience"), left + side_w + gap, 0.01);
  EXPECT_GT(x_of(l, "Wrote the first"), left + side_w + gap);
}

TEST(Sidebar, ConnectionsTitleHeadsTheContactListLevelWithTheMainColumn) {
  Laid l = lay_out(std::string(kCv) + "  sidebar:\n    connections_title: Reach me\n");
  EXPECT_NEAR(y_of(l, "Reach me"), y_of(l, "Experience"), 0.01);
  EXPECT_LT(y_of(l, "Reach me"), y_of(l, "ada@example.com"));
  EXPECT_LT(x_of(l, "Reach me"), x_of(l, "Experience"));
}

TEST(Sidebar, RightPositionMirrorsTheColumns) {
  Laid l = lay_out(std::string(kCv) + "  sidebar:\n    position: right\n");
  const double left = l.doc->design.page.left_margin.to_pt();
  const double text_w = (l.doc->design.page.width - l.doc->design.page.left_margin - l.doc->design.page.right_margin).to_pt();
  const double side_w = l.doc->design.sidebar.width.resolve(Abs::pt(10)).to_pt();
  EXPECT_NEAR(x_of(l, "Experience"), left, 0.01);
  EXPECT_NEAR(x_of(l, "SKILLS"), left + text_w - side_w, 0.01);
}

TEST(Sidebar, WithoutConnectionsTheContactLineStaysUnderTheName) {
  Laid l = lay_out(std::string(kCv) + "  sidebar:\n    connections: false\n");
  EXPECT_LT(y_of(l, "ada@example.com"), y_of(l, "SKILLS"));
  EXPECT_NEAR(y_of(l, "ada@example.com"), y_of(l, "+44 20 7946 0000"), 0.01);  // one line
}

TEST(Sidebar, NoneSetsOneColumn) {
  Laid l = lay_out(std::string(kCv) + "  sidebar:\n    position: none\n");
  const double left = l.doc->design.page.left_margin.to_pt();
  EXPECT_NEAR(x_of(l, "Experience"), left, 0.01);
  EXPECT_NEAR(x_of(l, "SKILLS"), left, 0.01);
  EXPECT_GT(y_of(l, "SKILLS"), y_of(l, "Experience"));
}

TEST(Sidebar, AWidthOverHalfTheTextBlockWarnsAndIsCapped) {
  Laid l = lay_out(std::string(kCv) + "  sidebar:\n    width: 15cm\n");
  bool warned = false;
  for (const Diagnostic& d : l.diags.all())
    warned = warned || d.message.find("design.sidebar.width") != std::string::npos;
  EXPECT_TRUE(warned);
  const double left = l.doc->design.page.left_margin.to_pt();
  const double text_w = (l.doc->design.page.width - l.doc->design.page.left_margin - l.doc->design.page.right_margin).to_pt();
  EXPECT_NEAR(x_of(l, "Experience"), left + text_w / 2 + l.doc->design.sidebar.space_between.resolve(Abs::pt(10)).to_pt() / 2, 0.01);
}

TEST(Sidebar, EachColumnFlowsOntoTheNextPageOnItsOwn) {
  // A sidebar longer than a page, beside a short main column: the sidebar goes on to page
  // 2, in its own column, from the top margin.
  std::string yaml = std::string(kCv) + "  sidebar:\n    sections: [skills, languages, more]\n";
  std::string more = "    more:\n";
  for (int i = 0; i < 30; ++i) more += "      - label: Item " + std::to_string(i) + "\n        details: detail\n";
  yaml.insert(yaml.find("design:"), more);
  Laid l = lay_out(yaml);
  ASSERT_EQ(l.pages.pages.size(), 2u);
  auto [page, run] = find(l, "Item 29");
  EXPECT_EQ(page, 1u);
  EXPECT_LT(run->origin.x.to_pt(), x_of(l, "Experience"));
  EXPECT_EQ(find(l, "Experience").first, 0u);
  for (const Diagnostic& d : l.diags.all()) EXPECT_EQ(d.message.find("does not fit"), std::string::npos) << d.message;
}

}  // namespace
}  // namespace vitae

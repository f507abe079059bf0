// Every design key the loader marks applied changes the page (issue 17: no value accepted
// and ignored). For each key of the loader's own table (src/load/design_keys.cpp), each
// value it accepts other than the one in force is set on a CV that uses every entry type
// (data/examples/alex-morgan.yaml), and the laid-out pages must differ from the CV's own.
// What each value does to the page is tested where it is implemented (section_titles_test,
// quality_test, fields_test, ...); this test makes sure that no applied key is a no-op.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "layout/fit.h"
#include "layout/layout.h"
#include "load/design_keys.h"
#include "load/load.h"
#include "text/font_library.h"
#include "text/hyphenate.h"

namespace vitae {
namespace {

using load::DesignKey;
using load::DesignValue;

std::string base_cv() {
  std::ifstream in(VITAE_SOURCE_DIR "/data/examples/alex-morgan.yaml", std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kPhoto = "  cv.photo: " VITAE_SOURCE_DIR "/tests/data/photo/landscape.png\n";

/// The example CV takes two pages: fitted onto one, every group of the fit moves (the
/// font sizes last), so every bound shows.
const std::string kFitted = "  settings.max_pages: 1\n";

/// Other values a key needs to show on the page at all: the photo keys a photo; the top note must be shown for its
/// colour and template to be seen; a break rule needs an entry or section that meets a page
/// end; hyphenation shows on A5, where lines are narrow enough to break words; small capitals need a font that has them (Lato has none: that warns,
/// SmallCapsInAFontWithoutThemWarn).
const std::map<std::string, std::string> kNeeds = {
    {"colors.top_note", "  design.page.show_top_note: true\n"},
    {"hyphenation", "  design.page.size: a5\n"},
    {"typography.small_caps.section_titles", "  design.typography.font_family.section_titles: Linux Libertine O\n"},
    {"typography.small_caps.connections", "  design.typography.font_family.connections: Linux Libertine O\n"},
    {"typography.small_caps.headline", "  design.typography.font_family.headline: Linux Libertine O\n"},
    {"typography.small_caps.name", "  design.typography.font_family.name: Linux Libertine O\n"},
    {"templates.top_note", "  design.page.show_top_note: true\n"},
    {"entries.allow_page_break", "  design.page.size: a5\n"},
    // The fit's bounds act when a CV over its page limit is fitted (layout/fit.h).
    {"fit.min_spacing", kFitted},
    {"fit.min_line_spacing", kFitted},
    {"fit.min_margin", kFitted},
    {"fit.min_font_scale", kFitted},
    // The floor shows on type already at it, when only the font sizes may move.
    {"fit.min_font_size", kFitted + "  design.typography.font_size.body: 9pt\n  design.fit.min_spacing: 100%\n"
                          "  design.fit.min_line_spacing: 100%\n  design.fit.min_margin: 5cm\n"},
    // The photo's size, side and spaces show only with a photo.
    {"header.photo_width", kPhoto},
    {"header.photo_position", kPhoto},
    {"header.photo_space_left", kPhoto},
    {"header.photo_space_right", kPhoto},
    {"sections.allow_page_break",
     "  design.page.size: a5\n  design.entries.allow_page_break: true\n  design.typography.font_size.body: 11pt\n"},
    // The sidebar's keys act in a sidebar layout; its sections key needs a section that
    // its default list does not hold.
    {"sidebar.width", "  design.sidebar.position: left\n"},
    {"sidebar.space_between", "  design.sidebar.position: left\n"},
    {"sidebar.sections", "  design.sidebar.position: left\n"},
    {"sidebar.connections", "  design.sidebar.position: left\n"},
    {"sidebar.connections_title", "  design.sidebar.position: left\n"},
    // A wider date column narrows the main one: it shows where a highlight fills lines.
    {"entries.date_and_location_width",
     "  cv.sections.experience.0.highlights.0: Cut cloud spend by 31% by moving cold data to tiered object"
     " storage, with a lifecycle policy per tenant and a cost report that every team reads each month.\n"},
    // A range within one year, which only this template prints.
    {"templates.same_year_date_range",
     "  cv.sections.experience.0.start_date: 2023-03\n  cv.sections.experience.0.end_date: 2023-06\n"},
    // With time spans the date column has three lines, as many as the experience entries'
    // main column: a second row (full width) appears only with a shorter date column, and
    // shows in a highlight long enough to fill its lines.
    {"entries.short_second_row",
     "  design.sections.show_time_spans_in: []\n"
     "  cv.sections.experience.0.highlights.0: Cut cloud spend by 31% by moving cold data to tiered object"
     " storage, with a lifecycle policy per tenant and a cost report that every team reads each month.\n"},
};

/// Values that show a key's effect where the generic two of its type cannot: the date
/// column is as wide as its widest line at least, so a width must exceed it to act.
const std::map<std::string, std::vector<std::string>> kCandidates = {
    {"entries.date_and_location_width", {"6cm", "5cm"}},
};


struct Built {
  std::string dump;
  std::string problems;  ///< errors, and warnings naming the key
};

Built build(const std::string& set_lines, const std::string& key) {
  std::string yaml = base_cv() + "set:\n" + set_lines;
  Diagnostics diags;
  Built b;
  LoadOptions load_options;
  load_options.read_image = [](const std::string& path, std::string* error) -> std::optional<std::string> {
    std::ifstream in(path, std::ios::binary);
    if (!in) return *error = "cannot open", std::nullopt;
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  };
  std::optional<Document> doc = load_document({"cv.yaml", yaml}, diags, load_options);
  if (doc) {
    static const FontLibrary fonts(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false});
    LayoutOptions options;
    options.today = doc->settings.current_date;  // as a build gives it: the top note shows
    static HyphenatorCache hyphenators;
    std::shared_ptr<const Hyphenator> hyph;
    if (doc->design.hyphenation) hyph = hyphenators.get(doc->locale.bcp47, nullptr);
    options.hyphenator = hyph.get();
    // A CV with a page limit is fitted, as a build fits it: the fit's bounds act only then.
    FitRequest request{doc->settings.max_pages, doc->settings.fill_pages};
    LayoutResult laid = fit_document(*doc, fonts, options, request, diags).layout;
    b.dump = dump_pages(laid.doc);
  }
  for (const Diagnostic& d : diags.all())
    if (d.severity == Severity::Error || d.message.find(key) != std::string::npos) b.problems += d.message + "\n";
  return b;
}

/// Values to try for a key, in YAML: every choice, or two unlike values of its type.
std::vector<std::string> candidates(const DesignKey& k) {
  if (auto it = kCandidates.find(k.path); it != kCandidates.end()) return it->second;
  switch (k.type) {
    case DesignValue::Choice:
    case DesignValue::PageSize: return k.choices;
    case DesignValue::Length: return {"1.7cm", "0.9cm"};
    case DesignValue::AbsLength: return {"2.5pt", "1.5pt"};
    case DesignValue::Color: return {"'rgb(200, 30, 40)'", "'rgb(10, 200, 40)'"};
    case DesignValue::Bool: return {"true", "false"};
    case DesignValue::String: return {"'*'", "'+'"};
    case DesignValue::Template: return {"'DATE (x) ZZZ'", "'ZZZ'"};
    case DesignValue::StringList: return {"[]", "[experience, education, projects]"};
    case DesignValue::Features: return {"[-kern]", "[onum, -liga]"};
    case DesignValue::Font: return {"Linux Libertine O", "Lato"};
    case DesignValue::Fraction: return {"30%", "0.95"};
  }
  return {};
}

TEST(DesignValues, EveryValueOfEveryAppliedKeyChangesThePage) {
  const std::string plain = build("", "").dump;
  ASSERT_FALSE(plain.empty());
  int tried = 0;
  for (const DesignKey& k : load::design_keys()) {
    if (!k.applied) continue;
    std::string needs = kNeeds.count(k.path) ? kNeeds.at(k.path) : "";
    const std::string reference = needs.empty() ? plain : build(needs, "").dump;
    bool some_value_differs_from_the_cv = false;
    for (const std::string& v : candidates(k)) {
      Built b = build(needs + "  design." + k.path + ": " + v + "\n", k.path);
      EXPECT_TRUE(b.problems.empty()) << "design." << k.path << ": " << v << ":\n" << b.problems;
      if (b.dump == reference) continue;  // the CV's own value, or one with no effect: see below
      some_value_differs_from_the_cv = true;
      ++tried;
    }
    EXPECT_TRUE(some_value_differs_from_the_cv) << "design." << k.path << " changes nothing on the page";
  }
  EXPECT_GT(tried, 100);
}

// Where a key offers choices, every two of them give different pages: a choice that lays
// out like another is a choice that is not applied.
TEST(DesignValues, EveryTwoChoicesOfAKeyDiffer) {
  for (const DesignKey& k : load::design_keys()) {
    if (!k.applied || (k.type != DesignValue::Choice && k.type != DesignValue::PageSize)) continue;
    std::string needs = kNeeds.count(k.path) ? kNeeds.at(k.path) : "";
    std::vector<std::string> dumps;
    for (const std::string& v : k.choices) dumps.push_back(build(needs + "  design." + k.path + ": " + v + "\n", k.path).dump);
    for (std::size_t i = 0; i < dumps.size(); ++i)
      for (std::size_t j = i + 1; j < dumps.size(); ++j)
        // On its own page size the CV has no hyphenated line, so these two agree; on A5
        // (kNeeds) they must not.
        if (!(k.path == "typography.alignment" && k.choices[j] == "justified-with-no-hyphenation")) {
          EXPECT_NE(dumps[i], dumps[j]) << "design." << k.path << ": " << k.choices[i] << " lays out like "
                                      << k.choices[j];
        }
  }
}

}  // namespace
}  // namespace vitae

namespace vitae {
namespace {

/// The baseline of the first run whose text starts with `text`, on page 1.
Abs baseline_of(const std::string& set_lines, const std::string& text) {
  Diagnostics diags;
  std::optional<Document> doc = load_document({"cv.yaml", base_cv() + "set:\n" + set_lines}, diags);
  if (!doc) return Abs::zero();
  static const FontLibrary fonts(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false});
  LayoutResult laid = layout_document(*doc, fonts, {}, diags);
  for (const GlyphRun& r : laid.doc.pages.at(0).runs)
    if (r.text.rfind(text, 0) == 0) return r.origin.y;
  return Abs::zero();
}

TEST(DesignValues, JustifiedWithoutHyphenationDiffersWhereWordsBreak) {
  const std::string a5 = "  design.page.size: a5\n  design.typography.alignment: ";
  EXPECT_NE(build(a5 + "justified\n", "alignment").dump, build(a5 + "justified-with-no-hyphenation\n", "alignment").dump);
}

TEST(DesignValues, SmallCapsInAFontWithoutThemWarn) {
  Diagnostics diags;
  std::optional<Document> doc =
      load_document({"cv.yaml", base_cv() + "set:\n  design.typography.small_caps.name: true\n"
                                              "  design.typography.font_family.name: Lato\n"}, diags);
  ASSERT_TRUE(doc);
  static const FontLibrary fonts(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false});
  layout_document(*doc, fonts, {}, diags);
  int warned = 0;
  for (const Diagnostic& d : diags.all())
    if (d.message == "design.typography.small_caps.name: Lato has no small capitals (OpenType smcp); the text stays as it is")
      ++warned;
  EXPECT_EQ(warned, 1);
}

// The summary is the first paragraph below an entry's header: its space above was lost
// there (main_column added it only between paragraphs).
TEST(DesignValues, SummarySpaceAboveMovesTheSummaryDown) {
  Abs plain = baseline_of("  design.entries.summary.space_above: 0cm\n", "Technical lead of the");
  Abs spaced = baseline_of("  design.entries.summary.space_above: 1cm\n", "Technical lead of the");
  ASSERT_GT(plain, Abs::zero());
  EXPECT_GE((spaced - plain).to_pt(), Abs::cm(1).to_pt() - 0.01);
}

}  // namespace
}  // namespace vitae

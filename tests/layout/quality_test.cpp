// Measured layout quality. Two kinds of checks, all computed from the laid-out pages (the
// engine's output contract), never from its internals:
//  - on every example CV and the RenderCV corpus: no overfull line, no ink outside the
//    margins (footer and top note excepted: they sit in the margins by design), no section
//    heading alone at a page bottom, a footer on every page of a multi-page CV, and the same
//    pages when laid out twice;
//  - on small synthetic CVs built in code and swept across the page break: TeX's club and
//    widow rules (at least two lines of a broken paragraph on each page), headings kept
//    with what follows, entries kept whole unless taller than a page, and tall entries split
//    without losing a line or running into the bottom margin.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "layout/fit.h"
#include "layout/layout.h"
#include "../support/files.h"
#include "load/builtin_layouts.h"
#include "load/load.h"
#include "model/utf8.h"
#include "text/font.h"
#include "text/font_library.h"
#include "text/hyphenate.h"

namespace vitae {
namespace {

namespace fs = std::filesystem;

constexpr Date kFixedToday{2025, 1, 15, false, {}};
constexpr double kTol = 0.01;  // pt: rounding slack for position comparisons

const FontLibrary& bundled_fonts() {
  static const FontLibrary fonts(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false});
  return fonts;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// ---- Laying out ---------------------------------------------------------------------------

/// A document and its layout, with the options and diagnostics that produced it.
struct Laid {
  Document doc;
  std::optional<Date> today;
  LayoutResult result;
  Diagnostics diags;
};

/// The hyphenation patterns of a language, loaded once per test run (German patterns
/// take seconds to load in a Debug build).
const Hyphenator* hyphenator_for(const std::string& bcp47) {
  static std::map<std::string, std::shared_ptr<const Hyphenator>> cache;  // tests run serially
  auto it = cache.find(bcp47);
  if (it == cache.end()) it = cache.emplace(bcp47, Hyphenator::load(bcp47, default_hyphen_dir(), nullptr)).first;
  return it->second.get();
}

/// Lays out a validated document with a fixed today and (if the design asks for it) the
/// language's hyphenation patterns, as `vitae build` would; bundled fonts only by default.
/// The options to lay `doc` out with, as `vitae build` would; `l` gets the document and today.
LayoutOptions options_for(Laid& l, const Document& doc) {
  l.doc = doc;
  l.today = doc.settings.current_date ? doc.settings.current_date : std::optional<Date>(kFixedToday);
  LayoutOptions lo;
  lo.today = l.today;
  lo.hyphenator = doc.design.hyphenation ? hyphenator_for(doc.locale.bcp47) : nullptr;
  return lo;
}

Laid lay_out(const Document& doc, const FontLibrary& fonts = bundled_fonts()) {
  Laid l;
  LayoutOptions lo = options_for(l, doc);
  l.result = layout_document(l.doc, fonts, lo, l.diags);
  return l;
}

std::optional<Document> load_file(const fs::path& p, std::string* errors) {
  Diagnostics diags;
  std::optional<Document> doc = load_document(SourceFile{p.string(), read_file(p)}, diags);
  for (const Diagnostic& d : diags.all())
    if (d.severity == Severity::Error) *errors += d.message + "\n";
  return doc;
}

/// A corpus file laid out once for all the checks on it (or why it did not load).
struct CorpusLayout {
  std::string errors;
  std::optional<Laid> laid;
};

const CorpusLayout& corpus_layout(const fs::path& p) {
  static std::map<std::string, CorpusLayout> cache;  // tests run serially
  auto it = cache.find(p.string());
  if (it != cache.end()) return it->second;
  CorpusLayout c;
  std::optional<Document> doc = load_file(p, &c.errors);
  if (doc) c.laid.emplace(lay_out(*doc));
  return cache.emplace(p.string(), std::move(c)).first->second;
}

std::string warnings_of(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.all())
    if (d.severity == Severity::Warning) out += "  " + std::to_string(d.loc.line) + ": " + d.message + "\n";
  return out;
}

// ---- Reading pages back as lines ------------------------------------------------------------

/// The glyph runs sharing one baseline on a page: a typeset line (or, in an entry's header
/// row, a line and the date column beside it).
struct Line {
  std::size_t page = 0;  ///< 0-based
  double y = 0;          ///< baseline, pt from the page top
  double top = 0;        ///< highest cap height of its runs
  double left = 0, right = 0;  ///< ink extent (trailing spaces excluded)
  double size = 0;       ///< largest font size
  std::string text;      ///< the runs' texts, left to right
  bool has_bullet = false;  ///< a drawn list bullet sits on this line
};

double cap_height_pt(const GlyphRun& r) {
  if (!r.font) return r.size.to_pt() * 0.7;
  const FontMetrics& m = r.font->metrics();
  double cap = m.cap_height > 0 ? m.cap_height : m.ascender * 0.7;
  return r.size.to_pt() * cap / m.units_per_em;
}

bool has_letter_or_digit(const std::string& text) {
  // ASCII letters and digits, and anything outside ASCII but the symbol blocks U+2000-U+2BFF
  // (punctuation, arrows, box drawing, geometric shapes: "●", "■", "★").
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t c = utf8_next(text, pos);
    if (c < 0x80 ? std::isalnum(static_cast<int>(c)) != 0 : (c < 0x2000 || c > 0x2BFF)) return true;
  }
  return false;
}

// The ink's right edge: the advance of a trailing space is not ink.
double ink_right(const GlyphRun& r) {
  double x = r.origin.x.to_pt(), right = x;
  for (const Glyph& g : r.glyphs) {
    x += g.x_advance.to_pt();
    bool space = g.cluster < r.text.size() && r.text[g.cluster] == ' ';
    if (!space) right = x;
  }
  return right;
}

constexpr double kGutter = 20;  // pt

std::vector<Line> lines_of(const Page& page, std::size_t index) {
  std::map<int64_t, std::vector<const GlyphRun*>> by_baseline;
  for (const GlyphRun& r : page.runs) by_baseline[std::llround(r.origin.y.to_pt() * 100)].push_back(&r);
  std::vector<Line> out;
  for (auto& [key, runs] : by_baseline) {
    std::stable_sort(runs.begin(), runs.end(),
                     [](const GlyphRun* a, const GlyphRun* b) { return a->origin.x < b->origin.x; });
    Line l;
    auto start = [&, &key = key] {
      l = Line{};
      l.page = index;
      l.y = key / 100.0;
      l.top = l.y;
      l.left = 1e9, l.right = -1e9;
    };
    start();
    for (const GlyphRun* r : runs) {
      // A gutter (a sidebar's, 0.8cm) between two runs on one baseline parts two columns'
      // lines; a date column's narrower gap does not.
      if (!l.text.empty() && r->origin.x.to_pt() - l.right > kGutter) {
        out.push_back(std::move(l));
        start();
      }
      l.text += r->text;
      // A run of symbols only (a typed list marker such as "●", often from a fallback font
      // with taller capitals) has no capital: its ink stays below the line's cap height.
      if (has_letter_or_digit(r->text)) l.top = std::min(l.top, r->origin.y.to_pt() - cap_height_pt(*r));
      l.left = std::min(l.left, r->origin.x.to_pt());
      l.right = std::max(l.right, ink_right(*r));
      l.size = std::max(l.size, r->size.to_pt());
    }
    out.push_back(std::move(l));
  }
  // A bullet is drawn a little above its line's baseline, inside the line's height.
  for (const Disc& d : page.discs)
    for (Line& l : out)
      if (d.center.y.to_pt() <= l.y + kTol && d.center.y.to_pt() >= l.y - l.size) {
        l.has_bullet = true;
        break;
      }
  return out;
}

/// Every line of the document, page by page, top to bottom.
std::vector<Line> all_lines(const LaidOutDocument& doc) {
  std::vector<Line> out;
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    for (Line& l : lines_of(doc.pages[p], p)) out.push_back(std::move(l));
  return out;
}

/// Which lines are the footer ("... N/M") and the top note: they live in the margins.
struct MarginLines {
  std::vector<std::optional<std::size_t>> footer;  ///< per page: index into the page's lines
  std::optional<std::size_t> top_note;             ///< on page 1
};

MarginLines find_margin_lines(const LaidOutDocument& doc, const Laid& laid) {
  MarginLines m;
  std::size_t total = doc.pages.size();
  for (std::size_t p = 0; p < total; ++p) {
    std::vector<Line> lines = lines_of(doc.pages[p], p);
    std::regex number("(^|[^0-9])" + std::to_string(p + 1) + "/" + std::to_string(total) + "([^0-9]|$)");
    std::optional<std::size_t> footer;
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (std::regex_search(lines[i].text, number)) footer = i;  // the lowest one
    m.footer.push_back(footer);
    if (p == 0 && laid.today) {
      double top = laid.doc.design.page.top_margin.to_pt();
      for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].y < top && lines[i].text.find(std::to_string(laid.today->year)) != std::string::npos)
          m.top_note = i;
    }
  }
  return m;
}

// ---- The checks -----------------------------------------------------------------------------

std::string where(const Line& l) {
  std::ostringstream s;
  s << "page " << l.page + 1 << " y=" << l.y << " '" << l.text.substr(0, 60) << "'";
  return s.str();
}

/// Ink outside the text block: glyph runs, rules and bullets must stay within the margins,
/// except the footer and the top note, which must sit inside the page, within the left and
/// right margins, in the bottom and top margin respectively.
std::vector<std::string> margin_violations(const Laid& laid) {
  const Design::Page& dp = laid.doc.design.page;
  const LaidOutDocument& doc = laid.result.doc;
  double left = dp.left_margin.to_pt(), right = (dp.width - dp.right_margin).to_pt();
  double top = dp.top_margin.to_pt(), bottom = (dp.height - dp.bottom_margin).to_pt();
  MarginLines m = find_margin_lines(doc, laid);
  std::vector<std::string> out;
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    std::vector<Line> lines = lines_of(page, p);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const Line& l = lines[i];
      if (l.left < left - kTol) out.push_back("left of the left margin: " + where(l));
      if (l.right > right + kTol) out.push_back("past the right margin: " + where(l));
      if (m.footer[p] == i) {
        if (l.top < bottom - kTol || l.y > page.height.to_pt()) out.push_back("footer not in the bottom margin: " + where(l));
      } else if (m.top_note && p == 0 && *m.top_note == i) {
        if (l.top < 0 || l.y > top + kTol) out.push_back("top note not in the top margin: " + where(l));
      } else {
        if (l.top < top - kTol) out.push_back("above the top margin: " + where(l));
        if (l.y > bottom + kTol) out.push_back("below the bottom margin: " + where(l));
      }
    }
    // Rules and bullets: their boxes (left, top, right, bottom) inside the text block.
    auto outside = [&](double x0, double y0, double x1, double y1) {
      return x0 < left - kTol || x1 > right + kTol || y0 < top - kTol || y1 > bottom + kTol;
    };
    for (const Rule& r : page.rules)
      if (outside(r.origin.x.to_pt(), r.origin.y.to_pt(), (r.origin.x + r.width).to_pt(), (r.origin.y + r.height).to_pt()))
        out.push_back("rule outside the text block on page " + std::to_string(p + 1));
    for (const Disc& d : page.discs)
      if (outside((d.center.x - d.radius).to_pt(), (d.center.y - d.radius).to_pt(), (d.center.x + d.radius).to_pt(),
                  d.center.y.to_pt()))
        out.push_back("bullet outside the text block on page " + std::to_string(p + 1));
  }
  return out;
}

/// A footer on every page of a multi-page CV when the design shows one, and it is the
/// lowest line of its page.
std::vector<std::string> footer_problems(const Laid& laid) {
  const LaidOutDocument& doc = laid.result.doc;
  std::vector<std::string> out;
  if (doc.pages.size() < 2 || !laid.doc.design.page.show_footer) return out;
  MarginLines m = find_margin_lines(doc, laid);
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    std::vector<Line> lines = lines_of(doc.pages[p], p);
    if (!m.footer[p]) out.push_back("no footer with the page number on page " + std::to_string(p + 1));
    else if (*m.footer[p] + 1 != lines.size()) out.push_back("footer is not the lowest line on page " + std::to_string(p + 1));
  }
  return out;
}

std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Which column of a sidebar layout `x` is in: 0 left of the gutter's middle, 1 right
/// of it; 0 everywhere in a one-column layout.
int column_of(const Document& doc, double x) {
  const Design& d = doc.design;
  if (d.sidebar.position == "none") return 0;
  const double body = d.typography.font_size.body.resolve(Abs::pt(10)).to_pt();
  const double side = d.sidebar.width.resolve(Abs::pt(body)).to_pt(), gap = d.sidebar.space_between.resolve(Abs::pt(body)).to_pt();
  const double text = (d.page.width - d.page.left_margin - d.page.right_margin).to_pt();
  const double split = d.page.left_margin.to_pt() + (d.sidebar.position == "left" ? side : text - side - gap) + gap / 2;
  return x < split ? 0 : 1;
}

/// Section headings (page anchors) with nothing of their section below them on the same
/// page, in the same column. The heading's own lines are those whose text is part of its
/// title; the first of them, below the anchor, gives the heading's column.
std::vector<std::string> headings_alone(const Laid& laid) {
  const LaidOutDocument& doc = laid.result.doc;
  MarginLines m = find_margin_lines(doc, laid);
  std::vector<std::string> out;
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    std::vector<Line> lines = lines_of(page, p);
    auto column = [&](const Anchor& a) {
      for (const Line& l : lines)
        if (l.y > a.y.to_pt() && !squeeze(l.text).empty() && squeeze(a.title).find(squeeze(l.text)) != std::string::npos)
          return column_of(laid.doc, l.left);
      return 0;
    };
    for (const Anchor& a : page.anchors) {
      const double y = a.y.to_pt();
      const int col = column(a);
      double limit = 1e9;  // the next heading in the column
      for (const Anchor& b : page.anchors)
        if (b.y.to_pt() > y + kTol && column(b) == col) limit = std::min(limit, b.y.to_pt());
      std::string title = squeeze(a.title);
      bool content = false;  // a line below the heading's, above the next heading, not part of the title
      for (std::size_t i = 0; i < lines.size() && !content; ++i)
        content = m.footer[p] != i && lines[i].y > y && lines[i].y < limit &&
                  column_of(laid.doc, lines[i].left) == col && title.find(squeeze(lines[i].text)) == std::string::npos;
      if (!content) out.push_back("heading '" + a.title + "' alone at the bottom of page " + std::to_string(p + 1));
    }
  }
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += "  " + s + "\n";
  return out;
}

// ---- The corpus -------------------------------------------------------------------------------

std::vector<fs::path> corpus() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(VITAE_SOURCE_DIR) / "data" / "examples"))
    if (e.path().extension() == ".yaml" || e.path().extension() == ".json") out.push_back(e.path());
  fs::path rcv = test_support::corpus_dir();
  if (fs::is_directory(rcv))  // when absent, the Examples tests fail under CI or skip
    for (const auto& e : fs::recursive_directory_iterator(rcv))
      if (e.path().extension() == ".yaml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string corpus_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string n = info.param.parent_path().filename().string() + "_" + info.param.stem().string();
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

class Quality : public ::testing::TestWithParam<fs::path> {
 protected:
  void SetUp() override {
    const CorpusLayout& c = corpus_layout(GetParam());
    ASSERT_TRUE(c.laid) << GetParam() << " does not load:\n" << c.errors;
    laid_ = &*c.laid;
  }
  const Laid& laid() const { return *laid_; }

 private:
  const Laid* laid_ = nullptr;
};

TEST_P(Quality, NoOverfullLines) {
  EXPECT_EQ(laid().result.stats.overfull_lines, 0) << warnings_of(laid().diags);
}

TEST_P(Quality, InkStaysInsideTheMargins) {
  std::vector<std::string> v = margin_violations(laid());
  EXPECT_TRUE(v.empty()) << joined(v);
}

TEST_P(Quality, EveryPageOfAMultiPageCvHasItsFooter) {
  std::vector<std::string> v = footer_problems(laid());
  EXPECT_TRUE(v.empty()) << joined(v);
}

TEST_P(Quality, NoHeadingAloneAtAPageBottom) {
  ASSERT_FALSE(laid().result.doc.pages.empty());
  std::vector<std::string> v = headings_alone(laid());
  EXPECT_TRUE(v.empty()) << joined(v);
}

TEST_P(Quality, NoPageRunsOver) {
  // The page builder flags content that cannot fit; the corpus has none.
  for (const Diagnostic& d : laid().diags.all()) EXPECT_EQ(d.message.find("does not fit"), std::string::npos) << d.message;
}

TEST_P(Quality, SameDocumentSamePages) {
  // A fresh FontLibrary too: nothing cached by an earlier layout may change the pages.
  FontLibrary fresh(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false});
  Laid again = lay_out(laid().doc, fresh);
  EXPECT_EQ(dump_pages(laid().result.doc), dump_pages(again.result.doc));
  EXPECT_EQ(laid().result.stats.lines, again.result.stats.lines);
}

INSTANTIATE_TEST_SUITE_P(Corpus, Quality, ::testing::ValuesIn(corpus()), corpus_name);

// Every built-in layout sets every CV of the corpus (the examples, RenderCV's files) with
// no overfull line, its ink inside the margins, no heading alone at a page bottom and
// nothing that cannot fit (issue 12): a layout's fonts and spacing must not break the
// engine's promises.
std::vector<std::string> layout_names() {
  std::vector<std::string> out;
  for (const BuiltinLayout& l : builtin_layouts()) out.emplace_back(l.name);
  return out;
}

class EveryLayout : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryLayout, SetsEveryCorpusCvWithinTheEnginesRules) {
  LoadOptions options;
  options.overrides = {"design.theme=" + GetParam()};
  int checked = 0;
  for (const fs::path& p : corpus()) {
    SCOPED_TRACE(p.string());
    Diagnostics diags;
    std::optional<Document> doc = load_document(SourceFile{p.string(), read_file(p)}, diags, options);
    ASSERT_TRUE(doc) << diags.error_count() << " errors";
    Laid laid = lay_out(*doc);
    EXPECT_EQ(laid.result.stats.overfull_lines, 0) << warnings_of(laid.diags);
    EXPECT_EQ(joined(margin_violations(laid)), "");
    EXPECT_EQ(joined(headings_alone(laid)), "");
    for (const Diagnostic& d : laid.diags.all())
      EXPECT_EQ(d.message.find("does not fit"), std::string::npos) << d.message;
    ++checked;
  }
  EXPECT_GE(checked, 4);  // the examples at least; RenderCV's corpus too (tests/compat)
}

INSTANTIATE_TEST_SUITE_P(Layouts, EveryLayout, ::testing::ValuesIn(layout_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

// ---- The same checks under other designs ------------------------------------------------------

/// Design changes the corpus does not exercise on its own: a smaller page, the other
/// section-title styles, ragged-right text, larger type, tight and wide margins, entries
/// allowed to break.
struct Variant {
  std::string name;
  void (*apply)(Design&);
};

const std::vector<Variant>& variants() {
  // Combined, four to a run, to keep the suite fast; each is also valid from YAML.
  static const std::vector<Variant> v = {
      {"a5_full_line_titles_ragged",
       [](Design& d) {
         d.page.width = Abs::mm(148), d.page.height = Abs::mm(210);
         d.section_titles.type = "with_full_line";
         d.typography.alignment = "left";
         d.header.alignment = "left";
       }},
      {"moderncv_titles_large_type",
       [](Design& d) {
         d.section_titles.type = "moderncv";
         d.typography.font_size.body = Length::of(Abs::pt(12));
       }},
      {"tight_margins_breakable_entries",
       [](Design& d) {
         d.page.top_margin = d.page.bottom_margin = d.page.left_margin = d.page.right_margin = Abs::cm(0.3);
         d.entries.allow_page_break = true;
       }},
      {"a5_wide_margins",
       [](Design& d) {
         d.page.width = Abs::mm(148), d.page.height = Abs::mm(210);
         d.page.left_margin = d.page.right_margin = Abs::cm(3.5);
       }},
  };
  return v;
}

/// Every rule a layout breaks, labelled: overfull lines, ink outside the margins, missing
/// footers, headings alone, content that does not fit on a page.
std::vector<std::string> rule_breaches(const Laid& l) {
  std::vector<std::string> out;
  if (l.result.stats.overfull_lines > 0) out.push_back(std::to_string(l.result.stats.overfull_lines) + " overfull lines");
  for (const std::vector<std::string>& v : {margin_violations(l), footer_problems(l), headings_alone(l)})
    out.insert(out.end(), v.begin(), v.end());
  for (const Diagnostic& d : l.diags.all())
    if (d.message.find("does not fit") != std::string::npos) out.push_back(d.message);
  return out;
}

TEST(QualityVariants, OtherDesignsKeepTheRules) {
  fs::path examples = fs::path(VITAE_SOURCE_DIR) / "data" / "examples";
  for (const fs::path& p : corpus()) {
    if (p.parent_path() != examples) continue;
    const CorpusLayout& c = corpus_layout(p);
    ASSERT_TRUE(c.laid) << c.errors;
    for (const Variant& v : variants()) {
      Document doc = c.laid->doc;
      v.apply(doc.design);
      std::vector<std::string> b = rule_breaches(lay_out(doc));
      EXPECT_TRUE(b.empty()) << p.filename() << " with " << v.name << ":\n" << joined(b);
    }
  }
}

// ---- Fitted to a page fewer (layout/fit.h) ----------------------------------------------------

/// `doc` fitted to `pages`, as `vitae build --max-pages` lays it out. The Laid holds the
/// fitted design, so that the margin checks measure against the fitted margins.
Laid fitted(const Document& doc, int pages) {
  Laid l;
  LayoutOptions lo = options_for(l, doc);
  FitOutcome fit = fit_document(doc, bundled_fonts(), lo, FitRequest{pages, false}, l.diags);
  l.doc.design = fit.design;
  l.result = std::move(fit.layout);
  if (fit.fits) {
    EXPECT_LE(l.result.stats.pages, pages);
  }
  return l;
}

// Every example of more than one page, fitted to one page fewer in every layout, keeps
// the engine's rules: no overfull line, ink inside the (fitted) margins, a footer on every
// page, no heading alone, nothing that cannot fit.
TEST_P(EveryLayout, FitsTheExamplesOntoAPageFewerWithinTheEnginesRules) {
  LoadOptions options;
  options.overrides = {"design.theme=" + GetParam()};
  const fs::path examples = fs::path(VITAE_SOURCE_DIR) / "data" / "examples";
  int checked = 0;
  for (const fs::path& p : corpus()) {
    if (p.parent_path() != examples) continue;
    SCOPED_TRACE(p.string());
    Diagnostics diags;
    std::optional<Document> doc = load_document(SourceFile{p.string(), read_file(p)}, diags, options);
    ASSERT_TRUE(doc) << diags.error_count() << " errors";
    const int pages = lay_out(*doc).result.stats.pages;
    if (pages < 2) continue;
    EXPECT_EQ(joined(rule_breaches(fitted(*doc, pages - 1))), "");
    ++checked;
  }
  EXPECT_GE(checked, 1);
}

// ---- The checks themselves must catch what they claim to -----------------------------------

class QualityChecks : public ::testing::Test {
 protected:
  void SetUp() override {
    const CorpusLayout& c = corpus_layout(fs::path(VITAE_SOURCE_DIR) / "data" / "examples" / "wei-wen.yaml");
    ASSERT_TRUE(c.laid) << c.errors;
    laid_.emplace(*c.laid);  // a copy: the tests damage it
    ASSERT_GE(laid_->result.doc.pages.size(), 2u);
  }
  std::optional<Laid> laid_;
};

TEST_F(QualityChecks, CatchInkPastTheRightMargin) {
  ASSERT_TRUE(margin_violations(*laid_).empty());
  laid_->result.doc.pages[0].runs[0].origin.x += laid_->doc.design.page.width;
  EXPECT_FALSE(margin_violations(*laid_).empty());
}

TEST_F(QualityChecks, CatchTextInTheBottomMargin) {
  Page& p = laid_->result.doc.pages[0];
  p.runs[0].origin.y = p.height - laid_->doc.design.page.bottom_margin / 2;  // not a footer
  EXPECT_FALSE(margin_violations(*laid_).empty());
}

TEST_F(QualityChecks, CatchAHeadingAlone) {
  Page& p = laid_->result.doc.pages[0];
  ASSERT_TRUE(headings_alone(*laid_).empty());
  // Move the page's last heading under every other line (above the footer).
  ASSERT_FALSE(p.anchors.empty());
  Anchor& a = p.anchors.back();
  double lowest = 0;
  for (const GlyphRun& r : p.runs)
    if (r.origin.y < p.height - laid_->doc.design.page.bottom_margin) lowest = std::max(lowest, r.origin.y.to_pt());
  for (GlyphRun& r : p.runs)
    if (r.text == a.title) r.origin.y = Abs::pt(lowest + 20);
  a.y = Abs::pt(lowest + 10);
  EXPECT_EQ(headings_alone(*laid_).size(), 1u);
}

TEST_F(QualityChecks, FindTheFooterOnEveryPage) {
  MarginLines m = find_margin_lines(laid_->result.doc, *laid_);
  for (std::size_t p = 0; p < m.footer.size(); ++p) EXPECT_TRUE(m.footer[p]) << "page " << p + 1;
  EXPECT_TRUE(footer_problems(*laid_).empty());
  laid_->result.doc.pages[1].runs.clear();
  EXPECT_FALSE(footer_problems(*laid_).empty());
}

// ---- Synthetic CVs swept across the page break ------------------------------------------------

/// Deterministic English-like prose: `words` words from a fixed vocabulary, chosen by a
/// linear congruential generator seeded with `seed` (different seeds: different lines).
std::string prose(unsigned seed, int words) {
  static const char* vocab[] = {"design",   "reliable", "systems",  "for",     "large",     "scale",
                                "data",     "with",     "careful",  "testing", "and",       "clear",
                                "interfaces", "between", "stages",  "the",     "pipeline",  "measured",
                                "latency",  "across",   "regions",  "while",   "keeping",   "costs",
                                "low",      "led",      "a",        "team",    "of",        "engineers",
                                "through",  "migration", "to",      "new",     "storage",   "formats"};
  std::string out;
  uint32_t x = seed * 2654435761u + 12345u;
  for (int i = 0; i < words; ++i) {
    x = x * 1664525u + 1013904223u;
    std::string w = vocab[(x >> 16) % (sizeof vocab / sizeof *vocab)];
    if (i == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    out += (i ? " " : "") + w;
  }
  return out + ".";
}

Entry text_entry(const std::string& markup) {
  Entry e;
  e.kind = EntryKind::Text;
  e.text = Text{markup, {}};
  return e;
}

Entry experience(const std::string& company, std::vector<std::string> highlights) {
  Entry e;
  e.kind = EntryKind::Experience;
  e.company = Text{company, {}};
  e.position = Text{"Engineer", {}};
  e.date = Text{"2019 - 2023", {}};
  for (std::string& h : highlights) e.highlights.push_back(Highlight{Text{std::move(h), {}}, {}, {}});
  return e;
}

Section section(const std::string& title, EntryKind kind, std::vector<Entry> entries) {
  Section s;
  s.key = s.title = title;
  s.kind = kind;
  s.entries = std::move(entries);
  return s;
}

/// A section of `n` one-line filler entries (none when n = 0) followed by `s`: the filler
/// pushes `s` down the page in small steps.
std::vector<Section> after_filler(int n, Section s) {
  std::vector<Section> out;
  std::vector<Entry> es;
  for (int i = 0; i < n; ++i) es.push_back(text_entry("Filler line " + std::to_string(i + 1)));
  if (n > 0) out.push_back(section("Filler", EntryKind::Text, std::move(es)));
  out.push_back(std::move(s));
  return out;
}

/// A validated base document (the loader fills the design from the classic layout) on a
/// short page, so that a few lines fill it; no footer or top note, so that every line on a
/// page is content.
Document base_document(double page_height_pt) {
  Diagnostics diags;
  std::optional<Document> doc = load_document(
      SourceFile{"synthetic.yaml", "cv:\n  name: Test Person\n  sections:\n    placeholder:\n      - text\n"}, diags);
  EXPECT_TRUE(doc) << warnings_of(diags);
  if (!doc) return {};
  doc->cv.sections.clear();
  doc->design.page.height = Abs::pt(page_height_pt);
  doc->design.page.show_footer = false;
  doc->design.page.show_top_note = false;
  return *doc;
}

/// The same document on a page tall enough for all of it: the reference lines.
std::vector<Line> unpaged_lines(Document doc) {
  doc.design.page.height = Abs::pt(20000);
  Laid l = lay_out(doc);
  EXPECT_EQ(l.result.doc.pages.size(), 1u);
  return all_lines(l.result.doc);
}

std::vector<std::string> texts(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (const Line& l : lines) out.push_back(l.text);
  return out;
}

/// Where `block` (consecutive line texts) starts in `lines`; npos if absent.
std::size_t find_block(const std::vector<std::string>& lines, const std::vector<std::string>& block) {
  if (block.empty() || block.size() > lines.size()) return std::string::npos;
  for (std::size_t i = 0; i + block.size() <= lines.size(); ++i)
    if (std::equal(block.begin(), block.end(), lines.begin() + static_cast<std::ptrdiff_t>(i))) return i;
  return std::string::npos;
}

/// Lines per page of lines[from, to).
std::map<std::size_t, int> pages_of(const std::vector<Line>& lines, std::size_t from, std::size_t to) {
  std::map<std::size_t, int> count;
  for (std::size_t i = from; i < to; ++i) ++count[lines[i].page];
  return count;
}

/// TeX's club and widow rules for lines[from, to) (one paragraph): if it is split, every
/// page it touches has at least two of its lines.
std::string club_widow_problem(const std::vector<Line>& lines, std::size_t from, std::size_t to) {
  std::map<std::size_t, int> count = pages_of(lines, from, to);
  if (count.size() < 2) return "";
  for (const auto& [page, n] : count)
    if (n < 2)
      return "paragraph of " + std::to_string(to - from) + " lines has " + std::to_string(n) + " line(s) on page " +
             std::to_string(page + 1) + " ('" + lines[from].text.substr(0, 40) + "...')";
  return "";
}

/// Lines below the bottom margin on any page.
std::vector<std::string> below_bottom(const Laid& l) {
  double bottom = (l.doc.design.page.height - l.doc.design.page.bottom_margin).to_pt();
  std::vector<std::string> out;
  for (const Line& line : all_lines(l.result.doc))
    if (line.y > bottom + kTol) out.push_back(where(line));
  return out;
}

constexpr double kShortPage = 380;  // pt: about 19 body lines between the margins

/// The first line reading `text`, or lines.size().
std::size_t index_of(const std::vector<Line>& lines, const std::string& text) {
  auto it = std::find_if(lines.begin(), lines.end(), [&](const Line& l) { return l.text == text; });
  return static_cast<std::size_t>(it - lines.begin());
}

/// The list items (highlights) from line `from` on: the index of each bulleted line, then
/// lines.size(), so that item k is lines [r[k], r[k + 1]).
std::vector<std::size_t> items_from(const std::vector<Line>& lines, std::size_t from) {
  std::vector<std::size_t> r;
  for (std::size_t i = from; i < lines.size(); ++i)
    if (lines[i].has_bullet) r.push_back(i);
  r.push_back(lines.size());
  return r;
}

/// One layout of a sweep and its lines.
struct Step {
  Laid laid;
  std::vector<Line> lines;
};

/// A section laid out after 0, 1, 2, ... filler lines. The unpaged reference is laid out
/// once, with the most filler; a step with fewer must read the same less the filler lines
/// it lacks (line breaking does not depend on the page, so nothing else may move).
class Sweep {
 public:
  Sweep(Document doc, Section target, int max_filler) : doc_(std::move(doc)), target_(std::move(target)) {
    Document ref = doc_;
    ref.cv.sections = after_filler(max_filler, target_);
    full_ = texts(unpaged_lines(ref));
  }
  /// The document to lay out (tests may vary its page between steps).
  Document& doc() { return doc_; }

  /// Lays out with `n` filler lines and makes the checks every step must pass: no line
  /// lost, added or reordered, no heading alone, nothing below the bottom margin, no
  /// overfull line.
  Step step(int n) {
    doc_.cv.sections = after_filler(n, target_);
    Step s{lay_out(doc_), {}};
    s.lines = all_lines(s.laid.result.doc);
    std::vector<std::string> expected;
    for (const std::string& t : full_) {
      bool extra = (t.rfind("Filler line ", 0) == 0 && std::stoi(t.substr(12)) > n) || (t == "Filler" && n == 0);
      if (!extra) expected.push_back(t);
    }
    EXPECT_EQ(texts(s.lines), expected) << "pagination lost, added or reordered lines";
    EXPECT_TRUE(headings_alone(s.laid).empty()) << joined(headings_alone(s.laid));
    EXPECT_TRUE(below_bottom(s.laid).empty()) << joined(below_bottom(s.laid));
    EXPECT_EQ(s.laid.result.stats.overfull_lines, 0) << warnings_of(s.laid.diags);
    return s;
  }

 private:
  Document doc_;
  Section target_;
  std::vector<std::string> full_;
};

TEST(QualitySynthetic, BrokenParagraphKeepsTwoLinesOnEachPage) {
  // A long paragraph right after a heading, pushed down one filler line at a time so that the
  // page break falls after each of its lines in turn: when only one line would fit at the
  // page bottom (an orphan, TeX's club line) the paragraph must move on, and when only one
  // line would be left for the next page (a widow) one more line must go with it.
  Document doc = base_document(kShortPage);
  Entry para = text_entry(prose(7, 150));
  Document alone = doc;
  alone.cv.sections = {section("Summary", EntryKind::Text, {para})};
  std::vector<std::string> para_lines = texts(unpaged_lines(alone));
  ASSERT_GE(para_lines.size(), 7u) << "the paragraph must be long enough to break in many places";
  para_lines.erase(para_lines.begin());  // the heading
  Sweep sweep(doc, section("Summary", EntryKind::Text, {para, text_entry(prose(8, 20))}), 12);
  int splits = 0;
  for (int n = 2; n <= 12; ++n) {
    SCOPED_TRACE("filler lines: " + std::to_string(n));
    // The page height moves too, by a third of a line, so that the sweep reaches every
    // offset of the paragraph against the page bottom.
    sweep.doc().design.page.height = Abs::pt(kShortPage + (n % 3) * 4.5);
    Step s = sweep.step(n);
    std::size_t at = find_block(texts(s.lines), para_lines);
    ASSERT_NE(at, std::string::npos);
    EXPECT_EQ(club_widow_problem(s.lines, at, at + para_lines.size()), "");
    splits += pages_of(s.lines, at, at + para_lines.size()).size() > 1;
  }
  EXPECT_GE(splits, 5) << "the sweep should break the paragraph across pages several times";
}

TEST(QualitySynthetic, BrokenHighlightsKeepTwoLinesOnEachPage) {
  // An experience entry allowed to break (entries.allow_page_break), with multi-line
  // highlights: each highlight is a paragraph and obeys the club and widow rules, and the
  // entry's header row (company, date) never ends a page.
  Document doc = base_document(kShortPage);
  doc.design.entries.allow_page_break = true;
  Entry e = experience("Acme Corporation", {prose(11, 45), prose(12, 60), prose(13, 30), prose(14, 75)});
  Sweep sweep(doc, section("Experience", EntryKind::Experience, {e}), 18);
  int splits = 0;
  for (int n = 0; n <= 18; ++n) {
    SCOPED_TRACE("filler lines: " + std::to_string(n));
    sweep.doc().design.page.height = Abs::pt(kShortPage + (n % 3) * 4.5);
    Step s = sweep.step(n);
    std::vector<std::size_t> items = items_from(s.lines, 0);
    ASSERT_EQ(items.size(), 5u);
    for (std::size_t k = 0; k + 1 < items.size(); ++k) {
      EXPECT_EQ(club_widow_problem(s.lines, items[k], items[k + 1]), "") << "highlight " << k + 1;
      splits += pages_of(s.lines, items[k], items[k + 1]).size() > 1;
    }
    const Line& row = s.lines[items[0] - 1];
    EXPECT_EQ(row.page, s.lines[items[0]].page) << "entry header alone: " << where(row);
  }
  EXPECT_GE(splits, 3);
}

TEST(QualitySynthetic, HeadingStaysWithATallEntry) {
  // A heading followed by an entry too tall for what is left of the page (but shorter than
  // a page): the entry moves to the next page, and the heading with it.
  Entry e = experience("Tall Entry Ltd", {prose(21, 40), prose(22, 40), prose(23, 40)});
  Sweep sweep(base_document(kShortPage), section("Projects", EntryKind::Experience, {e}), 18);
  for (int n = 0; n <= 18; ++n) {
    SCOPED_TRACE("filler lines: " + std::to_string(n));
    Step s = sweep.step(n);
    std::size_t h = index_of(s.lines, "Projects");
    ASSERT_LT(h, s.lines.size());
    EXPECT_EQ(pages_of(s.lines, h, s.lines.size()).size(), 1u) << "the heading or its entry was split off";
  }
}

TEST(QualitySynthetic, EntryShorterThanAPageIsNeverSplit) {
  // Entries of different heights after a filler that moves them down the page: each entry
  // (kept together by default) lands whole on one page.
  Document doc = base_document(kShortPage);
  ASSERT_FALSE(doc.design.entries.allow_page_break);
  std::vector<Entry> entries = {experience("First Co", {prose(31, 30), prose(32, 25)}),
                                experience("Second Co", {prose(33, 60)}),
                                experience("Third Co", {prose(34, 20), prose(35, 20), prose(36, 45)})};
  Sweep sweep(doc, section("Experience", EntryKind::Experience, entries), 18);
  for (int n = 0; n <= 18; n += 2) {
    SCOPED_TRACE("filler lines: " + std::to_string(n));
    Step s = sweep.step(n);
    std::vector<std::size_t> starts;  // each entry starts at its header row, which names the company
    for (std::size_t i = 0; i < s.lines.size(); ++i)
      for (const Entry& e : entries)
        if (s.lines[i].text.rfind(e.company.markup, 0) == 0) starts.push_back(i);
    ASSERT_EQ(starts.size(), entries.size());
    starts.push_back(s.lines.size());
    for (std::size_t k = 0; k + 1 < starts.size(); ++k)
      EXPECT_EQ(pages_of(s.lines, starts[k], starts[k + 1]).size(), 1u) << "entry split: " << s.lines[starts[k]].text;
  }
}

TEST(QualitySynthetic, EntryTallerThanAPageIsSplitNotLost) {
  // One entry taller than a whole page, after a heading: it is split line by line (every
  // line kept, in order), stays above the bottom margin, keeps its heading and the club and
  // widow rules in its highlights, and draws no warning.
  std::vector<std::string> hs;
  for (unsigned i = 0; i < 9; ++i) hs.push_back(prose(40 + i, 45));
  Sweep sweep(base_document(kShortPage), section("Career", EntryKind::Experience, {experience("Enormous Inc", hs)}), 7);
  for (int n : {0, 3, 7}) {
    SCOPED_TRACE("filler lines: " + std::to_string(n));
    Step s = sweep.step(n);
    std::size_t h = index_of(s.lines, "Career");
    ASSERT_LT(h + 1, s.lines.size());
    EXPECT_GE(pages_of(s.lines, h, s.lines.size()).size(), 2u) << "the entry should need two pages";
    EXPECT_EQ(s.lines[h].page, s.lines[h + 1].page) << "heading separated from its entry";
    std::vector<std::size_t> items = items_from(s.lines, h);
    ASSERT_EQ(items.size(), hs.size() + 1);
    for (std::size_t k = 0; k + 1 < items.size(); ++k)
      EXPECT_EQ(club_widow_problem(s.lines, items[k], items[k + 1]), "") << "highlight " << k + 1;
    // No warning about the page (content that cannot fit, a heading alone); how evenly the
    // random prose fills its lines is not this test's subject.
    std::size_t about_the_page = 0;
    for (const Diagnostic& d : s.laid.diags.all())
      if (d.severity == Severity::Warning && d.message.rfind("underfull line", 0) != 0) ++about_the_page;
    EXPECT_EQ(about_the_page, 0u) << warnings_of(s.laid.diags);
  }
}

TEST(QualitySynthetic, ParagraphTallerThanAPageIsSplitWithClubAndWidowLines) {
  // One text entry longer than a page: it breaks twice or more, and every page it touches
  // has at least two of its lines.
  Sweep sweep(base_document(kShortPage), section("Statement", EntryKind::Text, {text_entry(prose(51, 700))}), 9);
  for (int n : {0, 4, 9}) {
    SCOPED_TRACE("filler lines: " + std::to_string(n));
    Step s = sweep.step(n);
    std::size_t h = index_of(s.lines, "Statement");
    ASSERT_LT(h + 1, s.lines.size());
    EXPECT_GE(pages_of(s.lines, h + 1, s.lines.size()).size(), 3u);
    EXPECT_EQ(club_widow_problem(s.lines, h + 1, s.lines.size()), "");
    EXPECT_EQ(s.lines[h].page, s.lines[h + 1].page) << "heading separated from its paragraph";
    for (const Diagnostic& d : s.laid.diags.all()) EXPECT_EQ(d.message.find("does not fit"), std::string::npos) << d.message;
  }
}

TEST(QualitySynthetic, TwoLineHeadingNeverAloneAtPageBottom) {
  // A section title long enough to wrap onto two lines, swept down the page: both its lines
  // stay together, with the section's first line after them.
  std::string title = "Selected Publications, Invited Talks, Patents and Other Scholarly Contributions To The Field";
  Sweep sweep(base_document(kShortPage),
              section(title, EntryKind::Text, {text_entry(prose(61, 40)), text_entry(prose(62, 30))}), 18);
  for (int n = 0; n <= 18; ++n) {
    SCOPED_TRACE("filler lines: " + std::to_string(n));
    Step s = sweep.step(n);
    std::size_t h = s.lines.size();
    for (std::size_t i = 0; i < s.lines.size(); ++i)
      if (s.lines[i].text.rfind("Selected", 0) == 0) h = i;
    ASSERT_LT(h + 2, s.lines.size());
    ASSERT_NE(title.find(s.lines[h + 1].text), std::string::npos) << "the title should wrap: " << s.lines[h + 1].text;
    EXPECT_EQ(s.lines[h].page, s.lines[h + 1].page) << "heading split across pages";
    EXPECT_EQ(s.lines[h + 1].page, s.lines[h + 2].page) << "heading alone at a page bottom";
    EXPECT_TRUE(margin_violations(s.laid).empty()) << joined(margin_violations(s.laid));
  }
}

TEST(QualitySynthetic, SectionKeptWholeWhenPageBreaksInSectionsAreOff) {
  // sections.allow_page_break: false keeps a section that fits on a page on one page.
  Document doc = base_document(kShortPage);
  doc.design.sections.allow_page_break = false;
  std::vector<Entry> entries = {experience("Alpha", {prose(71, 25)}), experience("Beta", {prose(72, 25)}),
                                experience("Gamma", {prose(73, 25)})};
  Sweep sweep(doc, section("Roles", EntryKind::Experience, entries), 18);
  int moved = 0;
  for (int n = 0; n <= 18; n += 3) {
    SCOPED_TRACE("filler lines: " + std::to_string(n));
    Step s = sweep.step(n);
    std::size_t h = index_of(s.lines, "Roles");
    ASSERT_LT(h, s.lines.size());
    EXPECT_EQ(pages_of(s.lines, h, s.lines.size()).size(), 1u) << "section split";
    moved += s.lines[h].page > 0;
  }
  EXPECT_GT(moved, 0) << "the sweep should push the section to a new page at least once";
}

TEST(QualitySynthetic, HeadingStaysWithAnEntryNearlyAPageTall) {
  // BUG: an entry that fits on an empty page by itself (so realize keeps it as one box,
  // realize.cpp regular_entry: natural_height <= page_goal) but not below its section
  // heading makes the page builder's fallback ("no legal break before the overflow: break
  // before this box", paginate.cpp find_page_break) break the heading's keep: with a 380pt
  // page, 3 filler lines and highlights of 270-290 words, page 2 holds the heading
  // "Experience" alone and the entry follows on page 3. Expected: the heading on the same
  // page as the entry's first line (split the entry line by line, as for entries taller
  // than a page, when heading + entry exceed the page). Unskip when fixed.
  int near_full = 0;
  for (int words = 200; words <= 320; words += 10) {
    SCOPED_TRACE("highlight words: " + std::to_string(words));
    Entry e = experience("Nearly Full Page Ltd", {prose(81, words / 2), prose(82, words - words / 2)});
    Step s = Sweep(base_document(kShortPage), section("Experience", EntryKind::Experience, {e}), 3).step(3);
    std::size_t h = index_of(s.lines, "Experience");
    ASSERT_LT(h + 1, s.lines.size());
    near_full += s.lines[h].page != s.lines.back().page;
    EXPECT_EQ(s.lines[h].page, s.lines[h + 1].page) << "heading alone at the bottom of page " << s.lines[h].page + 1;
  }
  EXPECT_GT(near_full, 0) << "the sweep should reach entries that do not fit below the heading";
}

TEST(QualitySynthetic, NoFalseOverflowWarningWhenASectionMustBreakAtAKeep) {
  // BUG: when no legal breakpoint exists before the overflow (sections.allow_page_break:
  // false and a section taller than a page), paginate.cpp's fallback ends the page before
  // the next box, and set_page counts the glue before that break in `used`; when that glue
  // pushes `used` past the goal, layout.cpp warns "content does not fit on a page; it runs
  // into the bottom margin" although every line is inside the margins (TeX discards glue
  // at a page break). Reproduction: this test (380pt page, 5 entries), or with the CLI an
  // A4 CV of 14 experience entries whose highlight is 56-70 words long with
  // design.sections.allow_page_break: false. Expected: no warning. Unskip when fixed.
  Document doc = base_document(kShortPage);
  doc.design.sections.allow_page_break = false;
  for (int k = 3; k <= 8; ++k) {
    SCOPED_TRACE("entries: " + std::to_string(k));
    std::vector<Entry> entries;
    for (int i = 0; i < k; ++i) entries.push_back(experience("Company " + std::to_string(i), {prose(90 + i, 30)}));
    Step s = Sweep(doc, section("Roles", EntryKind::Experience, entries), 0).step(0);
    for (const Diagnostic& d : s.laid.diags.all()) EXPECT_EQ(d.message.find("does not fit"), std::string::npos) << d.message;
  }
}

}  // namespace
}  // namespace vitae

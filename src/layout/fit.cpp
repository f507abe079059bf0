#include "layout/fit.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <set>

#include "layout/paragraph_cache.h"
#include "layout/shape_cache.h"

namespace vitae {

namespace {

/// The groups of values the fit moves, in the order it moves them: the cheapest to the eye
/// first. Spacing between blocks goes before leading, as TeX's \raggedbottom stretch would
/// take it first; type size goes last, as it changes the line breaks everywhere.
enum Group { kSpacing, kLeading, kMargins, kFontSize, kGroups };

using Factors = std::array<double, kGroups>;

/// The units of absolute lengths in a design, as parse_length reads them.
enum class Unit { In, Cm, Mm, Pt };

/// One design value the fit may change, read and written as a Length.
struct Param {
  const char* key;
  Group group;
  Unit unit;  ///< for a value written in no unit with two decimals (see unit_of)
  Length (*get)(const Design&);
  void (*set)(Design&, Length);
};

Length as_length(Abs a) { return Length::of(a); }
Length as_length(const Length& l) { return l; }
void assign(Abs& to, Length v) { to = v.abs; }
void assign(Length& to, Length v) { to = v; }

#define VITAE_PARAM(member) \
  [](const Design& d) { return as_length(d.member); }, [](Design& d, Length v) { assign(d.member, v); }

const Param kParams[] = {
    {"header.space_below_name", kSpacing, Unit::Cm, VITAE_PARAM(header.space_below_name)},
    {"header.space_below_headline", kSpacing, Unit::Cm, VITAE_PARAM(header.space_below_headline)},
    {"header.space_below_connections", kSpacing, Unit::Cm, VITAE_PARAM(header.space_below_connections)},
    {"section_titles.space_above", kSpacing, Unit::Cm, VITAE_PARAM(section_titles.space_above)},
    {"section_titles.space_below", kSpacing, Unit::Cm, VITAE_PARAM(section_titles.space_below)},
    {"sections.space_between_regular_entries", kSpacing, Unit::Cm, VITAE_PARAM(sections.space_between_regular_entries)},
    {"sections.space_between_text_based_entries", kSpacing, Unit::Cm,
     VITAE_PARAM(sections.space_between_text_based_entries)},
    {"entries.summary.space_above", kSpacing, Unit::Cm, VITAE_PARAM(entries.summary.space_above)},
    {"entries.highlights.space_above", kSpacing, Unit::Cm, VITAE_PARAM(entries.highlights.space_above)},
    {"entries.highlights.space_between_items", kSpacing, Unit::Cm, VITAE_PARAM(entries.highlights.space_between_items)},
    {"typography.line_spacing", kLeading, Unit::Cm, VITAE_PARAM(typography.line_spacing)},
    {"page.top_margin", kMargins, Unit::Cm, VITAE_PARAM(page.top_margin)},
    {"page.bottom_margin", kMargins, Unit::Cm, VITAE_PARAM(page.bottom_margin)},
    {"page.left_margin", kMargins, Unit::Cm, VITAE_PARAM(page.left_margin)},
    {"page.right_margin", kMargins, Unit::Cm, VITAE_PARAM(page.right_margin)},
    {"typography.font_size.body", kFontSize, Unit::Pt, VITAE_PARAM(typography.font_size.body)},
    {"typography.font_size.name", kFontSize, Unit::Pt, VITAE_PARAM(typography.font_size.name)},
    {"typography.font_size.headline", kFontSize, Unit::Pt, VITAE_PARAM(typography.font_size.headline)},
    {"typography.font_size.connections", kFontSize, Unit::Pt, VITAE_PARAM(typography.font_size.connections)},
    {"typography.font_size.section_titles", kFontSize, Unit::Pt, VITAE_PARAM(typography.font_size.section_titles)},
};

#undef VITAE_PARAM

/// Bisection steps in the group that makes the CV fit: the factor is then known to within
/// 1/8 of the group's range (6% of the spacing, 2.5% of the leading).
constexpr int kBisections = 3;

/// A group's lowest scale factor, and the length no value of it is taken below.
struct Bound {
  double min_factor = 1;
  std::optional<Abs> floor;
};

Bound bound_of(Group g, const Design& d) {
  const Design::Fit& f = d.fit;
  switch (g) {
    case kSpacing: return {f.min_spacing, std::nullopt};
    case kLeading: return {f.min_line_spacing, std::nullopt};
    case kMargins: {
      // Down to the factor at which the widest margin meets the floor; each margin stops there.
      const Abs widest = std::max({d.page.top_margin, d.page.bottom_margin, d.page.left_margin, d.page.right_margin});
      return {widest > f.min_margin ? f.min_margin / widest : 1.0, f.min_margin};
    }
    case kFontSize: return {f.min_font_scale, f.min_font_size};
    case kGroups: break;
  }
  return {};
}

double round2(double v) { return std::round(v * 100) / 100; }

double in_unit(Abs a, Unit u) {
  switch (u) {
    case Unit::In: return a.to_pt() / 72;
    case Unit::Cm: return a.to_mm() / 10;
    case Unit::Mm: return a.to_mm();
    case Unit::Pt: break;
  }
  return a.to_pt();
}

Abs from_unit(double v, Unit u) {
  switch (u) {
    case Unit::In: return Abs::inch(v);
    case Unit::Cm: return Abs::cm(v);
    case Unit::Mm: return Abs::mm(v);
    case Unit::Pt: break;
  }
  return Abs::pt(v);
}

/// The unit `a` was most likely written in: the first of in, cm, mm and pt in which it has
/// at most two decimals (0.7in, 0.5cm, 10pt); else `usual`. The Design keeps no unit.
Unit unit_of(Abs a, Unit usual) {
  for (Unit u : {Unit::In, Unit::Cm, Unit::Mm, Unit::Pt}) {
    const double hundredths = in_unit(a, u) * 100;
    if (std::abs(hundredths - std::round(hundredths)) < 1e-6) return u;
  }
  return usual;
}

/// Rounded to what the report prints (two decimals in the value's unit), so that the
/// values a person copies from the report into the CV lay out exactly as the fit did;
/// `up` rounds a floor up, so that no value goes below it.
Abs rounded(Abs a, Unit u, bool up = false) {
  const double v = in_unit(a, u) * 100;
  return from_unit((up ? std::ceil(v - 1e-6) : std::round(v)) / 100, u);
}

/// `v` scaled by `k`, never grown, and not taken below the group's floor. Em font sizes
/// are relative to the body's, which is scaled already: they stay.
Length scaled(Length v, double k, const Param& p, const Bound& b) {
  Length out = v;
  if (v.abs > Abs::zero()) {
    const Unit u = unit_of(v.abs, p.unit);
    out.abs = std::min(v.abs, rounded(v.abs * k, u));
    if (b.floor) out.abs = std::max(out.abs, std::min(v.abs, rounded(*b.floor, u, true)));
  }
  if (v.em > 0 && p.group != kFontSize) out.em = std::min(v.em, round2(v.em * k));
  return out;
}

Design design_at(const Design& base, const Factors& f) {
  Design d = base;
  for (const Param& p : kParams)
    if (f[p.group] < 1) p.set(d, scaled(p.get(base), f[p.group], p, bound_of(p.group, base)));
  return d;
}

/// Whether a group's bound changes any value at all (a layout with no em spacing and
/// margins at the floor has nothing to give in those groups).
bool group_moves(const Design& base, Group g) {
  const Bound b = bound_of(g, base);
  if (b.min_factor >= 1) return false;
  for (const Param& p : kParams)
    if (p.group == g && !(scaled(p.get(base), b.min_factor, p, b) == p.get(base))) return true;
  return false;
}

/// One candidate layout, with the diagnostics it gave.
struct Probe {
  LayoutResult layout;
  Diagnostics diags;
  Factors factors{1, 1, 1, 1};
};

/// Text lines on the pages from `first` on: distinct baselines inside the text block (the
/// footer and the top note sit in the margins).
int lines_from(const LayoutResult& r, const Design& d, std::size_t first) {
  int lines = 0;
  for (std::size_t i = first; i < r.doc.pages.size(); ++i) {
    std::set<long long> baselines;
    for (const GlyphRun& run : r.doc.pages[i].runs)
      if (run.origin.y > d.page.top_margin && run.origin.y < d.page.height - d.page.bottom_margin)
        baselines.insert(std::llround(run.origin.y.to_pt() * 100));
    lines += static_cast<int>(baselines.size());
  }
  return lines;
}

Abs height_from(const LayoutResult& r, std::size_t first) {
  Abs h;
  for (std::size_t i = first; i < r.page_used.size(); ++i) h += r.page_used[i];
  return h;
}

/// Runs the layouts of one fit: the document copied once, its design replaced per run.
class Fitter {
 public:
  Fitter(const Document& doc, const FontLibrary& fonts, const LayoutOptions& options)
      : doc_(doc), fonts_(fonts), options_(options) {
    if (!options_.shape_cache) options_.shape_cache = &shapes_;
    if (!options_.paragraph_cache) options_.paragraph_cache = &paragraphs_;
  }

  Probe run(const Factors& f) {
    ++runs;
    if (!copy_) copy_.emplace(doc_);
    copy_->design = design_at(doc_.design, f);
    Probe p;
    p.factors = f;
    p.layout = layout_document(*copy_, fonts_, options_, p.diags);
    return p;
  }

  Probe plain() {
    ++runs;
    Probe p;
    p.layout = layout_document(doc_, fonts_, options_, p.diags);
    return p;
  }

  int runs = 0;

 private:
  const Document& doc_;
  const FontLibrary& fonts_;
  LayoutOptions options_;
  ShapeCache shapes_;
  ParagraphCache paragraphs_;
  std::optional<Document> copy_;
};

/// The search of fit_document: the groups in order, each to its bound, and a bisection in
/// the first one that fits. Returns the fitting probe, or nothing with `best` set to the
/// candidate with the fewest pages and least overflow.
class Search {
 public:
  /// `must`: the target is a limit (max_pages), and short of it the candidate that runs
  /// over least is built; else (fill_pages) the plain layout stays.
  Search(Fitter& fitter, const Design& base, int target, int overfull, bool must)
      : fitter_(fitter), base_(base), target_(target), overfull_(overfull), must_(must) {}

  std::optional<Probe> run(Probe plain) {
    best_ = std::move(plain);
    Factors f{1, 1, 1, 1};
    for (int g = 0; g < kGroups; ++g) {
      if (!group_moves(base_, static_cast<Group>(g))) continue;
      const double lo = bound_of(static_cast<Group>(g), base_).min_factor;
      f[g] = lo;
      Probe at_bound = fitter_.run(f);
      if (fits(at_bound)) return bisect(f, g, std::move(at_bound));
      consider(std::move(at_bound));
    }
    return std::nullopt;
  }

  Probe& best() { return best_; }

 private:
  bool usable(const Probe& p) const { return p.layout.stats.overfull_lines <= overfull_; }
  bool fits(const Probe& p) const { return usable(p) && p.layout.stats.pages <= target_; }

  // Keeps the candidate that runs over least: fewest pages, then least content beyond the target.
  void consider(Probe p) {
    auto over = [this](const Probe& q) { return height_from(q.layout, static_cast<std::size_t>(target_)); };
    const int pages = p.layout.stats.pages, best_pages = best_.layout.stats.pages;
    if (must_ && usable(p) && (pages < best_pages || (pages == best_pages && over(p) < over(best_)))) best_ = std::move(p);
  }

  // The largest factor of group `g` that still fits: `lo` fits, 1 does not.
  Probe bisect(Factors f, int g, Probe at_lo) {
    double lo = f[g], hi = 1;
    for (int i = 0; i < kBisections; ++i) {
      f[g] = (lo + hi) / 2;
      Probe p = fitter_.run(f);
      if (fits(p)) {
        lo = f[g];
        at_lo = std::move(p);
      } else {
        hi = f[g];
      }
    }
    return at_lo;
  }

  Fitter& fitter_;
  const Design& base_;
  int target_, overfull_;
  bool must_;
  Probe best_;
};

/// The page count to aim for, or 0 for none: max_pages when the plain layout exceeds it;
/// with fill_pages, one page fewer when the last page is less than a quarter full.
int target_of(const FitRequest& request, const LayoutResult& plain, const Design& d) {
  const int pages = plain.stats.pages;
  if (request.max_pages && pages > *request.max_pages) return *request.max_pages;
  if (!request.fill_pages || pages < 2 || plain.page_used.empty()) return 0;
  const Abs block = d.page.height - d.page.top_margin - d.page.bottom_margin;
  return plain.page_used.back() < block / 4 ? pages - 1 : 0;
}

std::string number(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, round2(v), std::chars_format::fixed, 2);
  std::string s(buf, r.ptr);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

/// `v` as a design writes it, its absolute part in `u`.
std::string written(Length v, Unit u) {
  static const char* const kNames[] = {"in", "cm", "mm", "pt"};
  std::string em = number(v.em) + "em";
  if (v.abs == Abs::zero() && v.em != 0) return em;
  std::string abs = number(in_unit(v.abs, u)) + kNames[static_cast<int>(u)];
  return v.em == 0 ? abs : abs + " + " + em;
}

std::vector<FitChange> changes_between(const Design& before, const Design& after) {
  std::vector<FitChange> out;
  for (const Param& p : kParams)
    if (!(p.get(before) == p.get(after))) {
      const Unit u = unit_of(p.get(before).abs, p.unit);  // the new value in the old one's unit
      out.push_back({p.key, written(p.get(before), u), written(p.get(after), u)});
    }
  return out;
}

void take(FitOutcome& out, Probe& p, const Design& base, Diagnostics& diags) {
  out.layout = std::move(p.layout);
  out.design = design_at(base, p.factors);
  out.changes = changes_between(base, out.design);
  for (const Diagnostic& d : p.diags.all()) diags.add(d);
}

}  // namespace

FitOutcome fit_document(const Document& doc, const FontLibrary& fonts, const LayoutOptions& options,
                        const FitRequest& request, Diagnostics& diags) {
  FitOutcome out;
  Fitter fitter(doc, fonts, options);
  Probe plain = fitter.plain();
  out.plain_pages = plain.layout.stats.pages;
  out.target_pages = target_of(request, plain.layout, doc.design);
  if (out.target_pages == 0) {
    take(out, plain, doc.design, diags);
    out.runs = fitter.runs;
    return out;
  }
  const bool must = request.max_pages && out.plain_pages > *request.max_pages;
  Search search(fitter, doc.design, out.target_pages, plain.layout.stats.overfull_lines, must);
  std::optional<Probe> fitted = search.run(std::move(plain));
  out.fits = fitted || !must;
  take(out, fitted ? *fitted : search.best(), doc.design, diags);
  if (!out.fits) {
    out.overflow_lines = lines_from(out.layout, out.design, static_cast<std::size_t>(out.target_pages));
    out.overflow = height_from(out.layout, static_cast<std::size_t>(out.target_pages));
  }
  out.runs = fitter.runs;
  return out;
}

std::vector<std::string> fit_report(const FitOutcome& outcome) {
  std::vector<std::string> lines;
  for (const FitChange& c : outcome.changes) lines.push_back("fit: design." + c.key + " " + c.before + " -> " + c.after);
  return lines;
}

std::string overflow_message(const FitOutcome& o) {
  auto pages = [](int n) { return std::to_string(n) + (n == 1 ? " page" : " pages"); };
  return "the CV needs " + pages(o.layout.stats.pages) + ", but at most " + pages(o.target_pages) +
         (o.target_pages == 1 ? " is" : " are") + " allowed: even at the layout's fit bounds (design.fit), " + std::to_string(o.overflow_lines) +
         (o.overflow_lines == 1 ? " line" : " lines") + " (" + number(o.overflow.to_pt()) + " pt) run onto page " +
         std::to_string(o.target_pages + 1);
}

}  // namespace vitae

// Fitting a CV to a page count (settings.max_pages, settings.fill_pages): the layout run
// again with smaller plain values of Design, within the bounds the layout declares
// (design.fit), until the content takes the pages asked for. The document is never
// re-loaded; the shaping and paragraph caches carry over between the runs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout/layout.h"

namespace vitae {

/// What to fit to.
struct FitRequest {
  /// The CV must take at most this many pages. Unset: no limit.
  std::optional<int> max_pages;
  /// When the last page is less than a quarter full, fit onto one page fewer if the
  /// bounds allow (else the layout stays as it is).
  bool fill_pages = false;
};

/// One design value the fit changed, written as a design writes it.
struct FitChange {
  std::string key;     ///< the design key: "page.top_margin"
  std::string before;  ///< "0.7in", "0.6em", "10pt": in the unit it was written in (fit.cpp, unit_of)
  std::string after;
};

struct FitOutcome {
  /// The pages: the plain layout when nothing needed fitting (the same bytes as without a
  /// request), else the fitted one, or the best one the bounds allow.
  LayoutResult layout;
  /// The design values the pages were laid out with (a copy; the document's own is untouched).
  Design design;
  std::vector<FitChange> changes;  ///< in the order the search moves them
  int target_pages = 0;  ///< the page count aimed at; 0 when the layout needed no fitting
  int plain_pages = 0;   ///< pages of the plain layout
  bool fits = true;      ///< false: even at its bounds the CV takes more than target_pages
  int overflow_lines = 0;  ///< when !fits: text lines on the pages after target_pages
  Abs overflow;            ///< when !fits: the height their content takes
  int runs = 0;            ///< layouts run, the plain one included
};

/// Lays out `doc`, fitted to `request`. With nothing to fit (no request, or a CV within
/// it) this is one plain layout. Otherwise the search shrinks one group of values at a
/// time, in this order, each as far as its bound allows before the next one moves:
/// vertical spacing, line spacing, margins, font sizes. In the first group that makes the
/// CV fit, it bisects the group's scale factor for the smallest change that still fits;
/// at most 9 layouts in all. A candidate fits when it takes at most the target pages and
/// has no more overfull lines than the plain layout; the page builder's keep rules hold in
/// every candidate, since each is an ordinary layout. Diagnostics are those of the layout
/// returned. Thread-safe for distinct `diags`.
FitOutcome fit_document(const Document& doc, const FontLibrary& fonts, const LayoutOptions& options,
                        const FitRequest& request, Diagnostics& diags);

/// The report: "fit: design.page.top_margin 0.7in -> 0.6in", one line per change.
std::vector<std::string> fit_report(const FitOutcome& outcome);

/// Why the CV does not fit, for a warning (or an error, in strict mode): how many pages
/// it needs and how much runs over the last page allowed.
std::string overflow_message(const FitOutcome& outcome);

}  // namespace vitae

// Pagination: a vertical list into pages, following TeX's page builder (TeX: The Program
// §980-§1028) with \raggedbottom: the best break is the cheapest legal breakpoint that still
// fits, ties going to the later one (§1005: c <= least_page_cost).
#pragma once

#include <optional>
#include <vector>

#include "layout/vlist.h"
#include "model/deadline.h"

namespace vitae {

struct PaginateConfig {
  Abs page_goal;  ///< the height available for the text block of every page
  /// Page 1's, when something set above the list (a sidebar layout's header) takes room.
  std::optional<Abs> first_page_goal;
  /// The build's time limit, checked before each page; null: none.
  const Deadline* deadline = nullptr;
};

/// One page's share of the vertical list: the boxes and the glue between them, already
/// set (positions relative to the top of the text block).
struct PageSlice {
  Frame frame;
  Abs used;                    ///< height taken by the content
  bool overfull = false;       ///< a single box taller than the page goal
  SourceLoc overfull_loc;
};

/// Breaks `list` into pages. Never fails: a box taller than a page gets a page of its own
/// (flagged overfull), like TeX's overfull \vbox. Throws DeadlinePassed when the deadline passes.
/// The boxes' frames are moved onto the pages: pass the list with std::move when it is not
/// needed afterwards.
std::vector<PageSlice> paginate(VList list, const PaginateConfig& config);

}  // namespace vitae

// Columns: which parts of the CV go where across the page, each column paginated on its
// own. A one-column layout has one column holding everything. A sidebar layout
// (design.sidebar) sets the name and headline across the top of page 1, then two columns
// side by side: the main one and a narrow one with the contact details and the sections
// design.sidebar.sections names. Each column flows onto as many pages as it needs.
#pragma once

#include <vector>

#include "layout/paginate.h"
#include "layout/realize.h"

namespace vitae {

/// One column's pages, and where it stands.
struct ColumnPages {
  std::vector<PageSlice> slices;
  Abs x;  ///< from the left margin
};

/// The text block of every page, column by column.
struct PageColumns {
  Frame header;      ///< across the columns at the top of page 1 (sidebar layouts); else empty
  Abs header_room;   ///< how far below the top margin page 1's columns start
  std::vector<ColumnPages> columns;  ///< left to right: the content stream's order too
  std::size_t pages() const;
};

/// Realizes and paginates the CV into columns, by design.sidebar.
PageColumns lay_out_columns(const RealizeContext& ctx, Workers* workers);

}  // namespace vitae

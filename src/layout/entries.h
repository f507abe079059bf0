// Entries of a section, realized as vertical lists (see realize.h).
#pragma once

#include "layout/realize.h"

namespace vitae {

/// One-line, bullet, numbered and text entries: one paragraph each.
bool is_text_based(EntryKind k);

/// Widths of a section's side columns, measured once for all its entries so that their
/// main columns line up.
struct SectionColumns {
  Abs date_w, degree_w;
  Abs date_slack;    ///< how much narrower than date_w the widest date column line is
  Abs degree_slack;  ///< likewise for degree_w and the widest degree
};

/// Measures a section's side columns: the date column as wide as its widest line (within
/// limits), the degree column as wide as its widest degree.
SectionColumns measure_columns(const RealizeContext& ctx, const Section& s);

/// An entry with a date/location column (education, experience, normal, publication).
/// `reserve` is the room taken above it on its page by what must stay with it (the
/// section heading, for a section's first entry).
VList regular_entry(const RealizeContext& ctx, const Section& s, const Entry& e, const SectionColumns& cols,
                    Abs reserve);

/// A one-paragraph entry; `index` is its position in the section (for numbering).
VList text_entry(const RealizeContext& ctx, const Section& s, const Entry& e, std::size_t index);

}  // namespace vitae

// Realize: the document model into a vertical list of boxes, glue and penalties, following
// the design (RenderCV's templates and spacing). The CV's blocks: header, section headings
// with a rule, two-column entry rows, bullet lists with hanging indent, one-line rows,
// plain paragraphs.
#pragma once

#include "layout/inline.h"
#include "layout/stats.h"
#include "layout/styles.h"
#include "layout/vlist.h"

namespace vitae {

class Workers;

/// What realize needs besides the document.
struct RealizeContext {
  const Document& doc;
  const Styles& styles;
  InlineContext inline_ctx;
  Diagnostics& diags;
  LayoutStats& stats;
  Abs text_width;
  Abs page_goal;
  /// The date shown as "today" (top note, "present" time spans); unset: none.
  std::optional<Date> today;
  /// Body text ragged right whatever typography.alignment says: a sidebar's measure is too
  /// short for justified lines to space evenly.
  bool ragged = false;
};

/// What one vertical list holds: the header's parts and a choice of sections. A one-column
/// layout puts everything in one list; a sidebar layout makes three (header, main, sidebar).
struct RealizeParts {
  bool name_and_headline = true;
  enum class Contacts { None, Line, List } contacts = Contacts::Line;
  std::vector<const Section*> sections;  ///< in document order
};

/// Every part of the CV, as a one-column layout sets it.
RealizeParts whole_cv(const Document& doc);

/// `parts` of the CV as one vertical list, ready for pagination. With `workers` that have
/// helpers, the header and the sections are realized on them and the caller's thread; the
/// list, diagnostics and statistics are the same as with one thread.
VList realize(const RealizeContext& ctx, const RealizeParts& parts, Workers* workers = nullptr);

/// Typesets one line of markup (e.g. the footer) in `role`, aligned in `width`.
Frame realize_line(const RealizeContext& ctx, const std::string& markup, Role role, Abs width, Align align);

}  // namespace vitae

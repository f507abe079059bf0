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
};

/// The whole CV as one vertical list, ready for pagination. With `workers` that have
/// helpers, the header and the sections are realized on them and the caller's thread; the
/// list, diagnostics and statistics are the same as with one thread.
VList realize(const RealizeContext& ctx, Workers* workers = nullptr);

/// Typesets one line of markup (e.g. the footer) in `role`, aligned in `width`.
Frame realize_line(const RealizeContext& ctx, const std::string& markup, Role role, Abs width, Align align);

}  // namespace vitae

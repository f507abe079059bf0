#include "layout/columns.h"

#include <algorithm>
#include <cstdio>

#include "layout/blocks.h"
#include "layout/connections.h"
#include "model/fields.h"

namespace vitae {

using namespace blocks;

namespace {

/// A context for a column `width` wide (entries measure their columns from it).
RealizeContext narrowed(const RealizeContext& ctx, Abs width, bool ragged) {
  RealizeContext c = ctx;
  c.text_width = width;
  c.ragged = ragged;
  return c;
}

PageColumns one_column(const RealizeContext& ctx, Workers* workers) {
  PageColumns out;
  out.columns.push_back({paginate(realize(ctx, whole_cv(ctx.doc), workers), PaginateConfig{ctx.page_goal, {}, ctx.inline_ctx.deadline}),
                         Abs::zero()});
  return out;
}

/// The sidebar's width, kept to at most half the text block so that the main column
/// stays the wider one; a wider request is a warning.
Abs sidebar_width(const RealizeContext& ctx) {
  const Design::Sidebar& sb = ctx.doc.design.sidebar;
  const Abs limit = (ctx.text_width - len(ctx, sb.space_between)) / 2;
  Abs w = len(ctx, sb.width);
  if (w > limit) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "design.sidebar.width (%.1fpt) is more than half the text block; %.1fpt is used",
                  w.to_pt(), limit.to_pt());
    ctx.diags.warning(ctx.doc.path_of(ctx.doc.design.theme_loc), ctx.doc.design.theme_loc, buf);
    w = limit;
  }
  return std::max(w, Abs::zero());
}

PageColumns two_columns(const RealizeContext& ctx, Workers* workers) {
  const Design& d = ctx.doc.design;
  const Design::Sidebar& sb = d.sidebar;
  using C = RealizeParts::Contacts;
  RealizeParts header{true, sb.connections ? C::None : C::Line, {}};
  RealizeParts main{false, C::None, {}};
  RealizeParts side{false, sb.connections ? C::List : C::None, {}};
  for (const Section& s : ctx.doc.cv.sections) (in_sidebar(sb, s) ? side : main).sections.push_back(&s);

  PageColumns out;
  VList head = realize(ctx, header);
  // A header that ends with its contact line keeps RenderCV's spacing: the line's own
  // space replaces the first heading's space_above, which a column drops at its top.
  const bool contact_line = header.contacts == C::Line && has_connections(ctx.doc.cv);
  out.header = to_frame(std::move(head), ctx.text_width);
  out.header_room = out.header.height + (contact_line ? len(ctx, d.section_titles.space_above) : Abs::zero());

  const Abs side_w = sidebar_width(ctx);
  const Abs gap = len(ctx, sb.space_between);
  const Abs main_w = ctx.text_width - side_w - gap;
  const PaginateConfig pc{ctx.page_goal, ctx.page_goal - out.header_room, ctx.inline_ctx.deadline};
  ColumnPages m{paginate(realize(narrowed(ctx, main_w, false), main, workers), pc), Abs::zero()};
  ColumnPages s{paginate(realize(narrowed(ctx, side_w, true), side), pc), Abs::zero()};
  if (sb.position == "left") {
    m.x = side_w + gap;
    out.columns = {std::move(s), std::move(m)};
  } else {
    s.x = main_w + gap;
    out.columns = {std::move(m), std::move(s)};
  }
  return out;
}

}  // namespace

std::size_t PageColumns::pages() const {
  std::size_t n = 0;
  for (const ColumnPages& c : columns) n = std::max(n, c.slices.size());
  return std::max<std::size_t>(n, header.runs.empty() && header.rules.empty() && header.images.empty() ? 0 : 1);
}

PageColumns lay_out_columns(const RealizeContext& ctx, Workers* workers) {
  return ctx.doc.design.sidebar.position == "none" ? one_column(ctx, workers) : two_columns(ctx, workers);
}

}  // namespace vitae

// The header (see header.h). Without a photo its lines are boxes of their own in the page's
// flow. With one, RenderCV sets a two-column grid (templates/typst/Header.j2.typ): the photo
// in an `auto` column padded by photo_space_left and photo_space_right, the text in the
// `1fr` column that remains, both vertically centred (`align: horizon`). Here the text
// becomes one box in the remaining width, and the row is as tall as the taller of the two.
#include "layout/header.h"

#include <algorithm>

#include "layout/blocks.h"
#include "layout/connections.h"

namespace vitae {

using namespace blocks;

namespace {

Align header_align(const RealizeContext& ctx) {
  const std::string& a = ctx.doc.design.header.alignment;
  return a == "left" ? Align::Left : a == "right" ? Align::Right : Align::Center;
}

/// Name, headline and contact lines (those `parts` holds) set in width `w`, with the space
/// that follows them.
VList header_text(const RealizeContext& ctx, const RealizeParts& parts, Abs w) {
  const CV& cv = ctx.doc.cv;
  const Design::Header& h = ctx.doc.design.header;
  const Abs lead = leading(ctx);
  VList v;
  if (parts.name_and_headline && !cv.name.empty()) {
    lines_to_vlist(v, text_lines(ctx, cv.name.markup, Role::Name, w, header_align(ctx), cv.name.loc), lead,
                   Abs::zero(), cv.name.loc);
    v.glue_nobreak(len(ctx, h.space_below_name));
  }
  if (parts.name_and_headline && !cv.headline.empty()) {
    lines_to_vlist(v, text_lines(ctx, cv.headline.markup, Role::Headline, w, header_align(ctx), cv.headline.loc),
                   lead, Abs::zero(), cv.headline.loc);
    v.glue_nobreak(len(ctx, h.space_below_headline));
  }
  std::vector<SetLine> conn;
  if (parts.contacts == RealizeParts::Contacts::Line) conn = connection_lines(ctx, w);
  if (!conn.empty()) {
    // RenderCV sets the contact lines 1.7 line spacings apart (lib.typ, `connections`).
    lines_to_vlist(v, std::move(conn), lead * 1.7, Abs::zero(), {});
    // RenderCV's header ends with space_below_connections less the first section's
    // space_above (lib.typ, `connections`): the header's own space replaces it.
    v.glue(len(ctx, h.space_below_connections) - len(ctx, ctx.doc.design.section_titles.space_above));
  }
  return v;
}

/// Moves the glue and penalties after the last box of `v` out of it: they stay in the
/// page's flow when the rest becomes one box beside the photo.
VList trailing_space(VList& v) {
  std::vector<VItem>& items = v.items();
  auto last_box = std::find_if(items.rbegin(), items.rend(), [](const VItem& i) { return std::holds_alternative<VBox>(i); });
  VList tail;
  for (auto it = last_box.base(); it != items.end(); ++it) tail.items().push_back(std::move(*it));
  items.erase(last_box.base(), items.end());
  return tail;
}

/// The photo's column: its spaces and its size (height from the pixels' aspect ratio).
struct PhotoColumn {
  Abs space_left, width, space_right, height;
  Abs total() const { return space_left + width + space_right; }
};

PhotoColumn photo_column(const RealizeContext& ctx, const ImageFile& img) {
  const Design::Header& h = ctx.doc.design.header;
  PhotoColumn c{len(ctx, h.photo_space_left), len(ctx, h.photo_width), len(ctx, h.photo_space_right), Abs::zero()};
  c.height = c.width * (static_cast<double>(img.height) / img.width);
  return c;
}

/// The photo and the header text side by side, each centred vertically in the row.
Frame photo_row(const RealizeContext& ctx, const PhotoColumn& col, Frame text) {
  const bool left = ctx.doc.design.header.photo_position == "left";
  Frame row;
  row.width = ctx.text_width;
  row.height = std::max(text.height, col.height);
  const Abs text_x = left ? col.total() : Abs::zero();
  const Abs photo_x = (left ? Abs::zero() : ctx.text_width - col.total()) + col.space_left;
  row.images.push_back({{photo_x, (row.height - col.height) / 2}, col.width, col.height, ctx.doc.cv.photo_image});
  const Abs text_y = (row.height - text.height) / 2;
  row.place(std::move(text), {text_x, text_y});
  return row;
}

}  // namespace

void realize_header(const RealizeContext& ctx, const RealizeParts& parts, VList& v) {
  const std::shared_ptr<const ImageFile>& photo = ctx.doc.cv.photo_image;
  if (!photo || !parts.name_and_headline) {
    v.append(header_text(ctx, parts, ctx.text_width));
  } else {
    const PhotoColumn col = photo_column(ctx, *photo);
    // Below a quarter of the line the name and contact details break into slivers.
    if (col.total() > ctx.text_width * 0.75) {
      const SourceLoc loc = ctx.doc.cv.photo.loc;
      ctx.diags.error(ctx.doc.path_of(loc), loc,
                      "the photo with its spaces (design.header.photo_width, photo_space_left, photo_space_right) "
                      "leaves less than a quarter of the line for the header text",
                      "make design.header.photo_width smaller");
      return;
    }
    VList text = header_text(ctx, parts, ctx.text_width - col.total());
    VList tail = trailing_space(text);
    v.box(photo_row(ctx, col, to_frame(std::move(text), ctx.text_width - col.total())), ctx.doc.cv.photo.loc);
    v.append(std::move(tail));
  }
  // The header may end a page before the first section: without this breakpoint a header
  // with no contact line would be tied to the first heading by glue alone.
  if (!v.empty()) v.penalty(0);
}

}  // namespace vitae

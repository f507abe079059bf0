// Entries: the two-column rows of education, experience, normal and publication entries
// (with their degree and date/location columns and bodies), highlights as bullet lists,
// and the one-paragraph entries (one-line, bullet, numbered, text).
#include "layout/entries.h"

#include <algorithm>

#include "layout/blocks.h"
#include "model/fields.h"

namespace vitae {

using namespace blocks;

namespace {

struct EntryGeometry {
  Abs side, main_x, main_w, date_x, date_w, degree_x, degree_w, gap;
};

/// RenderCV's moderncv arrangement (section_titles.type: moderncv): the date and location
/// column on the left, entries.date_and_location_width wide, and every entry's text in the
/// column right of it, where the section title starts too.
bool dates_on_the_left(const RealizeContext& ctx) { return ctx.doc.design.section_titles.type == "moderncv"; }

/// RenderCV's gutter, and as much more as keeps half an em between a full body line and
/// the side column's text, given the `room` its text leaves free next to the gutter: with
/// less, pdftotext reads a body line and the date beside it as one line of text (a field
/// split by a date), as it reads RenderCV's. Where the column is wider than its text, as
/// in RenderCV's own examples, that space is already there, and the main column is as
/// wide as RenderCV's.
Abs gutter(const RealizeContext& ctx, Abs room) {
  return len(ctx, ctx.doc.design.entries.space_between_columns) + std::max(Abs::zero(), body_size(ctx) * 0.5 - room);
}

EntryGeometry geometry(const RealizeContext& ctx, bool two_columns, bool degree, const SectionColumns& cols = {}) {
  const Design::Entries& e = ctx.doc.design.entries;
  EntryGeometry g;
  g.side = len(ctx, e.side_space);
  g.degree_w = degree ? cols.degree_w : Abs::zero();
  if (dates_on_the_left(ctx)) {
    // The gap is RenderCV's column gutter, as the section title's indent (realize.cpp).
    g.gap = len(ctx, e.space_between_columns);
    g.date_w = len(ctx, e.date_and_location_width);
    g.date_x = g.side;
    g.degree_x = g.side + g.date_w + g.gap;
    g.main_x = g.degree_x + (degree ? g.degree_w + g.gap : Abs::zero());
    g.main_w = ctx.text_width - g.side - g.main_x;
    if (!two_columns) g.date_w = Abs::zero();
    return g;
  }
  // Right-aligned dates leave the column's slack free beside the gutter; centred, half.
  const std::string& align = ctx.doc.design.typography.date_and_location_column_alignment;
  g.gap = gutter(ctx, align == "right" ? cols.date_slack : align == "center" ? cols.date_slack / 2 : Abs::zero());
  g.date_w = two_columns ? cols.date_w : Abs::zero();
  g.degree_x = g.side;
  // Degrees are left-aligned: what the widest leaves of its column stands by the gutter.
  g.main_x = g.side + (degree ? g.degree_w + gutter(ctx, cols.degree_slack) : Abs::zero());
  g.date_x = ctx.text_width - g.side - g.date_w;
  g.main_w = (two_columns ? g.date_x - g.gap : ctx.text_width - g.side) - g.main_x;
  return g;
}

// A bullet list with hanging indent; nested lists indent further.
void realize_highlights(const RealizeContext& ctx, std::vector<std::vector<SetLine>>& items,
                        std::vector<Abs>& xs, const std::vector<Highlight>& hs, Abs x, Abs width, int depth) {
  const auto& hd = ctx.doc.design.entries.highlights;
  Abs left = len(ctx, hd.space_left);
  std::string bullet = depth == 0 ? hd.bullet : hd.nested_bullet;
  SetLine bl = set_marker(ctx, escape_markup(bullet), width, Align::Left);
  Abs bullet_w = marker_width(ctx, bl.frame, bullet);
  Abs text_x = x + left + bullet_w + len(ctx, hd.space_between_bullet_and_text);
  Abs text_w = width - (text_x - x);
  for (const Highlight& h : hs) {
    std::vector<SetLine> lines = text_lines(ctx, h.text.markup, Role::Body, text_w, body_align(ctx), h.text.loc);
    if (!lines.empty() && !bl.frame.runs.empty()) {
      // The bullet hangs in the indent, on the first line's baseline. "•" is drawn as a
      // disc (see Disc); any other bullet string is typeset.
      const Frame& b = bl.frame;
      Abs dy = lines[0].frame.height - b.height;
      prepend(lines[0].frame, marker_frame(ctx, b, bullet, bullet_w), {x + left - text_x, dy});
      lines[0].frame.height += marker_depth(ctx, bullet);
    }
    items.push_back(std::move(lines));
    xs.push_back(text_x);
    realize_highlights(ctx, items, xs, h.children, text_x, width - (text_x - x), depth + 1);
  }
}

// The main column of an entry: template lines, summary and highlights, as a vertical list
// of line boxes with club/widow penalties (items of a list share the rules).
VList main_column(const RealizeContext& ctx, const Entry& e, const std::vector<TemplateLine>& tl,
                  const EntryGeometry& g) {
  std::vector<std::vector<SetLine>> paras;
  std::vector<Abs> xs;
  std::vector<Abs> above;
  Abs lead = leading(ctx);
  for (const TemplateLine& t : tl) {
    if (t.kind == TemplateLine::Kind::Highlights) {
      std::size_t before = paras.size();
      realize_highlights(ctx, paras, xs, e.highlights, g.main_x, g.main_w, 0);
      for (std::size_t i = before; i < paras.size(); ++i)
        above.push_back(len(ctx, i == before ? ctx.doc.design.entries.highlights.space_above
                                             : ctx.doc.design.entries.highlights.space_between_items));
      continue;
    }
    bool summary = t.kind == TemplateLine::Kind::Summary;
    const std::string& m = summary ? e.summary.markup : t.markup;
    SourceLoc loc = summary ? e.summary.loc : e.loc;
    Abs indent = summary ? len(ctx, ctx.doc.design.entries.summary.space_left) : Abs::zero();
    paras.push_back(text_lines(ctx, m, Role::Body, g.main_w - indent, body_align(ctx), loc));
    xs.push_back(g.main_x + indent);
    above.push_back(t.kind == TemplateLine::Kind::Summary ? len(ctx, ctx.doc.design.entries.summary.space_above)
                                                          : Abs::zero());
  }
  // Flatten, with breaks forbidden after the first and before the last line of the
  // column and of every paragraph in it.
  std::size_t total = 0;
  for (const auto& p : paras) total += p.size();
  VList v;
  std::size_t n = 0;
  for (std::size_t pi = 0; pi < paras.size(); ++pi)
    for (std::size_t li = 0; li < paras[pi].size(); ++li, ++n) {
      if (n > 0) {
        bool forbidden = n == 1 || n + 1 == total || li == 1 || li + 1 == paras[pi].size();
        v.penalty(forbidden ? kInfPenalty : 0);
        v.glue(lead + (li == 0 ? above[pi] : Abs::zero()));
      } else if (above[pi] != Abs::zero()) {
        // The column's first paragraph: its space above (summary.space_above, or
        // highlights.space_above when the highlights come first) is added to the leading
        // the caller puts between the header and the body.
        v.glue(above[pi]);
      }
      SetLine& l = paras[pi][li];
      Frame f;
      f.width = ctx.text_width;
      f.height = l.frame.height;
      f.place(std::move(l.frame), {xs[pi], Abs::zero()});
      v.box(std::move(f), e.loc);
    }
  return v;
}


// The lines of an entry's date/location column, with the time span where the design
// asks for one.
std::vector<TemplateLine> date_column_lines(const RealizeContext& ctx, const Section& s, const Entry& e,
                                            const std::map<std::string, std::string>& fields) {
  return date_location_lines(ctx.doc, s, e, fields, ctx.today);
}

// The natural width of one line of markup, unbroken.
Abs natural_width(const RealizeContext& ctx, const std::string& markup) {
  Abs w;
  for (const GlyphRun& r : set_marker(ctx, markup, Abs::pt(1e6), Align::Left).frame.runs)
    w = std::max(w, r.origin.x + r.width());
  return w;
}

}  // namespace

bool is_text_based(EntryKind k) {
  return k == EntryKind::OneLine || k == EntryKind::Bullet || k == EntryKind::Numbered ||
         k == EntryKind::ReversedNumbered || k == EntryKind::Text;
}

// Measures a section's side columns: the date column entries.date_and_location_width wide,
// or as wide as its widest line up to 30% of the text width (longer lines wrap); the degree column as wide as its
// widest degree, at least entries.degree_width.
SectionColumns measure_columns(const RealizeContext& ctx, const Section& s) {
  SectionColumns c;
  const Design& d = ctx.doc.design;
  // Measured, up to the design's width or 30% of the text width, whichever is larger:
  // a location like "Durham, NC, United States" should not wrap for want of a few points.
  // On a narrow page the side columns give way to the main column: at most 35% and 20% of
  // the text width.
  Abs max_date = std::min(std::max(len(ctx, d.entries.date_and_location_width), ctx.text_width * 0.3),
                          ctx.text_width * 0.35);
  for (const Entry& e : s.entries) {
    if (is_text_based(e.kind)) continue;
    std::map<std::string, std::string> fields = entry_fields(e, ctx.doc);
    for (const TemplateLine& l : date_column_lines(ctx, s, e, fields))
      c.date_w = std::max(c.date_w, std::min(max_date, natural_width(ctx, l.markup)));
    const std::string* deg = entry_templates(d, e.kind).degree;
    if (deg && !e.degree.empty())
      for (const TemplateLine& l : expand_template(*deg, fields)) c.degree_w = std::max(c.degree_w, natural_width(ctx, l.markup));
  }
  // As wide as the design says (RenderCV's fixed column, so the dates sit where its
  // PDFs put them), or wider for a line that would otherwise wrap.
  const Abs widest = c.date_w;
  if (c.date_w > Abs::zero())
    c.date_w = std::max(c.date_w, std::min(len(ctx, d.entries.date_and_location_width), ctx.text_width * 0.35));
  c.date_slack = c.date_w - widest;
  const Abs widest_degree = c.degree_w;
  c.degree_w = std::max(len(ctx, d.entries.degree_width), std::min(c.degree_w, ctx.text_width * 0.2));
  c.degree_slack = std::max(Abs::zero(), c.degree_w - widest_degree);
  return c;
}

// An entry with a right-hand date/location column (education, experience, normal,
// publication). Kept on one page unless it alone is taller than a page.
// `reserve` is the room taken above the entry on its page by what must stay with it (the
// section heading, for a section's first entry).
VList regular_entry(const RealizeContext& ctx, const Section& s, const Entry& e, const SectionColumns& cols,
                    Abs reserve) {
  std::map<std::string, std::string> fields = entry_fields(e, ctx.doc);
  EntryTemplates t = entry_templates(ctx.doc.design, e.kind);
  std::vector<TemplateLine> date_lines = date_column_lines(ctx, s, e, fields);
  std::vector<TemplateLine> degree;
  if (t.degree && !e.degree.empty()) degree = expand_template(*t.degree, fields);
  EntryGeometry g = geometry(ctx, !date_lines.empty(), !degree.empty(), cols);
  Abs lead = leading(ctx);

  // The header row: the first template line (company, institution, title) with the
  // date/location and degree columns beside it, their first baselines on the header's
  // last one. The body (summary, highlights, further template lines) follows at once,
  // beside the columns' further lines as in RenderCV's PDFs: no hole below a tall column.
  // Extractors that read by position (pdftotext -layout) then put a column line between
  // two lines of a paragraph, but every word and every date stays whole, and the columns
  // are drawn last so that those that group text in drawing order read the body whole.
  std::vector<TemplateLine> main_lines = expand_template(*t.main, fields);
  std::vector<SetLine> head;
  if (!main_lines.empty() && main_lines.front().kind == TemplateLine::Kind::Text) {
    head = text_lines(ctx, main_lines.front().markup, Role::Body, g.main_w, body_align(ctx), e.loc);
    main_lines.erase(main_lines.begin());
  }
  const std::string& da = ctx.doc.design.typography.date_and_location_column_alignment;
  Align date_align = da == "left" ? Align::Left : da == "center" ? Align::Center : Align::Right;
  std::vector<SetLine> dl;
  for (const TemplateLine& d : date_lines)
    for (SetLine& l : text_lines(ctx, d.markup, Role::Body, g.date_w, date_align, e.loc)) dl.push_back(std::move(l));
  std::vector<SetLine> degl;
  for (const TemplateLine& d : degree)
    for (SetLine& l : text_lines(ctx, d.markup, Role::Body, g.degree_w, Align::Left, e.loc)) degl.push_back(std::move(l));

  Frame row = stack(head, lead, ctx.text_width);
  for (GlyphRun& r : row.runs) r.origin.x += g.main_x;
  for (LinkArea& l : row.links) l.origin.x += g.main_x;
  // The columns' first baselines sit exactly on the header's last baseline (line heights
  // differ between bold and regular faces).
  Abs baseline = row.height;
  Frame date = stack(dl, lead, g.date_w), deg = stack(degl, lead, g.degree_w);
  Abs date_top = baseline - (dl.empty() ? Abs::zero() : dl.front().frame.height);
  Abs deg_top = baseline - (degl.empty() ? Abs::zero() : degl.front().frame.height);
  if (head.empty()) date_top = deg_top = Abs::zero();
  Abs columns_bottom = std::max(date_top + date.height, deg_top + deg.height);

  // RenderCV's entries.short_second_row: true, the whole main column sits beside the side
  // columns; false, only as many template lines as the date column has (the header among
  // them), and the rest (the "second row") runs the full width below both.
  const bool short_rows = ctx.doc.design.entries.short_second_row;
  std::vector<TemplateLine> second_row;
  if (!short_rows) {
    std::size_t beside = std::max<std::size_t>(1, date_lines.size()) - (head.empty() ? 0 : 1);
    if (main_lines.size() > beside) {
      second_row.assign(main_lines.begin() + static_cast<std::ptrdiff_t>(beside), main_lines.end());
      main_lines.resize(beside);
    }
  }
  // The body lines beside the columns join the row (one box: the row stays with them).
  VList body = main_column(ctx, e, main_lines, g);
  std::vector<VItem>& items = body.items();
  std::size_t next = 0;
  Abs pending = lead;  // space above the next body line
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (const auto* gl = std::get_if<VGlue>(&items[i])) pending += gl->size;
    auto* b = std::get_if<VBox>(&items[i]);
    if (!b) continue;
    Abs top = row.height + pending;
    if ((short_rows && top >= columns_bottom) || head.empty()) break;
    const Abs height = b->frame.height;
    row.place(std::move(b->frame), {Abs::zero(), top});  // items before `next` are done with
    row.height = top + height;
    pending = Abs::zero();
    next = i + 1;
  }
  row.height = std::max(row.height, columns_bottom);
  row.width = ctx.text_width;

  VList v;
  v.box(std::move(row), e.loc);
  // The rest of the body, below the row; the row stays with its first lines.
  // (When nothing moved up, `pending` already holds the leading plus the glue before the
  // first body line.)
  while (next < items.size() && !std::holds_alternative<VBox>(items[next])) {
    if (const auto* gl = std::get_if<VGlue>(&items[next]); gl && next > 0) pending = gl->size;
    ++next;
  }
  if (next < items.size()) {
    v.penalty(kInfPenalty);
    v.glue(std::max(pending, lead));
    for (std::size_t i = next; i < items.size(); ++i) v.items().push_back(std::move(items[i]));
  }
  if (!second_row.empty()) {
    EntryGeometry full = g;
    full.main_w = ctx.text_width - g.side - g.main_x;
    VList rest = main_column(ctx, e, second_row, full);
    if (!rest.items().empty()) {
      v.penalty(kInfPenalty);
      v.glue(lead);
      for (VItem& item : rest.items()) v.items().push_back(std::move(item));
    }
  }
  // Kept whole when it fits on a page with what must stay above it; otherwise line by line
  // (with club and widow rules), so that it never leaves its heading alone.
  // The side columns are drawn after the main column's text, so that extractors that
  // group text in drawing order (MuPDF) read the body as one block, then the columns.
  auto place_columns = [&](Frame& f) {
    f.place(std::move(date), {g.date_x, date_top});
    f.place(std::move(deg), {g.degree_x, deg_top});
  };
  bool keep = !ctx.doc.design.entries.allow_page_break;
  if (keep && reserve + v.natural_height() <= ctx.page_goal) {
    VList one;
    Frame whole_entry = to_frame(std::move(v), ctx.text_width);
    place_columns(whole_entry);
    one.box(std::move(whole_entry), e.loc);
    return one;
  }
  place_columns(std::get<VBox>(v.items().front()).frame);
  return v;  // too tall for a page (or allowed to break): line by line
}

// One-line, bullet, numbered and text entries: a paragraph across the text width.
VList text_entry(const RealizeContext& ctx, const Section& s, const Entry& e, std::size_t index) {
  EntryGeometry g = geometry(ctx, false, false);
  Abs lead = leading(ctx);
  VList v;
  std::string markup;
  std::string marker;
  switch (e.kind) {
    case EntryKind::OneLine: {
      // Each line of the template is a paragraph of its own ("**LABEL**\nDETAILS").
      auto lines = expand_template(ctx.doc.design.templates.one_line_main, entry_fields(e, ctx.doc));
      for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) v.glue_nobreak(lead);
        std::string m = embolden_keywords(lines[i].markup, ctx.doc.settings.bold_keywords);
        lines_to_vlist(v, text_lines(ctx, m, Role::Body, g.main_w, body_align(ctx), e.loc), lead, g.main_x, e.loc);
      }
      return v;
    }
    case EntryKind::Bullet: markup = e.bullet.markup; marker = ctx.doc.design.entries.highlights.bullet; break;
    case EntryKind::Numbered: markup = e.bullet.markup; marker = std::to_string(index + 1) + "."; break;
    case EntryKind::ReversedNumbered:
      markup = e.bullet.markup;
      marker = std::to_string(s.entries.size() - index) + ".";
      break;
    default: markup = e.text.markup; break;
  }
  markup = embolden_keywords(markup, ctx.doc.settings.bold_keywords);
  if (marker.empty()) {
    lines_to_vlist(v, text_lines(ctx, markup, Role::Body, g.main_w, body_align(ctx), e.loc), lead, g.main_x, e.loc);
    return v;
  }
  // Hanging marker: as wide as the widest marker of the section, so the texts align.
  std::string widest = e.kind == EntryKind::Bullet ? marker : std::to_string(s.entries.size()) + ".";
  SetLine ml = set_marker(ctx, escape_markup(widest), g.main_w, Align::Left);
  Abs mw = marker_width(ctx, ml.frame, widest);
  Abs gap = len(ctx, ctx.doc.design.entries.highlights.space_between_bullet_and_text);
  std::vector<SetLine> lines = text_lines(ctx, markup, Role::Body, g.main_w - mw - gap, body_align(ctx), e.loc);
  SetLine mk = set_marker(ctx, escape_markup(marker), mw, Align::Right);
  if (!lines.empty() && !mk.frame.runs.empty())
    prepend(lines[0].frame, marker_frame(ctx, mk.frame, marker, mw),
            {-(mw + gap), lines[0].frame.height - mk.frame.height});
  lines_to_vlist(v, std::move(lines), lead, g.main_x + mw + gap, e.loc);
  return v;
}


}  // namespace vitae

#include "layout/realize.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <algorithm>

#include "layout/fields.h"
#include "model/markup.h"

namespace vitae {

namespace {

// ---- Paragraphs -------------------------------------------------------------------------

std::vector<StyledText> styled(const RealizeContext& ctx, const std::string& markup, Role role,
                               bool force_bold = false) {
  std::vector<StyledText> out;
  bool base_bold = force_bold || ctx.styles.bold_by_default(role);
  for (const Span& m : parse_markup(markup)) {
    StyledText t{m.text, ctx.styles.get(role, base_bold || m.bold, m.italic), m.link};
    if (!m.link.empty()) t.style.color = ctx.styles.link_color;
    out.push_back(std::move(t));
  }
  return out;
}

Abs body_size(const RealizeContext& ctx) { return ctx.styles.get(Role::Body, false, false).size; }
Abs leading(const RealizeContext& ctx) { return ctx.doc.design.typography.line_spacing.resolve(body_size(ctx)); }
Abs len(const RealizeContext& ctx, const Length& l) { return l.resolve(body_size(ctx)); }

Align body_align(const RealizeContext& ctx) {
  return ctx.doc.design.typography.alignment == "left" ? Align::Left : Align::Justify;
}

// The text of a set line, shortened for a message.
std::string line_excerpt(const SetLine& l) {
  std::string t;
  for (const GlyphRun& r : l.frame.runs) t += r.text;
  if (t.size() > 60) {
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
    t = t.substr(0, cut) + "...";
  }
  return t;
}

// Sets a paragraph, records statistics and reports overfull/underfull lines like TeX.
std::vector<SetLine> paragraph(const RealizeContext& ctx, std::vector<StyledText> spans, Abs width,
                               Align align, SourceLoc loc) {
  ParagraphSpec spec{std::move(spans), width, align, leading(ctx), ctx.doc.design.hyphenation, loc};
  if (spec.spans.empty()) return {};
  SetParagraph p = set_paragraph(spec, ctx.inline_ctx);
  if (!p.missing.empty()) {
    // One warning per paragraph, naming each missing character once.
    std::vector<char32_t> seen;
    std::string list;
    for (const auto& [c, offset] : p.missing) {
      if (std::find(seen.begin(), seen.end(), c) != seen.end()) continue;
      seen.push_back(c);
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
      list += (list.empty() ? "" : ", ") + std::string(buf);
    }
    ctx.diags.warning(ctx.doc.path, loc,
                      (seen.size() == 1 ? "character " + list + " is" : "characters " + list + " are") +
                          " not in any font; shown as a box",
                      "choose a font that covers it with design.typography.font_family");
  }
  bool prev_hyphen = false;
  for (const SetLine& l : p.lines) {
    LayoutStats& s = ctx.stats;
    ++s.lines;
    if (l.hyphenated) ++s.hyphenated_lines;
    if (l.hyphenated && prev_hyphen) ++s.consecutive_hyphens;
    prev_hyphen = l.hyphenated;
    if (align == Align::Justify && &l != &p.lines.back()) {
      ++s.justified_lines;
      s.sum_ratio += std::fabs(l.ratio);
      s.max_ratio = std::max(s.max_ratio, std::fabs(l.ratio));
    }
    if (l.overfull) {
      ++s.overfull_lines;
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2fpt", l.overfull_by.to_pt());
      ctx.diags.warning(ctx.doc.path, loc, std::string("overfull line, ") + buf + " too wide: '" + line_excerpt(l) + "'",
                        "shorten the text or allow a break (a space, or a hyphen)");
    } else if (l.underfull && &l != &p.lines.back()) {
      // TeX's "Underfull \hbox (badness N)": reported, never silent.
      ++s.underfull_lines;
      ctx.diags.warning(ctx.doc.path, loc,
                        "underfull line (badness " + std::to_string(l.badness) + "): '" + line_excerpt(l) + "'",
                        "rewording, or design.hyphenation: true, lets the line fill evenly");
    }
  }
  return std::move(p.lines);
}

std::vector<SetLine> text_lines(const RealizeContext& ctx, const std::string& markup, Role role, Abs width,
                                Align align, SourceLoc loc, bool bold = false) {
  return paragraph(ctx, styled(ctx, markup, role, bold), width, align, loc);
}

// Stacks lines into one frame, `lead` apart (bottom edge to next top edge).
Frame stack(const std::vector<SetLine>& lines, Abs lead, Abs width) {
  Frame f;
  f.width = width;
  for (const SetLine& l : lines) {
    if (!f.runs.empty() || !f.rules.empty() || f.height > Abs::zero()) f.height += lead;
    f.place(l.frame, {Abs::zero(), f.height});
    f.height += l.frame.height;
  }
  return f;
}

// Appends lines to a vertical list as separate boxes with TeX's club and widow rules:
// no break after the first or before the last line of a paragraph (\clubpenalty and
// \widowpenalty set to infinity: at least two lines on each side of a break).
void lines_to_vlist(VList& v, const std::vector<SetLine>& lines, Abs lead, Abs x, SourceLoc loc) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) {
      bool forbidden = i == 1 || i + 1 == lines.size();
      v.penalty(forbidden ? kInfPenalty : 0);
      v.glue(lead);
    }
    Frame f;
    f.width = lines[i].frame.width;
    f.height = lines[i].frame.height;
    f.place(lines[i].frame, {x, Abs::zero()});
    v.box(std::move(f), loc);
  }
}

// Places a marker (bullet, number) before a line's own content, so that it comes first in
// the content stream too: extractors that keep stream order within a line then read
// "• text", not "text •".
void prepend(Frame& line, const Frame& marker, Point offset) {
  Frame f;
  f.width = line.width;
  f.height = line.height;
  f.place(marker, offset);
  f.place(line, {Abs::zero(), Abs::zero()});
  line = std::move(f);
}

// A list marker as set: "•" becomes a drawn disc (see Disc), anything else stays text.
Frame marker_frame(const RealizeContext& ctx, const Frame& typeset, const std::string& marker, Abs width) {
  if (marker != "\u2022") return typeset;
  const TextStyle& bs = ctx.styles.get(Role::Body, false, false);
  Frame disc;
  disc.width = width;
  disc.height = typeset.height;
  Abs cy = typeset.height - x_height(bs) / 2;
  disc.discs.push_back({{width / 2, cy}, bs.size * 0.18, bs.color});
  return disc;
}

// ---- Header -----------------------------------------------------------------------------

std::string strip_scheme(std::string url) {
  for (const char* s : {"https://", "http://", "mailto:", "tel:"})
    if (url.rfind(s, 0) == 0) url = url.substr(std::string(s).size());
  if (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

std::string link(const std::string& text, const std::string& url, bool hyperlink) {
  if (!hyperlink || url.empty()) return escape_markup(text);
  return "[" + escape_markup(text) + "](" + url + ")";
}

std::string connections_markup(const RealizeContext& ctx) {
  const CV& cv = ctx.doc.cv;
  const auto& hc = ctx.doc.design.header.connections;
  std::vector<std::string> items;
  if (!cv.location.empty()) items.push_back(cv.location.markup);
  for (const Text& e : cv.emails) items.push_back(link(e.markup, "mailto:" + e.markup, hc.hyperlink));
  if (!cv.phone.empty()) {
    std::string tel;
    for (char c : cv.phone.markup)
      if (std::isdigit(static_cast<unsigned char>(c)) || c == '+') tel += c;
    items.push_back(link(cv.phone.markup, "tel:" + tel, hc.hyperlink));
  }
  if (!cv.website.empty()) items.push_back(link(strip_scheme(cv.website.markup), cv.website.markup, hc.hyperlink));
  for (const SocialNetwork& s : cv.social_networks)
    items.push_back(link(hc.display_urls_instead_of_usernames ? strip_scheme(s.url) : s.username, s.url, hc.hyperlink));
  for (const CustomConnection& c : cv.custom_connections) items.push_back(link(c.placeholder, c.url, hc.hyperlink));
  // Each contact item stays whole on a line: its spaces become ties (U+00A0, drawn and
  // extracted as ordinary spaces, see inline.cpp).
  for (std::string& item : items) {
    std::string tied;
    for (char c : item) tied += c == ' ' ? std::string("\u00A0") : std::string(1, c);
    item = std::move(tied);
  }
  std::string sep = hc.separator.empty() ? " " : " " + hc.separator + " ";
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

Align header_align(const RealizeContext& ctx) {
  const std::string& a = ctx.doc.design.header.alignment;
  return a == "left" ? Align::Left : a == "right" ? Align::Right : Align::Center;
}

void realize_header(const RealizeContext& ctx, VList& v) {
  const CV& cv = ctx.doc.cv;
  const Design::Header& h = ctx.doc.design.header;
  Abs w = ctx.text_width;
  Abs lead = leading(ctx);
  if (!cv.name.empty()) {
    lines_to_vlist(v, text_lines(ctx, cv.name.markup, Role::Name, w, header_align(ctx), cv.name.loc), lead,
                   Abs::zero(), cv.name.loc);
    v.glue_nobreak(len(ctx, h.space_below_name));
  }
  if (!cv.headline.empty()) {
    lines_to_vlist(v, text_lines(ctx, cv.headline.markup, Role::Headline, w, header_align(ctx), cv.headline.loc),
                   lead, Abs::zero(), cv.headline.loc);
    v.glue_nobreak(len(ctx, h.space_below_headline));
  }
  std::string conn = connections_markup(ctx);
  if (!conn.empty()) {
    lines_to_vlist(v, text_lines(ctx, conn, Role::Connections, w, header_align(ctx), {}), lead, Abs::zero(), {});
    v.glue(len(ctx, h.space_below_connections));
  }
  // The header may end a page before the first section: without this breakpoint a header
  // with no contact line would be tied to the first heading by glue alone.
  if (!v.empty()) v.penalty(0);
}

bool is_text_based(EntryKind k) {
  return k == EntryKind::OneLine || k == EntryKind::Bullet || k == EntryKind::Numbered ||
         k == EntryKind::ReversedNumbered || k == EntryKind::Text;
}

// ---- Sections ---------------------------------------------------------------------------

Frame heading_frame(const RealizeContext& ctx, const Section& s) {
  const Design::SectionTitles& st = ctx.doc.design.section_titles;
  Abs w = ctx.text_width;
  std::vector<SetLine> lines = text_lines(ctx, escape_markup(s.title), Role::SectionTitles, w, Align::Left, s.loc);
  Frame f = stack(lines, leading(ctx), w);
  const TextStyle& ts = ctx.styles.get(Role::SectionTitles, ctx.styles.bold_by_default(Role::SectionTitles), false);
  Color c = ctx.doc.design.colors.section_titles;
  Abs thick = st.line_thickness;
  if (st.type == "with_partial_line" || st.type == "moderncv") {
    Abs text_end = lines.empty() ? Abs::zero() : lines.back().frame.runs.empty() ? Abs::zero()
                   : lines.back().frame.runs.back().origin.x + lines.back().frame.runs.back().width();
    Abs gap = ts.size * 0.3;
    Abs mid = f.height - cap_height(ts) * 0.45;
    if (text_end + gap < w) f.rules.push_back({{text_end + gap, mid - thick / 2}, w - text_end - gap, thick, c});
  } else if (st.type == "with_full_line") {
    Abs y = f.height + descent(ts) * 0.6;
    f.rules.push_back({{Abs::zero(), y}, w, thick, c});
    f.height = y + thick;
  }
  f.anchors.push_back({s.title, 0, Abs::zero()});
  return f;
}

struct EntryGeometry {
  Abs side, main_x, main_w, date_x, date_w, degree_w, gap;
};

/// Widths of a section's side columns, measured once for all its entries so that their
/// main columns line up.
struct SectionColumns {
  Abs date_w, degree_w;
};

EntryGeometry geometry(const RealizeContext& ctx, bool two_columns, bool degree, const SectionColumns& cols = {}) {
  const Design::Entries& e = ctx.doc.design.entries;
  EntryGeometry g;
  g.side = len(ctx, e.side_space);
  g.gap = len(ctx, e.space_between_columns) + body_size(ctx) * 0.5;
  g.date_w = two_columns ? cols.date_w : Abs::zero();
  g.degree_w = degree ? cols.degree_w : Abs::zero();
  g.main_x = g.side + (degree ? g.degree_w + g.gap : Abs::zero());
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
  const TextStyle& bs = ctx.styles.get(Role::Body, false, false);
  Abs bullet_w;
  std::vector<SetLine> bl = paragraph(ctx, {StyledText{bullet, bs, {}}}, width, Align::Left, {});
  if (!bl.empty() && !bl[0].frame.runs.empty()) bullet_w = bl[0].frame.runs[0].width();
  Abs text_x = x + left + bullet_w + len(ctx, hd.space_between_bullet_and_text);
  Abs text_w = width - (text_x - x);
  for (const Highlight& h : hs) {
    std::vector<SetLine> lines = text_lines(ctx, h.text.markup, Role::Body, text_w, body_align(ctx), h.text.loc);
    if (!lines.empty() && !bl.empty()) {
      // The bullet hangs in the indent, on the first line's baseline. "•" is drawn as a
      // disc (see Disc); any other bullet string is typeset.
      Frame b = bl[0].frame;
      Abs dy = lines[0].frame.height - b.height;
      prepend(lines[0].frame, marker_frame(ctx, b, bullet, bullet_w), {x + left - text_x, dy});
    }
    items.push_back(std::move(lines));
    xs.push_back(text_x);
    realize_highlights(ctx, items, xs, h.children, text_x, width - (text_x - x), depth + 1);
  }
}

// The main column of an entry: template lines, summary and highlights, as a vertical list
// of line boxes with club/widow penalties (items of a list share the rules).
VList main_column(const RealizeContext& ctx, const Entry& e, const std::vector<TemplateLine>& tl,
                  const EntryGeometry& g, std::vector<bool>* whole_paragraph) {
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
      }
      const SetLine& l = paras[pi][li];
      Frame f;
      f.width = ctx.text_width;
      f.height = l.frame.height;
      f.place(l.frame, {xs[pi], Abs::zero()});
      v.box(std::move(f), e.loc);
      whole_paragraph->push_back(paras[pi].size() == 1);
    }
  return v;
}

// Collapses a vertical list into one frame (its glue at natural size).
Frame to_frame(const VList& v, Abs width) {
  Frame f;
  f.width = width;
  for (const VItem& it : v.items()) {
    if (const auto* b = std::get_if<VBox>(&it)) {
      f.place(b->frame, {Abs::zero(), f.height});
      f.height += b->frame.height;
    } else if (const auto* g = std::get_if<VGlue>(&it)) {
      f.height += g->size;
    }
  }
  return f;
}

std::string time_span(const RealizeContext& ctx, const Entry& e) {
  if (!e.start_date || !e.end_date || !e.date.empty()) return "";
  Date end = *e.end_date;
  if (end.present) {
    if (!ctx.today) return "";
    end = *ctx.today;
  }
  int months = (end.year - e.start_date->year) * 12 + (end.month ? end.month : 1) -
               (e.start_date->month ? e.start_date->month : 1) + 1;
  if (months <= 0) return "";
  int y = months / 12, m = months % 12;
  const Locale& l = ctx.doc.locale;
  // RenderCV's templates.time_span: HOW_MANY_YEARS YEARS HOW_MANY_MONTHS MONTHS, where a
  // zero count drops its pair.
  std::map<std::string, std::string> f{{"HOW_MANY_YEARS", y ? std::to_string(y) : ""},
                                       {"YEARS", y ? (y == 1 ? l.year : l.years) : ""},
                                       {"HOW_MANY_MONTHS", m ? std::to_string(m) : ""},
                                       {"MONTHS", m ? (m == 1 ? l.month : l.months) : ""}};
  std::vector<TemplateLine> lines = expand_template(ctx.doc.design.templates.time_span, f);
  return lines.empty() ? "" : lines.front().markup;
}

bool shows_time_span(const RealizeContext& ctx, const Section& s) {
  for (const std::string& k : ctx.doc.design.sections.show_time_spans_in)
    if (k == s.key || k == s.title) return true;
  return false;
}

struct Templates {
  const std::string* main;
  const std::string* date;
  const std::string* degree;
};

Templates templates_for(const Design& d, EntryKind k) {
  const auto& t = d.templates;
  switch (k) {
    case EntryKind::Education: return {&t.education_main, &t.education_date_location, &t.education_degree};
    case EntryKind::Experience: return {&t.experience_main, &t.experience_date_location, nullptr};
    case EntryKind::Publication: return {&t.publication_main, &t.publication_date_location, nullptr};
    default: return {&t.normal_main, &t.normal_date_location, nullptr};
  }
}

// The lines of an entry's date/location column, with the time span where the design
// asks for one.
std::vector<TemplateLine> date_column_lines(const RealizeContext& ctx, const Section& s, const Entry& e,
                                            const std::map<std::string, std::string>& fields) {
  std::vector<TemplateLine> lines = expand_template(*templates_for(ctx.doc.design, e.kind).date, fields);
  if (shows_time_span(ctx, s)) {
    std::string span = time_span(ctx, e);
    if (!span.empty()) lines.push_back({TemplateLine::Kind::Text, span});
  }
  return lines;
}

// The natural width of one line of markup, unbroken.
Abs natural_width(const RealizeContext& ctx, const std::string& markup) {
  ParagraphSpec spec{styled(ctx, markup, Role::Body), Abs::pt(1e6), Align::Left, Abs::zero(), false, {}};
  Abs w;
  for (const SetLine& l : set_paragraph(spec, ctx.inline_ctx).lines)
    for (const GlyphRun& r : l.frame.runs) w = std::max(w, r.origin.x + r.width());
  return w;
}

// Measures a section's side columns: the date column as wide as its widest line, up to
// entries.date_and_location_width (longer lines wrap); the degree column as wide as its
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
  c.degree_w = len(ctx, d.entries.degree_width);
  for (const Entry& e : s.entries) {
    if (is_text_based(e.kind)) continue;
    std::map<std::string, std::string> fields = entry_fields(e, ctx.doc);
    for (const TemplateLine& l : date_column_lines(ctx, s, e, fields))
      c.date_w = std::max(c.date_w, std::min(max_date, natural_width(ctx, l.markup)));
    const std::string* deg = templates_for(d, e.kind).degree;
    if (deg && !e.degree.empty())
      for (const TemplateLine& l : expand_template(*deg, fields)) c.degree_w = std::max(c.degree_w, natural_width(ctx, l.markup));
  }
  c.degree_w = std::min(c.degree_w, ctx.text_width * 0.2);
  return c;
}

// An entry with a right-hand date/location column (education, experience, normal,
// publication). Kept on one page unless it alone is taller than a page.
// `reserve` is the room taken above the entry on its page by what must stay with it (the
// section heading, for a section's first entry).
VList regular_entry(const RealizeContext& ctx, const Section& s, const Entry& e, const SectionColumns& cols,
                    Abs reserve) {
  std::map<std::string, std::string> fields = entry_fields(e, ctx.doc);
  Templates t = templates_for(ctx.doc.design, e.kind);
  std::vector<TemplateLine> date_lines = date_column_lines(ctx, s, e, fields);
  std::vector<TemplateLine> degree;
  if (t.degree && !e.degree.empty()) degree = expand_template(*t.degree, fields);
  EntryGeometry g = geometry(ctx, !date_lines.empty(), !degree.empty(), cols);
  Abs lead = leading(ctx);

  // The header row: the first template line (company, institution, title) with the
  // date/location and degree columns beside it. Text extractors that read by position
  // (MuPDF, pdfminer, pdftotext -layout) merge text that shares a baseline, so no other
  // column may sit beside a line of a paragraph that continues below: the columns start
  // at the header's last line, and the body (summary, highlights, further template
  // lines) starts below the taller of the three.
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

  // Body lines that are whole one-line paragraphs ("Mentor: ...", a short bullet) may
  // move up beside the columns' further lines: each is read whole on its baseline.
  std::vector<bool> whole;
  VList body = main_column(ctx, e, main_lines, g, &whole);
  std::vector<VItem>& items = body.items();
  std::size_t next = 0, box_index = 0;
  Abs pending = lead;  // space above the next body line
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (const auto* gl = std::get_if<VGlue>(&items[i])) pending += gl->size;
    const auto* b = std::get_if<VBox>(&items[i]);
    if (!b) continue;
    Abs top = row.height + pending;
    if (!whole[box_index++] || top >= columns_bottom || head.empty()) break;
    row.place(b->frame, {Abs::zero(), top});
    row.height = top + b->frame.height;
    pending = Abs::zero();
    next = i + 1;
  }
  row.place(date, {g.date_x, date_top});
  row.place(deg, {g.side, deg_top});
  row.height = std::max(row.height, columns_bottom);
  row.width = ctx.text_width;

  VList v;
  v.box(std::move(row), e.loc);
  // The rest of the body, below the row; the row stays with its first lines.
  while (next < items.size() && !std::holds_alternative<VBox>(items[next])) {
    if (const auto* gl = std::get_if<VGlue>(&items[next])) pending = gl->size;
    ++next;
  }
  if (next < items.size()) {
    v.penalty(kInfPenalty);
    v.glue(std::max(pending, lead));
    for (std::size_t i = next; i < items.size(); ++i) v.items().push_back(std::move(items[i]));
  }
  // Kept whole when it fits on a page with what must stay above it; otherwise line by line
  // (with club and widow rules), so that it never leaves its heading alone.
  bool keep = !ctx.doc.design.entries.allow_page_break;
  if (keep && reserve + v.natural_height() <= ctx.page_goal) {
    VList one;
    one.box(to_frame(v, ctx.text_width), e.loc);
    return one;
  }
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
      auto lines = expand_template(ctx.doc.design.templates.one_line_main, entry_fields(e, ctx.doc));
      for (const auto& l : lines) markup += (markup.empty() ? "" : " ") + l.markup;
      break;
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
  std::vector<SetLine> ml = text_lines(ctx, escape_markup(widest), Role::Body, g.main_w, Align::Left, e.loc);
  Abs mw = ml.empty() || ml[0].frame.runs.empty() ? Abs::zero() : ml[0].frame.runs[0].width();
  Abs gap = len(ctx, ctx.doc.design.entries.highlights.space_between_bullet_and_text);
  std::vector<SetLine> lines = text_lines(ctx, markup, Role::Body, g.main_w - mw - gap, body_align(ctx), e.loc);
  std::vector<SetLine> mk = text_lines(ctx, escape_markup(marker), Role::Body, mw, Align::Right, e.loc);
  if (!lines.empty() && !mk.empty())
    prepend(lines[0].frame, marker_frame(ctx, mk[0].frame, marker, mw),
            {-(mw + gap), lines[0].frame.height - mk[0].frame.height});
  lines_to_vlist(v, lines, lead, g.main_x + mw + gap, e.loc);
  return v;
}


void realize_section(const RealizeContext& ctx, const Section& s, VList& v) {
  const Design& d = ctx.doc.design;
  v.glue(len(ctx, d.section_titles.space_above));
  Frame heading = heading_frame(ctx, s);
  Abs heading_room = heading.height + len(ctx, d.section_titles.space_below);
  v.box(std::move(heading), s.loc);
  // Keep the heading with its first entry (never alone at a page bottom).
  v.glue_nobreak(len(ctx, d.section_titles.space_below));
  Abs between = len(ctx, is_text_based(s.kind) ? d.sections.space_between_text_based_entries
                                               : d.sections.space_between_regular_entries);
  SectionColumns cols = measure_columns(ctx, s);
  for (std::size_t i = 0; i < s.entries.size(); ++i) {
    const Entry& e = s.entries[i];
    VList ev = is_text_based(e.kind) ? text_entry(ctx, s, e, i) : regular_entry(ctx, s, e, cols, i == 0 ? heading_room : Abs::zero());
    if (i > 0) {
      v.penalty(d.sections.allow_page_break ? 0 : kInfPenalty);
      v.glue(between + (is_text_based(s.kind) ? leading(ctx) : Abs::zero()));
    }
    v.append(std::move(ev));
  }
}

}  // namespace

VList realize(const RealizeContext& ctx) {
  VList v;
  realize_header(ctx, v);
  for (const Section& s : ctx.doc.cv.sections) realize_section(ctx, s, v);
  return v;
}

Frame realize_line(const RealizeContext& ctx, const std::string& markup, Role role, Abs width, Align align) {
  return stack(text_lines(ctx, markup, role, width, align, {}), leading(ctx), width);
}

}  // namespace vitae

// Realize: the document model into one vertical list: the header (header.cpp), then each
// section: its heading with a rule, kept with the first entry, and its entries
// (entries.cpp), with the design's spacing between them.
#include "layout/realize.h"

#include <algorithm>
#include <cctype>
#include <memory>

#include "layout/blocks.h"
#include "layout/connections.h"
#include "layout/entries.h"
#include "layout/header.h"
#include "model/fields.h"
#include "layout/shape_cache.h"
#include "linebreak/knuth_plass.h"
#include "model/workers.h"

namespace vitae {

using namespace blocks;

namespace {

// ---- Header -----------------------------------------------------------------------------

void realize_contact_list(const RealizeContext& ctx, VList& v);

/// The header's parts (header.cpp), then the sidebar's contact list when it holds one.
void realize_top(const RealizeContext& ctx, const RealizeParts& parts, VList& v) {
  realize_header(ctx, parts, v);
  if (parts.contacts == RealizeParts::Contacts::List) realize_contact_list(ctx, v);
}

// ---- Sections ---------------------------------------------------------------------------

/// Where the last line of a heading's text starts and ends, horizontally.
std::pair<Abs, Abs> text_extent(const std::vector<SetLine>& lines) {
  if (lines.empty() || lines.back().frame.runs.empty()) return {Abs::zero(), Abs::zero()};
  const auto& runs = lines.back().frame.runs;
  Abs start = runs.front().origin.x, end = runs.front().origin.x;
  for (const GlyphRun& r : runs) {
    start = std::min(start, r.origin.x);
    end = std::max(end, r.origin.x + r.width());
  }
  return {start, end};
}

/// A section heading in one of RenderCV's eight section_titles.type styles (its Typst
/// template, lib.typ: the title left or centred; a rule beside it, on both sides, or
/// across the page below it; moderncv's rule in the date column, the title in the main one).
/// Rules beside the text sit at mid cap height, or on the baseline for
/// centered_with_partial_line; rules below sit at 0.3 body size under the descenders.
Frame heading_frame(const RealizeContext& ctx, const Section& s) {
  const Design& d = ctx.doc.design;
  const Design::SectionTitles& st = d.section_titles;
  const std::string& type = st.type;
  const Abs w = ctx.text_width;
  const bool centered = type.rfind("centered_", 0) == 0;
  const Abs column = type == "moderncv" ? len(ctx, d.entries.date_and_location_width) + len(ctx, d.entries.side_space)
                                        : Abs::zero();
  const Abs indent = type == "moderncv" ? column + len(ctx, d.entries.space_between_columns) : Abs::zero();
  std::vector<SetLine> lines = text_lines(ctx, escape_markup(s.title), Role::SectionTitles, w - indent,
                                          centered ? Align::Center : Align::Left, s.loc);
  Frame f;
  f.width = w;
  Frame text = stack(lines, leading(ctx), w - indent);
  f.height = text.height;
  f.place(std::move(text), {indent, Abs::zero()});
  const TextStyle& ts = ctx.styles.get(Role::SectionTitles, ctx.styles.bold_by_default(Role::SectionTitles), false);
  const Color c = d.colors.section_titles;
  const Abs thick = st.line_thickness;
  const Abs gap = ts.size * 0.3;
  const Abs mid = f.height - cap_height(ts) * 0.45;
  auto [start, end] = text_extent(lines);
  start += indent;
  end += indent;
  auto rule = [&](Abs x0, Abs x1, Abs y) {
    if (x1 > x0) f.rules.push_back({{x0, y}, x1 - x0, thick, c});
  };
  // RenderCV's full rule: 0.3 of the body size below the title's baseline (lib.typ).
  auto rule_below = [&] {
    Abs y = f.height + body_size(ctx) * 0.3;
    rule(Abs::zero(), w, y);
    f.height = y + thick;
  };
  if (type == "with_partial_line") {
    rule(end + gap, w, mid - thick / 2);
  } else if (type == "moderncv") {
    rule(Abs::zero(), column, mid - thick / 2);
  } else if (type == "centered_with_partial_line" || type == "centered_with_centered_partial_line") {
    Abs y = type == "centered_with_partial_line" ? f.height - thick : mid - thick / 2;
    rule(Abs::zero(), start - gap, y);
    rule(end + gap, w, y);
  } else if (type == "with_full_line" || type == "centered_with_full_line") {
    rule_below();
  }  // without_line, centered_without_line: the title alone
  // The bookmark's destination is a little above the line's top: a face's glyphs may rise
  // above its ascender (EB Garamond's capitals do), and a reader jumping there should see
  // the heading whole.
  f.anchors.push_back({s.title, 0, -ts.size * 0.5});
  return f;
}

/// The space between a section title and the first line below it. RenderCV asks for
/// section_titles.space_below; its PDFs put the first line 0.125 em (of the title's size)
/// lower than that gives here, in all nine themes alike (measured with pdftotext -bbox on
/// the reference PDFs: 1.75pt below a 14pt title, 1.5pt below a 12pt one), so it is added.
Abs space_below_heading(const RealizeContext& ctx) {
  const Abs title = ctx.styles.get(Role::SectionTitles, ctx.styles.bold_by_default(Role::SectionTitles), false).size;
  return len(ctx, ctx.doc.design.section_titles.space_below) + title * 0.125;
}

/// The sidebar's contact details: a heading (sidebar.connections_title, unless empty),
/// then one item a line, as a section's entries would stand.
void realize_contact_list(const RealizeContext& ctx, VList& v) {
  std::vector<SetLine> lines = connection_list(ctx, ctx.text_width);
  if (lines.empty()) return;
  const Design& d = ctx.doc.design;
  if (!d.sidebar.connections_title.empty()) {
    Section heading;
    heading.title = d.sidebar.connections_title;
    v.glue(len(ctx, d.section_titles.space_above));
    v.box(heading_frame(ctx, heading));
    v.glue_nobreak(space_below_heading(ctx));
  }
  lines_to_vlist(v, std::move(lines), leading(ctx), Abs::zero(), {});
}

void realize_section(const RealizeContext& ctx, const Section& s, VList& v) {
  const Design& d = ctx.doc.design;
  v.glue(len(ctx, d.section_titles.space_above));
  Frame heading = heading_frame(ctx, s);
  Abs heading_room = heading.height + space_below_heading(ctx);
  v.box(std::move(heading), s.loc);
  // Keep the heading with its first entry (never alone at a page bottom).
  v.glue_nobreak(space_below_heading(ctx));
  Abs between = len(ctx, is_text_based(s.kind) ? d.sections.space_between_text_based_entries
                                               : d.sections.space_between_regular_entries);
  SectionColumns cols = measure_columns(ctx, s);
  for (std::size_t i = 0; i < s.entries.size(); ++i) {
    const Entry& e = s.entries[i];
    VList ev = is_text_based(e.kind) ? text_entry(ctx, s, e, i) : regular_entry(ctx, s, e, cols, i == 0 ? heading_room : Abs::zero());
    if (i > 0) {
      v.penalty(d.sections.allow_page_break ? 0 : kInfPenalty);
      // RenderCV sets entries as blocks with this much space and the line spacing below.
      v.glue(between + leading(ctx));
    }
    v.append(std::move(ev));
  }
}

// ---- Sections on several threads ----------------------------------------------------------

/// One task's share of the work (the header or a section), kept apart until all are done.
struct Part {
  VList list;
  Diagnostics diags;
  LayoutStats stats;
};

std::size_t markup_bytes(const std::vector<Highlight>& highlights) {
  std::size_t n = 0;
  for (const Highlight& h : highlights) n += h.text.markup.size() + markup_bytes(h.children);
  return n;
}

/// Roughly how long a section takes to set: the bytes of text it holds, plus a little for
/// each entry. Only the order in which sections are handed out depends on it.
std::size_t work_estimate(const Section& s) {
  std::size_t n = s.title.size();
  for (const Entry& e : s.entries) {
    n += 32 + markup_bytes(e.highlights);
    for (const Text* t : {&e.institution, &e.area, &e.degree, &e.company, &e.position, &e.name, &e.title,
                          &e.journal, &e.label, &e.details, &e.bullet, &e.text, &e.date, &e.location, &e.summary})
      n += t->markup.size();
    for (const Text& a : e.authors) n += a.markup.size();
  }
  return n;
}

/// The header and the sections are independent until pagination, so they can be set in
/// parallel: each is a task of a TaskGroup. All threads shape through the context's cache
/// (thread-safe), each with a Shaper and a line breaker of its own (slot 0, the caller's
/// thread, uses the context's). The largest sections are handed out first, so that the
/// threads finish close together (longest-processing-time-first scheduling, Graham 1969);
/// the header, which is short, is task 0, so the helper starts on the largest section. Parts
/// are joined in document order, so the list, the messages and the statistics are those of
/// a single thread; what a helper throws is rethrown here, as a single thread would have
/// thrown it.
void realize_parallel(const RealizeContext& ctx, const RealizeParts& what, Workers& workers, VList& v) {
  const std::vector<const Section*>& sections = what.sections;
  std::vector<Part> parts(sections.size() + 1);  // the header, then the sections
  std::vector<std::size_t> order(sections.size());
  std::vector<std::size_t> estimate(sections.size());
  for (std::size_t i = 0; i < sections.size(); ++i) {
    order[i] = i;
    estimate[i] = work_estimate(*sections[i]);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return estimate[a] > estimate[b]; });
  struct Scratch {
    explicit Scratch(ShapeCache& cache) : shaper(cache) {}
    Shaper shaper;
    linebreak::LineBreaker breaker;
  };
  // One per slot, made by the slot's own thread when it takes its first task.
  std::vector<std::unique_ptr<Scratch>> scratch(workers.threads());
  TaskGroup group(&workers, parts.size(), [&](std::size_t task, unsigned slot) {
    InlineContext inline_ctx = ctx.inline_ctx;
    if (slot > 0) {
      if (!scratch[slot]) scratch[slot] = std::make_unique<Scratch>(ctx.inline_ctx.shaper->cache());
      Scratch& s = *scratch[slot];
      inline_ctx = InlineContext{&s.shaper, ctx.inline_ctx.hyphenator, &s.breaker, ctx.inline_ctx.paragraphs,
                                 ctx.inline_ctx.deadline};
    }
    const std::size_t index = task == 0 ? 0 : order[task - 1] + 1;
    Part& part = parts[index];
    RealizeContext c{ctx.doc,        ctx.styles,    inline_ctx, part.diags, part.stats,
                     ctx.text_width, ctx.page_goal, ctx.today, ctx.ragged};
    if (index == 0) {
      realize_top(c, what, part.list);
    } else {
      realize_section(c, *sections[index - 1], part.list);
    }
  });
  group.wait();
  for (Part& part : parts) {
    v.append(std::move(part.list));
    for (const Diagnostic& d : part.diags.all()) ctx.diags.add(d);
    ctx.stats.merge(part.stats);
  }
}

}  // namespace

RealizeParts whole_cv(const Document& doc) {
  RealizeParts parts;
  for (const Section& s : doc.cv.sections) parts.sections.push_back(&s);
  return parts;
}

VList realize(const RealizeContext& ctx, const RealizeParts& parts, Workers* workers) {
  VList v;
  if (workers && workers->threads() > 1 && !parts.sections.empty()) {
    realize_parallel(ctx, parts, *workers, v);
  } else {
    realize_top(ctx, parts, v);
    for (const Section* s : parts.sections) realize_section(ctx, *s, v);
  }
  return v;
}

Frame realize_line(const RealizeContext& ctx, const std::string& markup, Role role, Abs width, Align align) {
  return stack(text_lines(ctx, markup, role, width, align, {}), leading(ctx), width);
}

}  // namespace vitae

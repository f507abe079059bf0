// Paragraph-level building blocks of realize: styled text, set paragraphs with their
// statistics and warnings, stacking lines, list markers.
#include "layout/blocks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "model/markup.h"

namespace vitae::blocks {

namespace {

// The text of a set line, shortened for a message to at most 60 bytes: its start, or with
// `from_end` its end (where a word broken across lines is). Never inside a UTF-8 character.
std::string line_excerpt(const SetLine& l, bool from_end = false) {
  std::string t;
  for (const GlyphRun& r : l.frame.runs) t += r.text;
  if (t.size() <= 60) return t;
  auto inside_character = [&](std::size_t i) { return (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80; };
  if (from_end) {
    std::size_t cut = t.size() - 57;
    while (cut < t.size() && inside_character(cut)) ++cut;
    return "..." + t.substr(cut);
  }
  std::size_t cut = 57;
  while (cut > 0 && inside_character(cut)) --cut;
  return t.substr(0, cut) + "...";
}

}  // namespace

std::vector<StyledText> styled(const RealizeContext& ctx, const std::string& markup, Role role,
                               bool force_bold) {
  std::vector<StyledText> out;
  bool base_bold = force_bold || ctx.styles.bold_by_default(role);
  for (const Span& m : parse_markup(markup)) {
    StyledText t{m.text, ctx.styles.get(role, base_bold || m.bold, m.italic), m.link};
    // Links take the link colour and, with links.underline, a rule below; the header's
    // contact links keep the connections' colour and are never underlined, as RenderCV
    // draws them.
    if (!m.link.empty() && role != Role::Connections) {
      t.style.color = ctx.styles.link_color;
      t.style.underline = ctx.doc.design.links.underline;
    }
    out.push_back(std::move(t));
  }
  if (const TextStyle* icon = ctx.styles.link_icon(); icon && role != Role::Connections) {
    // design.links.show_external_link_icon: after each link, a quarter of the body size
    // (a narrow no-break space, close to it and never a break) and the icon, part of the
    // link but not underlined, as RenderCV's `link` sets it.
    std::vector<StyledText> with_icons;
    for (std::size_t i = 0; i < out.size(); ++i) {
      with_icons.push_back(out[i]);
      const std::string& link = out[i].link;
      if (link.empty() || (i + 1 < out.size() && out[i + 1].link == link)) continue;
      TextStyle space = out[i].style;
      space.underline = false;
      with_icons.push_back({"\u202F", space, link});
      with_icons.push_back({"\uF08E", *icon, link});
    }
    out = std::move(with_icons);
  }
  return out;
}

Abs body_size(const RealizeContext& ctx) { return ctx.styles.get(Role::Body, false, false).size; }
Abs leading(const RealizeContext& ctx) { return ctx.doc.design.typography.line_spacing.resolve(body_size(ctx)); }
Abs len(const RealizeContext& ctx, const Length& l) { return l.resolve(body_size(ctx)); }

Align body_align(const RealizeContext& ctx) {
  return ctx.ragged || ctx.doc.design.typography.alignment == "left" ? Align::Left : Align::Justify;
}


// Sets a paragraph, records statistics and reports overfull/underfull lines like TeX.
std::vector<SetLine> paragraph(const RealizeContext& ctx, std::vector<StyledText> spans, Abs width,
                               Align align, SourceLoc loc) {
  // RenderCV's "justified-with-no-hyphenation" turns hyphenation off, whatever
  // design.hyphenation says.
  const bool hyphenate =
      ctx.doc.design.hyphenation && ctx.doc.design.typography.alignment != "justified-with-no-hyphenation";
  ParagraphSpec spec{std::move(spans), width, align, leading(ctx), hyphenate, loc};
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
    ctx.diags.warning(ctx.doc.path_of(loc), loc,
                      (seen.size() == 1 ? "character " + list + " is" : "characters " + list + " are") +
                          " not in any font; shown as a box",
                      "choose a font that covers it with design.typography.font_family");
  }
  bool prev_hyphen = false, broken_word_told = false;
  for (const SetLine& l : p.lines) {
    LayoutStats& s = ctx.stats;
    ++s.lines;
    if (l.hyphenated) ++s.hyphenated_lines;
    if (l.hyphenated && prev_hyphen) ++s.consecutive_hyphens;
    prev_hyphen = l.hyphenated;
    // Adjustment ratios of justified lines only: a ragged line's ratio measures its rag.
    if (p.align == Align::Justify && &l != &p.lines.back()) {
      ++s.justified_lines;
      s.sum_ratio += std::fabs(l.ratio);
      s.max_ratio = std::max(s.max_ratio, std::fabs(l.ratio));
    }
    if (l.overfull) {
      ++s.overfull_lines;
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2fpt", l.overfull_by.to_pt());
      ctx.diags.warning(ctx.doc.path_of(loc), loc, std::string("overfull line, ") + buf + " too wide: '" + line_excerpt(l) + "'",
                        "shorten the text or allow a break (a space, or a hyphen)");
    } else if (l.broken_in_word) {
      // Not TeX's way (it would leave the word overfull): the word stays inside the
      // margins, cut between two letters, and the user is told where, once a paragraph.
      if (!broken_word_told)
        ctx.diags.warning(ctx.doc.path_of(loc), loc,
                          "a word wider than the line is broken between two letters: '" + line_excerpt(l, true) + "'",
                          "shorten the word, or give it a place to break (a hyphen, or a space)");
      broken_word_told = true;
    } else if (l.underfull && &l != &p.lines.back()) {
      // TeX's "Underfull \hbox (badness N)": reported, never silent.
      ++s.underfull_lines;
      ctx.diags.warning(ctx.doc.path_of(loc), loc,
                        "underfull line (badness " + std::to_string(l.badness) + "): '" + line_excerpt(l) + "'",
                        "rewording, or design.hyphenation: true, lets the line fill evenly");
    }
  }
  // Font Awesome's code points are in the Private Use Area: an icon's run stands for a
  // space in the PDF's text, so that extractors read nothing odd.
  for (SetLine& l : p.lines)
    for (GlyphRun& r : l.frame.runs)
      if (ctx.styles.is_icon_font(r.font.get())) {
        r.text = " ";
        for (Glyph& g : r.glyphs) g.cluster = 0;
      }
  return std::move(p.lines);
}

std::vector<SetLine> text_lines(const RealizeContext& ctx, const std::string& markup, Role role, Abs width,
                                Align align, SourceLoc loc, bool bold) {
  return paragraph(ctx, styled(ctx, markup, role, bold), width, align, loc);
}

SetLine set_marker(const RealizeContext& ctx, const std::string& markup, Abs width, Align align) {
  ParagraphSpec spec{styled(ctx, markup, Role::Body), width, align, Abs::zero(), false, {}};
  SetParagraph p = set_paragraph(spec, ctx.inline_ctx);
  return p.lines.empty() ? SetLine{} : std::move(p.lines.front());
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
void lines_to_vlist(VList& v, std::vector<SetLine> lines, Abs lead, Abs x, SourceLoc loc) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) {
      bool forbidden = i == 1 || i + 1 == lines.size();
      v.penalty(forbidden ? kInfPenalty : 0);
      v.glue(lead);
    }
    Frame f;
    f.width = lines[i].frame.width;
    f.height = lines[i].frame.height;
    f.place(std::move(lines[i].frame), {x, Abs::zero()});
    v.box(std::move(f), loc);
  }
}

// Places a marker (bullet, number) before a line's own content, so that it comes first in
// the content stream too: extractors that keep stream order within a line then read
// "• text", not "text •".
void prepend(Frame& line, Frame marker, Point offset) {
  Frame f;
  f.width = line.width;
  f.height = line.height;
  f.place(std::move(marker), offset);
  f.place(std::move(line), {Abs::zero(), Abs::zero()});
  line = std::move(f);
}

namespace {
constexpr const char* kDiscBullet = "\u2022";
// RenderCV draws its "●" as a "•" at 13pt, 0.6pt above the baseline (Preamble.j2.typ).
constexpr const char* kLargeDiscBullet = "\u25CF";
constexpr Abs kLargeDiscSize = Abs::pt(13);
Abs disc_radius(const TextStyle& body) { return body.size * 0.18; }
bool is_disc(const std::string& marker) { return marker == kDiscBullet || marker == kLargeDiscBullet; }
/// The size of the bullet a disc marker stands for: the body's, or 13pt for "●".
Abs disc_size(const TextStyle& body, const std::string& marker) {
  return marker == kLargeDiscBullet ? kLargeDiscSize : body.size;
}
}  // namespace

namespace {
/// The advance of the "•" a disc marker stands for (in the body font, at its size): the
/// room Typst gives the marker, so that the text after it starts where RenderCV's does.
Abs bullet_advance(const RealizeContext& ctx, const std::string& marker) {
  const TextStyle& bs = ctx.styles.get(Role::Body, false, false);
  SetLine l = set_marker(ctx, kDiscBullet, Abs::pt(1e5), Align::Left);
  const Abs w = l.frame.runs.empty() ? disc_radius(bs) * 2 : l.frame.runs[0].width();
  return w * (disc_size(bs, marker) / bs.size);
}
}  // namespace

Abs marker_depth(const RealizeContext& ctx, const std::string& marker) {
  if (marker != kLargeDiscBullet) return Abs::zero();
  const TextStyle& bs = ctx.styles.get(Role::Body, false, false);
  TextStyle large = bs;
  large.size = kLargeDiscSize;
  return std::max(Abs::zero(), cap_height(large) - cap_height(bs));
}

Abs marker_width(const RealizeContext& ctx, const Frame& typeset, const std::string& marker) {
  if (is_disc(marker) && !typeset.runs.empty()) return bullet_advance(ctx, marker);
  return typeset.runs.empty() ? Abs::zero() : typeset.runs[0].width();
}

// A list marker as set: "•" and "●" become a drawn disc (see Disc), anything else stays
// text. The disc is no wider than the marker's room, so it never overhangs it.
Frame marker_frame(const RealizeContext& ctx, const Frame& typeset, const std::string& marker, Abs width) {
  if (!is_disc(marker)) return typeset;
  const TextStyle& bs = ctx.styles.get(Role::Body, false, false);
  const double scale = disc_size(bs, marker) / bs.size;
  const Abs rise = marker == kLargeDiscBullet ? Abs::pt(0.6) : Abs::zero();
  Frame disc;
  disc.width = width;
  disc.height = typeset.height;
  Abs cy = typeset.height - x_height(bs) * scale / 2 - rise;
  disc.discs.push_back({{width / 2, cy}, std::min(disc_radius(bs) * scale, width / 2), bs.color});
  return disc;
}

// Collapses a vertical list into one frame (its glue at natural size).
Frame to_frame(VList v, Abs width) {
  Frame f;
  f.width = width;
  for (VItem& it : v.items()) {
    if (auto* b = std::get_if<VBox>(&it)) {
      const Abs height = b->frame.height;
      f.place(std::move(b->frame), {Abs::zero(), f.height});
      f.height += height;
    } else if (const auto* g = std::get_if<VGlue>(&it)) {
      f.height += g->size;
    }
  }
  return f;
}

}  // namespace vitae::blocks

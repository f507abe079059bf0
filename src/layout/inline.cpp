#include "layout/inline.h"

#include <algorithm>

#include "layout/paragraph_cache.h"
#include "layout/shape_cache.h"
#include "layout/word_breaks.h"
#include "linebreak/knuth_plass.h"
#include "linebreak/paragraph_builder.h"

namespace vitae {

namespace lb = linebreak;

namespace {

/// A word (maximal run of non-space bytes within one span) and where it may break inside.
struct Word {
  std::size_t span = 0;
  std::size_t start = 0, end = 0;  ///< byte range in the span's text
  std::vector<WordBreak> breaks;   ///< offsets relative to `start`, ascending
  const ShapedPiece* shaped = nullptr;  ///< the whole word, shaped (owned by the cache)
};

/// What an item stands for, through Item::payload.
struct Payload {
  enum class Kind { Part, Space } kind = Kind::Part;
  std::size_t word = 0;            ///< Part: index into words
  std::size_t start = 0, end = 0;  ///< Part: byte range in the span's text
  std::size_t span = 0;            ///< Space: the span whose space glyph is used
};

struct Builder {
  const ParagraphSpec& spec;
  const InlineContext& ctx;
  std::vector<Word> words;
  std::vector<Payload> payloads;
  lb::ParagraphBuilder pb;
  std::vector<lb::Item> items;
  SetParagraph* out;

  // Per span, looked up once per paragraph: its space and its hyphen (they were looked up
  // for every word and gap). The cache's pieces never move.
  mutable std::vector<const ShapedPiece*> spaces, hyphens;

  const ShapedPiece& space_of(std::size_t span) const {
    if (spaces.size() <= span) spaces.resize(spec.spans.size(), nullptr);
    if (!spaces[span]) spaces[span] = &ctx.shaper->space(spec.spans[span].style);
    return *spaces[span];
  }
  const ShapedPiece& hyphen_of(std::size_t span) const {
    if (hyphens.size() <= span) hyphens.resize(spec.spans.size(), nullptr);
    if (!hyphens[span]) hyphens[span] = &ctx.shaper->shape(spec.spans[span].style, "-");
    return *hyphens[span];
  }

  uint32_t add_payload(Payload p) {
    payloads.push_back(p);
    return static_cast<uint32_t>(payloads.size() - 1);
  }

  // Width of the glyphs of `piece` whose clusters fall in [from, to) (word-relative bytes).
  static Abs width_between(const ShapedPiece& piece, std::size_t from, std::size_t to) {
    Abs w;
    for (const PieceRun& run : piece.runs)
      for (const Glyph& g : run.glyphs)
        if (g.cluster >= from && g.cluster < to) w += g.x_advance;
    return w;
  }

  void add_space(std::size_t span) {
    Abs w = space_of(span).width;
    // Interword glue as in TeX's fonts: stretch 1/2 and shrink 1/3 of the space. Ragged
    // paragraphs make it rigid (Knuth & Plass's ragged-right pattern, see ParagraphBuilder).
    pb.add_space(w, w / 2, w / 3, add_payload({Payload::Kind::Space, 0, 0, 0, span}));
  }

  void add_word(Word word, const ShapedPiece& shaped) {
    std::string_view text = std::string_view(spec.spans[word.span].text).substr(word.start, word.end - word.start);
    for (const auto& m : shaped.missing) out->missing.push_back({m.first, word.start + m.second});
    word.shaped = &shaped;
    std::size_t wi = words.size();
    std::size_t from = 0;
    Abs hyphen = word.breaks.empty() ? Abs::zero() : hyphen_of(word.span).width;
    for (const WordBreak& br : word.breaks) {
      pb.add_box(width_between(shaped, from, br.offset),
                 add_payload({Payload::Kind::Part, wi, word.start + from, word.start + br.offset}));
      pb.add_break_opportunity(br.penalty, br.hyphen ? hyphen : Abs::zero(), br.hyphen);
      from = br.offset;
    }
    pb.add_box(width_between(shaped, from, text.size()),
               add_payload({Payload::Kind::Part, wi, word.start + from, word.end}));
    words.push_back(std::move(word));
  }

  // A no-break space (U+00A0) between words: TeX's tie (~). It is drawn as an ordinary
  // space glyph, so extractors read U+0020, but no line breaks there.
  void add_tie(std::size_t span) {
    Abs w = space_of(span).width;
    pb.add_tie(w, w / 2, w / 3, add_payload({Payload::Kind::Space, 0, 0, 0, span}));
  }

  static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }
  static bool is_nbsp(std::string_view t, std::size_t i) {
    return i + 1 < t.size() && t[i] == '\xC2' && t[i + 1] == '\xA0';
  }

  void build() {
    // Room for as many words as a text of this length usually has (one per six bytes),
    // each a box, a glue or two and perhaps a break: the lists grow once, not by doubling.
    std::size_t bytes = 0;
    for (const StyledText& s : spec.spans) bytes += s.text.size();
    const std::size_t words_guess = 1 + bytes / 6;
    words.reserve(words_guess);
    payloads.reserve(2 * words_guess);
    pb.reserve(4 * words_guess + 8);
    enum class Gap { None, Space, Tie } pending = Gap::None;
    std::size_t gap_span = 0;
    bool any_box = false;
    WordBreakConfig wb;
    wb.line_width = spec.width;
    for (std::size_t s = 0; s < spec.spans.size(); ++s) {
      const std::string& t = spec.spans[s].text;
      std::size_t i = 0;
      while (i < t.size()) {
        if (is_space(t[i]) || is_nbsp(t, i)) {
          bool tie = is_nbsp(t, i);
          if (any_box && (tie || pending != Gap::Tie)) pending = tie ? Gap::Tie : Gap::Space, gap_span = s;
          i += tie ? 2 : 1;
          continue;
        }
        std::size_t j = i;
        while (j < t.size() && !is_space(t[j]) && !is_nbsp(t, j)) ++j;
        if (pending == Gap::Space) add_space(gap_span);
        if (pending == Gap::Tie) add_tie(gap_span);
        pending = Gap::None;
        Word w{s, i, j, {}};
        const TextStyle& st = spec.spans[s].style;
        std::string_view text = std::string_view(t).substr(i, j - i);
        wb.allow_hyphenation = spec.hyphenate && ctx.hyphenator;
        const ShapedPiece& shaped = ctx.shaper->shape(st, text);
        w.breaks = word_breaks(text, wb, ctx.hyphenator, shaped.width,
                               [&shaped](std::size_t from, std::size_t to) { return width_between(shaped, from, to); });
        add_word(std::move(w), shaped);
        any_box = true;
        i = j;
      }
    }
    // Ends with TeX's \penalty10000 \parfillskip \penalty-10000.
    items = pb.finish();
  }
};

/// Accumulates glyphs into runs: consecutive glyphs of one font, size and colour share a run.
struct RunWriter {
  static constexpr std::size_t kRunReserve = 48;

  Frame& frame;
  Abs baseline;
  Abs x;
  GlyphRun* current = nullptr;
  const Font* current_font = nullptr;

  GlyphRun& run_for(const std::shared_ptr<const Font>& font, const TextStyle& st, bool fresh) {
    if (fresh || !current || current_font != font.get() || current->size != st.size ||
        !(current->color == st.color) || current->actual_text || current->origin.y != baseline - st.rise) {
      frame.runs.push_back(GlyphRun{font, st.size, st.color, {x, baseline - st.rise}, {}, {}, std::nullopt});
      current = &frame.runs.back();
      // Most runs are a word or a line of one style: room for that, grown only past it.
      current->text.reserve(kRunReserve);
      current->glyphs.reserve(kRunReserve);
      current_font = font.get();
    }
    return *current;
  }

  void append(const ShapedPiece& piece, std::string_view text, const TextStyle& st, Abs space_advance,
              std::optional<std::string> actual_text) {
    bool fresh = actual_text.has_value();
    for (const PieceRun& r : piece.runs) {
      GlyphRun& run = run_for(r.font, st, fresh);
      fresh = false;
      uint32_t base = static_cast<uint32_t>(run.text.size());
      run.text.append(text.substr(r.start, r.end - r.start));
      for (Glyph g : r.glyphs) {
        g.cluster = base + (g.cluster - static_cast<uint32_t>(r.start));
        if (space_advance > Abs::zero()) g.x_advance = space_advance;
        run.glyphs.push_back(g);
        x += g.x_advance;
      }
      if (actual_text) run.actual_text = actual_text;
    }
    if (actual_text) current = nullptr;  // nothing else joins a run that carries ActualText
  }
};

// A piece of a word cut by a break is shaped anew (ligatures and contextual forms on each
// side of the cut), but the breaker measured it inside the whole word, where its last glyph
// carries the kerning with the letter after the cut. The difference (a fraction of a point)
// goes into that glyph's advance, so that the line is exactly as wide as the breaker
// measured it and a justified line ends on the margin, not past it.
void fit_to_measure(Frame& frame, RunWriter& w, Abs x0, Abs measured) {
  Abs diff = measured - (w.x - x0);
  if (diff == Abs::zero() || frame.runs.empty() || frame.runs.back().glyphs.empty()) return;
  frame.runs.back().glyphs.back().x_advance += diff;
  w.x += diff;
}

// The index of the first item of `line` that stands for text.
std::size_t first_part(const Builder& b, const lb::Line& line) {
  for (std::size_t k = line.start; k < line.end; ++k)
    if (b.items[k].payload != lb::kNoPayload) return k;
  return line.end;
}

struct LinkSpan {
  std::string uri;
  Abs x0, x1;
  Abs underline_end;  ///< where its underlined text ends (the external-link icon is not)
  Abs top, bottom;
  const TextStyle* style;  ///< of the link's first word (its underline and colour)
};

SetLine assemble_line(const Builder& b, const lb::Line& line, Abs width,
                      const InlineContext& ctx) {
  const ParagraphSpec& spec = b.spec;
  SetLine out;
  out.natural_width = line.natural_width;
  out.ratio = line.ratio;
  out.overfull = line.overfull;
  out.overfull_by = line.overfull_by;
  out.underfull = line.underfull && spec.align == Align::Justify;
  out.badness = line.badness;
  out.hyphenated = line.hyphenated;
  // The item at `end` is the break that ends the line.
  if (line.end < b.items.size()) {
    const lb::Item& brk = b.items[line.end];
    out.broken_in_word = brk.kind == lb::ItemKind::Penalty && !brk.flagged &&
                         brk.penalty == WordBreakConfig{}.anywhere_penalty;
  }

  Abs top;
  for (std::size_t k = line.start; k < line.end; ++k) {
    const lb::Item& it = b.items[k];
    if (it.payload == lb::kNoPayload) continue;
    const Payload& p = b.payloads[it.payload];
    std::size_t span = p.kind == Payload::Kind::Part ? b.words[p.word].span : p.span;
    top = std::max(top, cap_height(spec.spans[span].style));
  }
  if (top == Abs::zero() && !spec.spans.empty()) top = cap_height(spec.spans.front().style);
  out.frame.height = top;
  out.frame.width = width;

  RunWriter w{out.frame, top, Abs::zero()};
  std::vector<LinkSpan> links;
  auto note_link = [&](std::size_t span, Abs x0, Abs x1) {
    const StyledText& st = spec.spans[span];
    if (st.link.empty()) return;
    Abs asc = cap_height(st.style) * 1.25, desc = descent(st.style);
    if (!links.empty() && links.back().uri == st.link && links.back().x1 + st.style.size >= x0) {
      links.back().x1 = x1;
      if (st.style.underline) links.back().underline_end = x1;
      return;
    }
    links.push_back({st.link, x0, x1, st.style.underline ? x1 : x0, top - asc, top + desc, &st.style});
  };

  // Consecutive parts of one word are shaped together (exact ligatures and kerning); a
  // word cut by a break is shaped anew on each side of it.
  std::size_t k = line.start;
  while (k < line.end) {
    const lb::Item& it = b.items[k];
    if (it.payload == lb::kNoPayload) {
      ++k;
      continue;
    }
    const Payload& p = b.payloads[it.payload];
    if (p.kind == Payload::Kind::Space) {
      const StyledText& st = spec.spans[p.span];
      // Ragged lines: the stretch of the glue pair cancels inside a line (see add_space),
      // so spaces keep their natural width; justified lines set the glue.
      Abs adv = spec.align == Align::Justify ? lb::set_width(it, line) : it.width;
      w.append(b.space_of(p.span), " ", st.style, adv, std::nullopt);
      ++k;
      continue;
    }
    std::size_t wi = p.word, start = p.start, end = p.end;
    std::size_t j = k + 1;
    for (; j < line.end; ++j) {
      const lb::Item& nx = b.items[j];
      // Inside a word there are only break opportunities: penalties, and in ragged
      // paragraphs the zero-width glue pair around them.
      if (nx.is_penalty() || (nx.is_glue() && nx.payload == lb::kNoPayload && nx.width == Abs::zero())) continue;
      if (nx.payload == lb::kNoPayload) break;
      const Payload& q = b.payloads[nx.payload];
      if (q.kind != Payload::Kind::Part || q.word != wi) break;
      end = q.end;
    }
    const Word& word = b.words[wi];
    const StyledText& st = spec.spans[word.span];
    // A word broken across lines (hyphenation, explicit hyphen, URL, last resort) is read
    // whole by extractors that honour /ActualText: the first piece carries the word, the
    // others carry nothing.
    bool continues = end < word.end && j >= line.end;
    bool continued = start > word.start && k == first_part(b, line);
    bool hyphen_here = continues && line.hyphenated;
    std::optional<std::string> actual;
    if (continued) actual = std::string();
    else if (continues) actual = st.text.substr(word.start, word.end - word.start);
    std::string_view text = std::string_view(st.text).substr(start, end - start);
    Abs x0 = w.x;
    const bool whole = start == word.start && end == word.end;
    w.append(whole ? *word.shaped : ctx.shaper->shape(st.style, text), text, st.style, Abs::zero(), actual);
    if (!whole) fit_to_measure(out.frame, w, x0, Builder::width_between(*word.shaped, start - word.start, end - word.start));
    if (hyphen_here) {
      // The hyphen joins the run of the first half, whose ActualText is the whole word.
      GlyphRun& run = out.frame.runs.back();
      const ShapedPiece& hy = b.hyphen_of(word.span);
      uint32_t base = static_cast<uint32_t>(run.text.size());
      run.text += "-";
      for (const PieceRun& r : hy.runs)
        for (Glyph g : r.glyphs) {
          g.cluster = base;
          run.glyphs.push_back(g);
          w.x += g.x_advance;
        }
    }
    note_link(word.span, x0, w.x);
    k = j;
  }

  // Alignment of ragged lines: shift everything by the slack.
  Abs slack = width - w.x;
  Abs shift;
  if (spec.align == Align::Right) shift = slack;
  if (spec.align == Align::Center) shift = slack / 2;
  if (shift != Abs::zero())
    for (GlyphRun& r : out.frame.runs) r.origin.x += shift;
  for (const LinkSpan& l : links) {
    out.frame.links.push_back({{l.x0 + shift, l.top}, l.x1 - l.x0, l.bottom - l.top, l.uri});
    if (l.style->underline) {
      // Below the baseline by a tenth of the size, a twentieth thick: the proportions of
      // the post-table underline metrics of common text faces (Typst's fallback values).
      Abs size = l.style->size;
      out.frame.rules.push_back({{l.x0 + shift, top + size * 0.1}, l.underline_end - l.x0, size * 0.05, l.style->color});
    }
  }
  return out;
}

}  // namespace

Abs cap_height(const TextStyle& style) {
  const FontMetrics& m = style.font->metrics();
  int cap = m.cap_height > 0 ? m.cap_height : static_cast<int>(m.ascender * 0.7);
  return style.size * (static_cast<double>(cap) / m.units_per_em);
}

Abs x_height(const TextStyle& style) {
  const FontMetrics& m = style.font->metrics();
  int xh = m.x_height > 0 ? m.x_height : m.units_per_em / 2;
  return style.size * (static_cast<double>(xh) / m.units_per_em);
}

Abs descent(const TextStyle& style) {
  const FontMetrics& m = style.font->metrics();
  return style.size * (static_cast<double>(-m.descender) / m.units_per_em);
}

namespace {

// The largest adjustment ratio a justified line may have before the paragraph is set
// ragged instead: spaces at 2.5 times their natural width (stretch is half a space).
constexpr double kMaxJustifiedRatio = 3.0;

// Breaks and sets a paragraph with the given alignment. `loose` reports whether a line
// (not the last) is stretched beyond kMaxJustifiedRatio.
SetParagraph set_aligned(const ParagraphSpec& spec, const InlineContext& ctx, bool* loose) {
  SetParagraph out;
  out.align = spec.align;
  Abs em = spec.spans.empty() ? Abs::pt(10) : spec.spans.front().style.size;
  lb::ParagraphStyle pstyle;
  pstyle.alignment = spec.align == Align::Justify ? lb::Alignment::Justified : lb::Alignment::RaggedRight;
  pstyle.ragged_stretch = em * 3;
  Builder b{spec, ctx, {}, {}, lb::ParagraphBuilder(pstyle), {}, &out, {}, {}};
  b.build();
  lb::BreakParams params;
  params.line_widths = {spec.width};
  params.hyphenate = spec.hyphenate;
  params.emergency_stretch = em * 2;
  if (spec.align != Align::Justify) params.pretolerance = -1;  // ragged: total fit from the start
  auto run = [&] { return ctx.breaker ? ctx.breaker->break_lines(b.items, params) : lb::break_lines(b.items, params); };
  lb::BreakResult result = run();
  if (result.overfull_count() > 0) {
    // TeX's passes found no feasible set of breaks and its last resort kept an overfull
    // line. A CV must never run into the margin: retry as LaTeX's \sloppy does
    // (\tolerance 9999, \emergencystretch 3em), which prefers a loose line.
    params.pretolerance = -1;
    params.tolerance = 9999;
    params.emergency_stretch = em * 3;
    result = run();
  }
  *loose = false;
  out.lines.reserve(result.lines.size());
  for (std::size_t i = 0; i < result.lines.size(); ++i) {
    out.lines.push_back(assemble_line(b, result.lines[i], spec.width, ctx));
    // Too loose: stretched past the limit, or a line with nothing to stretch (a piece of a
    // word broken as a last resort) that cannot be justified at all.
    const lb::Line& l = result.lines[i];
    bool unfillable = l.badness >= 10000 && l.ratio == 0;
    if (i + 1 < result.lines.size() && (l.ratio > kMaxJustifiedRatio || unfillable)) *loose = true;
  }
  return out;
}

}  // namespace

namespace {

SetParagraph set_uncached(const ParagraphSpec& spec, const InlineContext& ctx) {
  bool loose = false;
  SetParagraph p = set_aligned(spec, ctx, &loose);
  if (!loose || spec.align != Align::Justify) return p;
  // A justified paragraph that can only be set with very wide spaces (a narrow column,
  // long words, no hyphenation) is set ragged-right instead: gaps that wide read badly
  // and make pdftotext split the line into columns.
  ParagraphSpec ragged = spec;
  ragged.align = Align::Left;
  return set_aligned(ragged, ctx, &loose);
}

}  // namespace

SetParagraph set_paragraph(const ParagraphSpec& spec, const InlineContext& ctx) {
  check_deadline(ctx.deadline);  // paragraphs are where a huge CV spends its time
  if (!ctx.paragraphs) return set_uncached(spec, ctx);
  std::string key = ParagraphCache::key(spec, ctx.hyphenator);
  if (auto p = ctx.paragraphs->find(key)) return *p;
  return *ctx.paragraphs->insert(std::move(key), set_uncached(spec, ctx));
}

}  // namespace vitae

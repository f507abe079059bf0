// Itemisation (script runs, font runs with fallback) and shaping of the items.
#include "text/itemize.h"

#include "model/utf8.h"

#include <hb.h>

#include <cstdio>
#include <optional>

namespace vitae {
namespace {

/// One decoded character of the range.
struct Char {
  char32_t cp;
  std::size_t offset;
  hb_script_t script;
  bool common;  ///< Script property Common or Inherited (before resolution)
};

hb_unicode_funcs_t* ufuncs() { return hb_unicode_funcs_get_default(); }

bool is_mark(char32_t c) {
  switch (hb_unicode_general_category(ufuncs(), c)) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
      return true;
    default:
      return false;
  }
}

/// Format (Cf: ZWJ, ZWNJ, soft hyphen, bidi marks) and control (Cc) characters: HarfBuzz
/// hides the default ignorables whatever the font, so they never need a font of their own.
bool is_ignorable(char32_t c) {
  const auto cat = hb_unicode_general_category(ufuncs(), c);
  return cat == HB_UNICODE_GENERAL_CATEGORY_FORMAT || cat == HB_UNICODE_GENERAL_CATEGORY_CONTROL;
}

bool is_real_script(hb_script_t s) {
  return s != HB_SCRIPT_COMMON && s != HB_SCRIPT_INHERITED && s != HB_SCRIPT_UNKNOWN;
}

std::vector<Char> decode(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Char> chars;
  for (std::size_t pos = begin; pos < end;) {
    const std::size_t at = pos;
    const char32_t cp = decode_utf8(text.substr(0, end), pos);
    const hb_script_t script = hb_unicode_script(ufuncs(), cp);
    chars.push_back({cp, at, script, !is_real_script(script)});
  }
  return chars;
}

bool is_rtl(hb_script_t s) {
  return hb_script_get_horizontal_direction(s) == HB_DIRECTION_RTL;
}

bool is_digit(char32_t c) {
  return hb_unicode_general_category(ufuncs(), c) == HB_UNICODE_GENERAL_CATEGORY_DECIMAL_NUMBER;
}

/// Common/Inherited take the script of the preceding character, or of the following
/// one when at the start (UAX #24's "attach to neighbours", without bracket pairing).
/// Departure: since no bidi reordering (UAX #9) happens between items, a Common
/// character joins a right-to-left script only when the same script follows and it is
/// not a digit (digits shaped right-to-left would come out reversed); otherwise it takes
/// the following left-to-right script, else the last one seen, else `fallback`.
void resolve_scripts(std::vector<Char>& chars, hb_script_t fallback) {
  std::vector<hb_script_t> next_real(chars.size() + 1, HB_SCRIPT_INVALID);
  for (std::size_t i = chars.size(); i-- > 0;)
    next_real[i] = is_real_script(chars[i].script) ? chars[i].script : next_real[i + 1];
  hb_script_t prev = HB_SCRIPT_INVALID, last_ltr = HB_SCRIPT_INVALID;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    Char& c = chars[i];
    if (is_real_script(c.script)) {
      prev = c.script;
      if (!is_rtl(prev)) last_ltr = prev;
      continue;
    }
    const hb_script_t next = next_real[i + 1];
    const bool inherited = c.script == HB_SCRIPT_INHERITED;
    if (prev != HB_SCRIPT_INVALID &&
        (inherited || !is_rtl(prev) || (next == prev && !is_digit(c.cp))))
      c.script = prev;
    else if (next != HB_SCRIPT_INVALID && !is_rtl(next))
      c.script = next;
    else if (prev == HB_SCRIPT_INVALID && next != HB_SCRIPT_INVALID && !is_digit(c.cp))
      c.script = next;  // leading punctuation of right-to-left text
    else
      c.script = last_ltr != HB_SCRIPT_INVALID ? last_ltr : fallback;
  }
}

/// A base character with its marks: the unit that must come from one font.
struct Cluster {
  std::size_t first, last;  ///< indices into the chars, inclusive
};

std::vector<Cluster> clusters(const std::vector<Char>& chars) {
  std::vector<Cluster> out;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const bool joins = i > 0 && (is_mark(chars[i].cp) || chars[i - 1].cp == 0x200D);
    if (joins && !out.empty()) out.back().last = i;
    else out.push_back({i, i});
  }
  return out;
}

bool covers(const Font& font, const std::vector<Char>& chars, const Cluster& c) {
  for (std::size_t i = c.first; i <= c.last; ++i)
    if (!is_ignorable(chars[i].cp) && !font.has_codepoint(chars[i].cp)) return false;
  return true;
}

/// Chooses the font of every cluster; extends `fonts` with the library's fallbacks when
/// needed.
class FontChooser {
 public:
  FontChooser(const FontChain& chain)
      : chain_(chain), fonts_(chain.fonts), bundled_pending_(chain.library && chain.bundled_fallbacks) {}

  /// The font for a cluster, or null if the cluster is only ignorable characters.
  /// `previous` is the font of the cluster before: spaces and punctuation (script Common)
  /// stay in it when it has them and their script is the same, so a space between two
  /// Hebrew words does not switch fonts.
  std::shared_ptr<const Font> choose(const std::vector<Char>& chars, const Cluster& c,
                                     const std::shared_ptr<const Font>& previous,
                                     hb_script_t previous_script,
                                     std::vector<MissingChar>& missing) {
    bool all_ignorable = true;
    for (std::size_t i = c.first; i <= c.last; ++i) all_ignorable &= is_ignorable(chars[i].cp);
    if (all_ignorable) return nullptr;
    if (previous && chars[c.first].common && chars[c.first].script == previous_script &&
        covers(*previous, chars, c))
      return previous;
    for (const auto& f : fonts_)
      if (covers(*f, chars, c)) return f;
    if (bundled_pending_) {
      bundled_pending_ = false;
      const std::size_t first_new = fonts_.size();
      for (auto& f : chain_.library->fallbacks(*fonts_.front(), chain_.weight, chain_.style))
        fonts_.push_back(std::move(f));
      for (std::size_t i = first_new; i < fonts_.size(); ++i)
        if (covers(*fonts_[i], chars, c)) return fonts_[i];
    }
    if (chain_.library) {
      if (auto f = chain_.library->system_fallback(chars[c.first].cp, chain_.weight, chain_.style);
          f && covers(*f, chars, c)) {
        fonts_.push_back(f);
        return f;
      }
    }
    // No font has the whole cluster: use the first that has its base, else the chosen
    // font (.notdef), and report what stays uncovered.
    std::shared_ptr<const Font> best = fonts_.front();
    for (const auto& f : fonts_)
      if (f->has_codepoint(chars[c.first].cp)) { best = f; break; }
    for (std::size_t i = c.first; i <= c.last; ++i)
      if (!is_ignorable(chars[i].cp) && !best->has_codepoint(chars[i].cp))
        missing.push_back({chars[i].cp, chars[i].offset});
    return best;
  }

 private:
  const FontChain& chain_;
  std::vector<std::shared_ptr<const Font>> fonts_;
  bool bundled_pending_;
};

std::string script_tag(hb_script_t script) {
  char tag[5] = {};
  hb_tag_to_string(hb_script_to_iso15924_tag(script), tag);
  return tag;
}

hb_script_t parse_script(const std::string& tag) {
  const hb_script_t s = hb_script_from_string(tag.data(), static_cast<int>(tag.size()));
  return s == HB_SCRIPT_INVALID || s == HB_SCRIPT_UNKNOWN ? HB_SCRIPT_LATIN : s;
}

/// Appends a cluster to the items, merging with the last item when font and script match.
void append(std::vector<TextItem>& items, const std::shared_ptr<const Font>& font,
            hb_script_t script, std::size_t begin, std::size_t end) {
  if (!items.empty() && items.back().font == font && items.back().script == script_tag(script)) {
    items.back().end = end;
    return;
  }
  TextItem item;
  item.begin = begin;
  item.end = end;
  item.script = script_tag(script);
  item.direction = hb_script_get_horizontal_direction(script) == HB_DIRECTION_RTL
                       ? TextDirection::RightToLeft
                       : TextDirection::LeftToRight;
  item.font = font;
  items.push_back(std::move(item));
}

/// The common case, decided without decoding: every byte printable ASCII, all of which the
/// chain's first font has. The general path gives the same: one item in that font, of
/// Latin script when there is a letter (spaces, digits and punctuation are Common and
/// join it), else of the default script. Spares a CV's words the per-character script
/// and coverage look-ups, a third of their shaping cost.
std::optional<TextItem> simple_item(std::string_view text, std::size_t begin, std::size_t end,
                                    const FontChain& chain, const std::string& default_script) {
  if (!chain.fonts.front()->has_printable_ascii()) return std::nullopt;
  bool letter = false;
  for (std::size_t i = begin; i < end; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c > 0x7E) return std::nullopt;
    letter |= (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }
  TextItem item;
  item.begin = begin;
  item.end = end;
  item.script = script_tag(letter ? HB_SCRIPT_LATIN : parse_script(default_script));
  item.direction = is_rtl(parse_script(item.script)) ? TextDirection::RightToLeft
                                                     : TextDirection::LeftToRight;
  item.font = chain.fonts.front();
  return item;
}

}  // namespace

char32_t decode_utf8(std::string_view s, std::size_t& pos) { return utf8_next(s, pos); }

FontChain make_font_chain(const FontLibrary& library, std::shared_ptr<const Font> primary,
                          FontWeight weight, FontStyle style) {
  FontChain chain;
  chain.library = &library;
  chain.weight = weight;
  chain.style = style;
  chain.bundled_fallbacks = true;
  chain.fonts.push_back(std::move(primary));
  return chain;
}

Itemization itemize(std::string_view text, std::size_t begin, std::size_t end,
                    const FontChain& chain, const std::string& default_script) {
  Itemization out;
  end = std::min(end, text.size());
  if (begin >= end || chain.fonts.empty()) return out;
  if (std::optional<TextItem> item = simple_item(text, begin, end, chain, default_script)) {
    out.items.push_back(std::move(*item));
    return out;
  }
  std::vector<Char> chars = decode(text, begin, end);
  resolve_scripts(chars, parse_script(default_script));
  FontChooser chooser(chain);
  std::shared_ptr<const Font> previous;
  hb_script_t previous_script = HB_SCRIPT_INVALID;
  const auto cluster_end = [&](const Cluster& c) {
    return c.last + 1 < chars.size() ? chars[c.last + 1].offset : end;
  };
  for (const Cluster& c : clusters(chars)) {
    auto font = chooser.choose(chars, c, previous, previous_script, out.missing);
    if (!font) font = previous ? previous : chain.fonts.front();  // ignorables join
    append(out.items, font, chars[c.first].script, chars[c.first].offset, cluster_end(c));
    previous = font;
    previous_script = chars[c.first].script;
  }
  return out;
}

ShapedText shape_text(std::string_view text, std::size_t begin, std::size_t end,
                      const FontChain& chain, const ShapeOptions& options,
                      ShapeBuffer* buffer) {
  ShapedText out;
  Itemization items =
      itemize(text, begin, end, chain, options.script.empty() ? "Latn" : options.script);
  out.missing = std::move(items.missing);
  out.runs.reserve(items.items.size());
  for (TextItem& item : items.items) {
    ShapeOptions opt = options;
    opt.script = item.script;
    opt.direction = item.direction;
    ShapedRun run;
    run.glyphs = shape(*item.font, text, item.begin, item.end, opt, buffer);
    run.item = std::move(item);
    out.runs.push_back(std::move(run));
  }
  return out;
}

std::string missing_char_message(const MissingChar& missing) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(missing.codepoint));
  return std::string(code) + " (at byte " + std::to_string(missing.offset) +
         ") was not found in any font";
}

}  // namespace vitae

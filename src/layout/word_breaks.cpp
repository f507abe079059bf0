#include "layout/word_breaks.h"

#include <algorithm>

#include "text/hyphenate.h"

namespace vitae {

namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A token that reads as a URL, a path or an address gets break points after its
// separators. Two slashes are not enough: "09/2006-07/2010" is a date range.
bool looks_like_url(std::string_view w) {
  std::size_t at = w.find('@');
  bool address = at != std::string_view::npos && w.find('.', at) != std::string_view::npos;
  // A host name: letters on both sides of a dot, ending in a top-level domain of letters
  // ("alexmorgan.example.com"); not "e.g." nor "Dr.-Ing." nor "3.97".
  std::size_t dot = w.find_last_of('.');
  bool host = dot != std::string_view::npos && dot > 0 && dot + 2 < w.size() && is_ascii_letter(w[dot - 1]) &&
              std::all_of(w.begin() + dot + 1, w.end(), is_ascii_letter);
  return w.find("://") != std::string_view::npos || address || host || w.rfind("www.", 0) == 0 ||
         std::count(w.begin(), w.end(), '/') >= 3;
}

// The part of a word that may be hyphenated: its letters, without leading or trailing
// punctuation. TeX hyphenates only words made of letters (The TeXbook, chapter 14); a
// token with digits or symbols inside (a URL, "C/C++", "3.97/4.00") gets no hyphens.
// Bytes >= 0x80 count as letters (accented and non-Latin letters in UTF-8).
std::string_view hyphenatable_core(std::string_view w, std::size_t* offset) {
  auto letter = [](char c) { return is_ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80; };
  std::size_t b = 0, e = w.size();
  while (b < e && !letter(w[b])) ++b;
  while (e > b && !letter(w[e - 1])) --e;
  std::string_view core = w.substr(b, e - b);
  *offset = b;
  if (core.empty() || !std::all_of(core.begin(), core.end(), letter)) return {};
  return core;
}

void add(std::vector<WordBreak>& out, WordBreak b) {
  for (WordBreak& e : out)
    if (e.offset == b.offset) {
      if (b.penalty < e.penalty) e = b;
      return;
    }
  out.push_back(b);
}

bool by_offset(const WordBreak& a, const WordBreak& b) { return a.offset < b.offset; }

// The last resort: a word wider than the line may break between any two characters, but
// only inside a stretch between its other breaks that is itself wider than the line. So an
// address breaks at its slashes and a compound at its hyphenation points, even where that
// leaves the line before it loose, and is cut between letters only where nothing else
// keeps it inside the margins. `out` holds the other breaks, ascending.
void add_breaks_anywhere(std::string_view w, const WordBreakConfig& config, const WidthOf& width_of,
                         std::vector<WordBreak>& out) {
  std::vector<WordBreak> anywhere;
  std::size_t from = 0;
  for (std::size_t k = 0; k <= out.size(); ++k) {
    const std::size_t to = k < out.size() ? out[k].offset : w.size();
    if (width_of(from, to) > config.line_width)
      for (std::size_t i = from + 1; i < to; ++i)
        if (!is_continuation(static_cast<unsigned char>(w[i]))) anywhere.push_back({i, config.anywhere_penalty, false});
    from = to;
  }
  out.insert(out.end(), anywhere.begin(), anywhere.end());
  std::sort(out.begin(), out.end(), by_offset);
}

}  // namespace

std::vector<WordBreak> word_breaks(std::string_view w, const WordBreakConfig& config,
                                   const Hyphenator* hyphenator, Abs word_width, const WidthOf& width_of) {
  std::vector<WordBreak> out;
  // Explicit hyphens ("co-founder"): a break after the hyphen, at least two letters on
  // each side, as TeX allows after an explicit hyphen (\exhyphenpenalty).
  for (std::size_t i = 2; i + 2 < w.size(); ++i)
    if (w[i] == '-' && is_ascii_letter(w[i - 1]) && is_ascii_letter(w[i + 1]))
      add(out, {i + 1, config.explicit_hyphen_penalty, false});
  if (looks_like_url(w)) {
    for (std::size_t i = 2; i + 2 < w.size(); ++i) {
      char c = w[i];
      bool after = c == '/' || c == '.' || c == '?' || c == '&' || c == '-' || c == '_' || c == '=';
      if (after && w[i + 1] != '/') add(out, {i + 1, config.url_penalty, false});
      if (c == '@') add(out, {i, config.url_penalty, false});  // before the @
    }
  }
  std::size_t core_at = 0;
  std::string_view core = hyphenatable_core(w, &core_at);
  if (config.allow_hyphenation && hyphenator && !core.empty() && !looks_like_url(w)) {
    for (std::size_t off : hyphenator->hyphenate(core)) add(out, {core_at + off, config.hyphen_penalty, true});
  }
  std::sort(out.begin(), out.end(), by_offset);
  if (word_width > config.line_width) add_breaks_anywhere(w, config, width_of, out);
  return out;
}

}  // namespace vitae

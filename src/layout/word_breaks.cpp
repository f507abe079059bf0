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
  return w.find("://") != std::string_view::npos || address || w.rfind("www.", 0) == 0 ||
         std::count(w.begin(), w.end(), '/') >= 3;
}

void add(std::vector<WordBreak>& out, WordBreak b) {
  for (WordBreak& e : out)
    if (e.offset == b.offset) {
      if (b.penalty < e.penalty) e = b;
      return;
    }
  out.push_back(b);
}

}  // namespace

std::vector<WordBreak> word_breaks(std::string_view w, const WordBreakConfig& config,
                                   const Hyphenator* hyphenator, Abs word_width) {
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
  if (config.allow_hyphenation && hyphenator) {
    for (std::size_t off : hyphenator->hyphenate(w)) add(out, {off, config.hyphen_penalty, true});
  }
  if (word_width > config.line_width) {
    for (std::size_t i = 1; i < w.size(); ++i)
      if (!is_continuation(static_cast<unsigned char>(w[i]))) add(out, {i, config.anywhere_penalty, false});
  }
  std::sort(out.begin(), out.end(), [](const WordBreak& a, const WordBreak& b) { return a.offset < b.offset; });
  return out;
}

}  // namespace vitae

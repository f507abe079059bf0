#include "load/section_title.h"

#include "model/utf8.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace vitae::load {

namespace {

// RenderCV's list of words not capitalised in a title.
constexpr std::array<std::string_view, 28> kSmallWords = {
    "a",    "and",  "as",  "at",   "but", "by",   "for",  "from", "if",   "in",
    "into", "like", "near", "nor", "of",  "off",  "on",   "onto", "or",   "over",
    "so",   "than", "that", "to",  "upon", "when", "with", "yet"};

}  // namespace

std::string section_title(std::string_view key) {
  bool as_written = key.find(' ') != std::string_view::npos;
  for (std::size_t i = 0; i < key.size() && !as_written;) {
    char32_t c = utf8_next(key, i);
    as_written = simple_lower(c) != c;  // a capital letter, also beyond ASCII ("Über")
  }
  if (as_written) return std::string(key);
  std::string out;
  std::size_t start = 0;
  while (true) {
    std::size_t end = key.find('_', start);
    std::string_view word = key.substr(start, end == std::string_view::npos ? key.npos : end - start);
    if (start > 0) out += ' ';
    bool small = std::find(kSmallWords.begin(), kSmallWords.end(), word) != kSmallWords.end();
    std::string w(word);
    if (!small && !w.empty()) {
      std::size_t after = 0;
      char32_t first = utf8_next(w, after);
      std::string upper;
      append_utf8(upper, simple_upper(first));
      w = upper + w.substr(after);
    }
    out += w;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace vitae::load

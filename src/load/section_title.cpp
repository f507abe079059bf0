#include "load/section_title.h"

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
  bool as_written = std::any_of(key.begin(), key.end(), [](char c) {
    return c == ' ' || std::isupper(static_cast<unsigned char>(c));
  });
  if (as_written) return std::string(key);
  std::string out;
  std::size_t start = 0;
  while (true) {
    std::size_t end = key.find('_', start);
    std::string_view word = key.substr(start, end == std::string_view::npos ? key.npos : end - start);
    if (start > 0) out += ' ';
    bool small = std::find(kSmallWords.begin(), kSmallWords.end(), word) != kSmallWords.end();
    std::string w(word);
    if (!small && !w.empty()) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    out += w;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace vitae::load

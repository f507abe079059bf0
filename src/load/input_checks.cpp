#include "load/input_checks.h"

#include <vector>

#include "load/yaml_tree.h"

namespace vitae::load {

namespace {

/// Length of the valid UTF-8 sequence starting at `i`, or 0 when it is invalid
/// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  return len;
}

std::string hex_byte(unsigned char c) {
  const char* digits = "0123456789ABCDEF";
  return std::string("0x") + digits[c >> 4] + digits[c & 15];
}

/// Skips the indicators that open a line ("- - - x" nests three lists), counting them into
/// `depth`; stops at the first one that takes `depth` beyond `max_depth` and returns true.
bool skip_leading_indicators(std::string_view line, std::size_t& i, int& depth, int max_depth) {
  while (i + 1 < line.size() && (line[i] == '-' || line[i] == '?') && line[i + 1] == ' ') {
    if (++depth > max_depth) return true;
    i += 2;
    while (i < line.size() && line[i] == ' ') ++i;
  }
  return false;
}

InputProblem too_deep(std::string_view text, std::size_t offset, int max_depth) {
  return InputProblem{loc_of_offset(text, offset),
                      "nesting too deep: more than " + std::to_string(max_depth) + " levels",
                      "a CV nests a few levels; this file looks generated or damaged"};
}

}  // namespace

std::optional<InputProblem> check_encoding(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\0')
      return InputProblem{loc_of_offset(text, i), "the file contains a NUL byte",
                          "this looks like a binary file, not a YAML or JSON CV"};
    std::size_t len = utf8_sequence_length(text, i);
    if (len == 0)
      return InputProblem{loc_of_offset(text, i),
                          "invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(text[i])) + ")",
                          "save the file as UTF-8"};
    i += len;
  }
  return std::nullopt;
}

std::optional<InputProblem> check_nesting(std::string_view text, int max_depth) {
  std::vector<std::size_t> indents;  // open block indentation columns, as a tokenizer keeps them
  int flow = 0;                      // open '[' and '{' (they may span lines)
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    std::size_t i = line.find_first_not_of(' ');
    bool blank = i == std::string_view::npos || line[i] == '#' || line[i] == '\r';
    int block = 0;
    if (!blank && flow == 0) {
      while (!indents.empty() && indents.back() > i) indents.pop_back();
      if (indents.empty() || indents.back() < i) indents.push_back(i);
      block = static_cast<int>(indents.size());
      if (block > max_depth || skip_leading_indicators(line, i, block, max_depth))
        return too_deep(text, line_start + i, max_depth);
    }
    char quote = 0;
    for (; !blank && i < line.size(); ++i) {
      char c = line[i];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '#' && (i == 0 || line[i - 1] == ' ')) break;
      if ((c == '"' || c == '\'') && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '[' ||
                                      line[i - 1] == '{' || line[i - 1] == ',' || line[i - 1] == ':'))
        quote = c;
      else if (c == '[' || c == '{')
        ++flow;
      else if ((c == ']' || c == '}') && flow > 0)
        --flow;
      if (block + flow > max_depth) return too_deep(text, line_start + i, max_depth);
    }
    line_start = line_end + 1;
  }
  return std::nullopt;
}

std::optional<InputProblem> check_string_lengths(const YNode& root, std::size_t max_bytes) {
  if (root.is_scalar() && root.value.size() > max_bytes)
    return InputProblem{root.loc,
                        "this string is " + std::to_string(root.value.size()) + " bytes long; the limit is " +
                            std::to_string(max_bytes) + " bytes",
                        "a CV's longest paragraph is a few hundred words: is this the right file?"};
  for (const auto& [key, value] : root.entries) {
    if (auto p = check_string_lengths(key, max_bytes)) return p;
    if (auto p = check_string_lengths(value, max_bytes)) return p;
  }
  for (const YNode& item : root.items)
    if (auto p = check_string_lengths(item, max_bytes)) return p;
  return std::nullopt;
}

std::optional<InputProblem> check_input(std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes)
    return InputProblem{{1, 1},
                        "the file is " + std::to_string(text.size()) + " bytes; the limit is " +
                            std::to_string(max_bytes) + " bytes",
                        "a CV is a few kilobytes: is this the right file?"};
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return InputProblem{{1, 1}, "the file is empty", "a CV needs at least 'cv:' with a 'name:'"};
  if (auto p = check_encoding(text)) return p;
  return check_nesting(text);
}

}  // namespace vitae::load

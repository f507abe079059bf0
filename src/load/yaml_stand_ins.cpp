#include "load/yaml_stand_ins.h"

#include <array>

#include "model/utf8.h"

namespace vitae::load {

namespace {

/// The stand-in for code point `c` (at most U+FFFF) is U+F0000 + c: UTF-8 F3 B0..BF xx xx.
constexpr char32_t kStandInBase = 0xF0000;

/// Byte length of the UTF-8 sequence whose first byte is `lead` (the text is valid UTF-8).
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

/// Bytes that can start a character needing a stand-in, or a plane-15 character: the scan
/// skips every other byte with one table look-up (continuation bytes are never in it).
constexpr std::array<bool, 256> kWorthALook = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = c != '\t' && c != '\n' && c != '\r';
  for (int c : {0x7F, 0xC2, 0xE2, 0xEF, 0xF3}) t[c] = true;
  return t;
}();

/// The code point at `i` when libyaml would refuse it or take it for a line break; 0 otherwise.
char32_t needs_stand_in(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  unsigned char c = byte(0);
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\r' ? 0 : c;
  if (c == 0x7F) return c;
  if (c == 0xC2 && byte(1) < 0xA0) return byte(1);  // C1 controls and NEL
  if (c == 0xE2 && byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9))
    return 0x2000 + (byte(2) & 0x3F);  // LINE and PARAGRAPH SEPARATOR
  if (c == 0xEF && byte(1) == 0xBF && byte(2) >= 0xBE) return 0xFFC0 + (byte(2) & 0x3F);
  return 0;
}

bool is_stand_in(std::string_view s, std::size_t i) {
  return i + 3 < s.size() && static_cast<unsigned char>(s[i]) == 0xF3 &&
         static_cast<unsigned char>(s[i + 1]) >= 0xB0;
}

/// Walks the blanks and list dashes that open the line starting at byte `start` ("  - -\t"),
/// calling `on_tab` with the offset of each tab after a dash; returns where the walk stops.
/// A '-' not followed by a blank is text ("-5", "--"), and ends the walk.
template <typename OnTab>
std::size_t walk_line_opening(std::string_view text, std::size_t start, OnTab on_tab) {
  bool dash = false;
  std::size_t i = start;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '-' && i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\t'))
      dash = true;
    else if (c == '\t' && dash)
      on_tab(i);
    else if (c != ' ' && c != '\t')
      break;
  }
  return i;
}

}  // namespace

std::optional<std::string> with_stand_ins(std::string_view text) {
  bool needed = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!kWorthALook[static_cast<unsigned char>(text[i])]) continue;
    if (is_stand_in(text, i)) return std::nullopt;
    if (needs_stand_in(text, i)) needed = true;
  }
  if (!needed) return std::nullopt;
  std::string out;
  out.reserve(text.size() + 64);
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = sequence_length(static_cast<unsigned char>(text[i]));
    if (char32_t c = needs_stand_in(text, i))
      append_utf8(out, kStandInBase + c);
    else
      out.append(text, i, len);
    i += len;
  }
  return out;
}

void restore_stand_ins(std::string& value) {
  if (value.find('\xF3') == std::string::npos) return;
  std::string out;
  for (std::size_t i = 0; i < value.size();) {
    if (!is_stand_in(value, i)) {
      out += value[i++];
      continue;
    }
    append_utf8(out, utf8_next(value, i) - kStandInBase);
  }
  value = std::move(out);
}

bool is_tab_after_dash(std::string_view text, std::size_t tab) {
  if (tab >= text.size() || text[tab] != '\t') return false;
  std::size_t start = text.rfind('\n', tab);
  bool found = false;
  walk_line_opening(text, start == std::string_view::npos ? 0 : start + 1, [&](std::size_t t) { found |= t == tab; });
  return found;
}

std::vector<std::size_t> tabs_after_dashes(std::string_view text) {
  std::vector<std::size_t> out;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', walk_line_opening(text, start, [&](std::size_t t) { out.push_back(t); }));
    start = end == std::string_view::npos ? text.size() : end + 1;
  }
  return out;
}

}  // namespace vitae::load

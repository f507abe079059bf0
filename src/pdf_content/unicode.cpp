// UTF-8 / UTF-16BE conversion for PDF text. See unicode.h.
#include "pdf_content/unicode.h"

#include "model/utf8.h"

namespace vitae::pdf {
namespace {

template <typename Emit>
void for_each_utf16_unit(std::string_view utf8, Emit emit) {
  for (char32_t c : decode_utf8(utf8)) {
    if (c >= 0x10000) {
      c -= 0x10000;
      emit(static_cast<char16_t>(0xD800 + (c >> 10)));
      emit(static_cast<char16_t>(0xDC00 + (c & 0x3FF)));
    } else {
      emit(static_cast<char16_t>(c));
    }
  }
}

}  // namespace

std::vector<char32_t> decode_utf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) out.push_back(utf8_next(s, i));
  return out;
}

std::string utf16be_hex(std::string_view utf8) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for_each_utf16_unit(utf8, [&](char16_t u) {
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(u >> shift) & 0xF];
  });
  return out;
}

std::string utf16be_bytes(std::string_view utf8, bool bom) {
  std::string out;
  if (bom) out += "\xFE\xFF";
  for_each_utf16_unit(utf8, [&](char16_t u) {
    out += static_cast<char>(u >> 8);
    out += static_cast<char>(u & 0xFF);
  });
  return out;
}

}  // namespace vitae::pdf

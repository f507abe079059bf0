// UTF-8 decoding shared by every stage (the loader validates, layout decodes).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vitae {

/// Decodes the code point at byte `pos` of `s` and advances `pos` past it. Invalid or
/// truncated sequences (RFC 3629: overlong forms, surrogates, > U+10FFFF) decode as U+FFFD
/// and advance one byte, as HarfBuzz does.
char32_t utf8_next(std::string_view s, std::size_t& pos);

/// Appends the UTF-8 encoding of `c` to `out`.
void append_utf8(std::string& out, char32_t c);

/// Simple one-to-one case mapping for the alphabets CVs are mostly written in: ASCII,
/// Latin-1, Latin Extended-A, basic Greek and Cyrillic. Other characters map to themselves.
/// Keeps the character count (no "ß" -> "SS"), which hyphenation positions rely on.
char32_t simple_lower(char32_t c);
char32_t simple_upper(char32_t c);

/// The byte offset of the first invalid UTF-8 sequence in `s`, or npos when `s` is valid.
/// Overlong forms, surrogates and values above U+10FFFF are invalid.
std::size_t find_invalid_utf8(std::string_view s);

}  // namespace vitae

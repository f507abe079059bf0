// UTF-8 decoding shared by every stage (the loader validates, layout decodes).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vitae {

/// Appends the UTF-8 encoding of `c` to `out`.
void append_utf8(std::string& out, char32_t c);

/// The byte offset of the first invalid UTF-8 sequence in `s`, or npos when `s` is valid.
/// Overlong forms, surrogates and values above U+10FFFF are invalid.
std::size_t find_invalid_utf8(std::string_view s);

}  // namespace vitae

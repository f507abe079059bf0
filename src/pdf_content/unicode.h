// UTF-8 decoding and the UTF-16BE encodings PDF uses for text strings and ToUnicode.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vitae::pdf {

/// Decodes UTF-8; each malformed byte becomes U+FFFD (text is validated upstream; this
/// only has to be safe).
std::vector<char32_t> decode_utf8(std::string_view utf8);

// Encoding UTF-8 is vitae::append_utf8 (model/utf8.h).

/// UTF-16BE code units of `utf8` as uppercase hex, 4 digits per unit ("00660069").
std::string utf16be_hex(std::string_view utf8);

/// UTF-16BE bytes of `utf8`, preceded by the byte order mark FE FF when `bom` is set:
/// the PDF text-string encoding for anything outside PDFDocEncoding (PDF 1.7, 7.9.2.2).
std::string utf16be_bytes(std::string_view utf8, bool bom);

}  // namespace vitae::pdf

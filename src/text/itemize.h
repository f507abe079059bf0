// Itemisation and font fallback: a paragraph string -> runs of one script and one font,
// each shaped; characters no font has are reported, not printed.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/font.h"
#include "text/font_library.h"
#include "text/shape.h"

namespace vitae {

/// The fonts tried, in order, for each character: `fonts` (the chosen font first), then,
/// with `library` set, the other bundled family (library.fallbacks) when `bundled_fallbacks`
/// says so, then fontconfig's best match. The library's fonts are looked up only for a
/// character the fonts before them lack: most CVs never need them, and loading the other
/// family's four faces cost 0.3 ms of every build.
struct FontChain {
  std::vector<std::shared_ptr<const Font>> fonts;
  const FontLibrary* library = nullptr;  ///< for the fallbacks below; null: none
  bool bundled_fallbacks = false;        ///< try library.fallbacks(fonts.front()) next
  FontWeight weight = FontWeight::Regular;
  FontStyle style = FontStyle::Upright;
};

/// The usual chain: `primary`, then the other bundled family, then system fallback, both
/// through `library` (which must outlive the chain; system fallback does nothing if
/// fontconfig is disabled).
FontChain make_font_chain(const FontLibrary& library, std::shared_ptr<const Font> primary,
                          FontWeight weight, FontStyle style);

/// A maximal byte range of one script and one font.
struct TextItem {
  std::size_t begin = 0, end = 0;  ///< byte offsets into the paragraph string
  std::string script;              ///< ISO 15924 tag, e.g. "Latn", "Hebr"
  TextDirection direction = TextDirection::LeftToRight;  ///< the script's direction
  std::shared_ptr<const Font> font;
};

/// A character that no font in the chain has (shaped as .notdef in the chosen font).
struct MissingChar {
  char32_t codepoint = 0;
  std::size_t offset = 0;  ///< byte offset into the paragraph string
};

/// The result of itemize().
struct Itemization {
  std::vector<TextItem> items;       ///< in logical order, covering [begin, end)
  std::vector<MissingChar> missing;  ///< in text order; one record per occurrence
};

/// Splits bytes [begin, end) of `text` into items. Scripts come from the Unicode Script
/// property (HarfBuzz's hb_unicode_script); Common and Inherited characters (spaces,
/// digits, punctuation, combining marks) join the preceding script, or the following one
/// at the start; text of Common script only gets `default_script`. Spaces, punctuation
/// and digits join a right-to-left script only inside it (never digits), since items are
/// not bidi-reordered. A character goes to the
/// first font of the chain that has it, with its combining marks (so a base and its
/// accents stay in one font); format and control characters (ZWJ, soft hyphen) join
/// their neighbour's font. Departs from UAX #24 in not pairing brackets; no bidi reordering
/// (UAX #9) happens between items.
Itemization itemize(std::string_view text, std::size_t begin, std::size_t end,
                    const FontChain& chain, const std::string& default_script = "Latn");

/// One item and its glyphs (clusters are byte offsets into the paragraph string).
struct ShapedRun {
  TextItem item;
  std::vector<ShapedGlyph> glyphs;
};

/// The result of shape_text().
struct ShapedText {
  std::vector<ShapedRun> runs;
  std::vector<MissingChar> missing;
};

/// Itemises bytes [begin, end) of `text` and shapes each item with its font, `options`
/// giving size, features and language (script and direction come from each item). The
/// whole `text` is HarfBuzz context, so re-shaping a sub-range after a line break gives
/// the same glyphs as the full shaping wherever unsafe_to_break is false.
ShapedText shape_text(std::string_view text, std::size_t begin, std::size_t end,
                      const FontChain& chain, const ShapeOptions& options,
                      ShapeBuffer* buffer = nullptr);

/// "U+E000 (at byte 12) was not found in any font" - the diagnostic text for a record.
std::string missing_char_message(const MissingChar& missing);

/// Decodes one UTF-8 character at `pos` (advancing it); invalid bytes give U+FFFD and
/// advance one byte, as HarfBuzz does.
char32_t decode_utf8(std::string_view text, std::size_t& pos);

}  // namespace vitae

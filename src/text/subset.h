// Font subsetting for PDF embedding, with glyph ids remapped to a dense range.
// This header is free of HarfBuzz types: the PDF writer uses it, HarfBuzz stays in src/text.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "text/font.h"

namespace vitae {

/// A subset of one font face, ready to embed.
struct FontSubset {
  /// The font program to embed: a whole sfnt for TrueType outlines (FontFile2), or only the
  /// bare 'CFF ' table for CFF outlines (FontFile3 /CIDFontType0C).
  std::string program;
  /// Old glyph id -> new glyph id, for every glyph asked for (and .notdef).
  /// Sorted by old id; look up with `new_glyph`.
  std::vector<std::pair<uint16_t, uint16_t>> old_to_new;
  /// "ABCDEF": six uppercase letters derived from the glyph set, so that the same
  /// document always gets the same subset names.
  std::string tag;

  /// The new glyph id of an old one, or nullopt when the glyph is not in the subset.
  std::optional<uint16_t> new_glyph(uint16_t old_id) const;
};

/// Subsets `font` to `glyphs` (plus .notdef) with hb-subset: only the tables the PDF embeds
/// are kept (no layout table's closure pulls in extra glyphs), hinting dropped, glyph ids
/// remapped (not retained: retaining bloats CFF subsets about 5x). Returns nullopt and
/// sets `error` when HarfBuzz cannot subset the face.
std::optional<FontSubset> subset_font(const Font& font, const std::set<uint16_t>& glyphs,
                                      std::string* error);

/// The nominal glyph of a code point through the font's cmap, or nullopt. For tests and
/// diagnostics: real text goes through shaping.
std::optional<uint16_t> glyph_for_codepoint(const Font& font, char32_t c);

/// For each of `glyphs` that the font's cmap reaches, the smallest code point mapping to
/// it. The PDF writer's fallback text for glyphs that carry no text in the document (the
/// second glyph of a decomposed cluster), so that extractors do not print "(cid:12)".
std::map<uint16_t, char32_t> nominal_codepoints(const Font& font, const std::set<uint16_t>& glyphs);

}  // namespace vitae

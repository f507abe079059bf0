// ShapeCache: shaped words, memoised per build. A CV repeats words and whole phrases
// (names, venues, months), and shaping is the costliest step of inline layout.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "layout/inline.h"
#include "text/shape.h"

namespace vitae {

/// Glyphs of one font, from shaping a piece of text.
struct PieceRun {
  std::shared_ptr<const Font> font;
  std::size_t start = 0, end = 0;  ///< byte range in the shaped text
  std::vector<Glyph> glyphs;       ///< clusters are byte offsets into the shaped text
};

/// The result of shaping one piece with fallback: runs in logical order.
struct ShapedPiece {
  std::vector<PieceRun> runs;
  std::vector<std::pair<char32_t, std::size_t>> missing;  ///< code points no font has
  Abs width;
};

/// Not thread-safe: one per build (builds in parallel each have their own).
class ShapeCache {
 public:
  /// Shapes `text` in `style` (with the style's font chain), or returns the cached result.
  const ShapedPiece& shape(const TextStyle& style, std::string_view text);
  /// A space in `style`.
  const ShapedPiece& space(const TextStyle& style) { return shape(style, " "); }

 private:
  // Pieces live in the map's nodes, which never move: references stay valid.
  std::unordered_map<std::string, ShapedPiece> cache_;
  std::string key_;  ///< scratch space for the key of the piece looked up
  ShapeBuffer buffer_;  ///< HarfBuzz's, reused for every word shaped
};

}  // namespace vitae

// ShapeCache: shaped words, memoised. A CV repeats words and whole phrases (names, venues,
// months), and shaping is the costliest step of inline layout. One cache serves every
// thread of a build (and may serve the builds of a batch); each thread shapes through a
// Shaper of its own.
#pragma once

#include <memory>
#include <mutex>
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

/// The shared store. Thread-safe: lookups and insertions take a lock, shaping happens
/// outside it (Shaper). Pieces live in the map's nodes, which never move, so a reference
/// handed out stays valid, whatever other threads insert, for the cache's lifetime.
class ShapeCache {
 public:
  /// The piece stored under `key`, or null.
  const ShapedPiece* find(const std::string& key) const;
  /// Stores `piece` under `key` unless a piece is there already (another thread shaped the
  /// same word meanwhile: shaping is a pure function, so both are the same), and returns
  /// the stored one.
  const ShapedPiece& insert(const std::string& key, ShapedPiece piece);

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, ShapedPiece> pieces_;
};

/// One thread's way into a ShapeCache: the scratch a lookup and a shaping need. Not
/// thread-safe; one per thread, any number per cache.
class Shaper {
 public:
  explicit Shaper(ShapeCache& cache) : cache_(cache) {}
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  /// Shapes `text` in `style` (with the style's font chain), or returns the cached result.
  const ShapedPiece& shape(const TextStyle& style, std::string_view text);
  /// A space in `style`.
  const ShapedPiece& space(const TextStyle& style) { return shape(style, " "); }
  ShapeCache& cache() const { return cache_; }

 private:
  ShapeCache& cache_;
  std::string key_;     ///< the key of the piece looked up: reused, so hits allocate nothing
  ShapeBuffer buffer_;  ///< HarfBuzz's, reused for every word this thread shapes
};

}  // namespace vitae

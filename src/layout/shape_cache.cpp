#include "layout/shape_cache.h"

#include "text/itemize.h"
#include "text/shape.h"

namespace vitae {

namespace {

// Cache key: font identity, size, features and the text, written into `key` (a buffer
// kept by the shaper, so that the thousands of hits in a build allocate nothing).
void cache_key(const TextStyle& style, std::string_view text, std::string& key) {
  key.clear();
  const Font* font = style.font.get();
  key.append(reinterpret_cast<const char*>(&font), sizeof font);
  double size = style.size.to_pt();
  key.append(reinterpret_cast<const char*>(&size), sizeof size);
  for (const std::string& f : style.features) {
    key += f;
    key += ',';
  }
  key += '\x1f';
  key.append(text);
}

ShapedPiece shape_piece(const TextStyle& style, std::string_view text, ShapeBuffer& buffer) {
  ShapeOptions opts;
  opts.size = style.size;
  opts.features = style.features;
  ShapedText shaped = shape_text(text, 0, text.size(), style.chain, opts, &buffer);
  ShapedPiece piece;
  piece.runs.reserve(shaped.runs.size());
  for (const ShapedRun& r : shaped.runs) {
    PieceRun& run = piece.runs.emplace_back(PieceRun{r.item.font, r.item.begin, r.item.end, {}});
    run.glyphs.reserve(r.glyphs.size());
    for (const ShapedGlyph& g : r.glyphs) {
      run.glyphs.push_back({g.id, g.x_advance, g.x_offset, g.y_offset, g.cluster});
      piece.width += g.x_advance;
    }
  }
  for (const MissingChar& m : shaped.missing) piece.missing.push_back({m.codepoint, m.offset});
  return piece;
}

}  // namespace

const ShapedPiece* ShapeCache::find(const std::string& key) const {
  std::lock_guard lock(mutex_);
  auto it = pieces_.find(key);
  return it == pieces_.end() ? nullptr : &it->second;
}

const ShapedPiece& ShapeCache::insert(const std::string& key, ShapedPiece piece) {
  std::lock_guard lock(mutex_);
  return pieces_.try_emplace(key, std::move(piece)).first->second;
}

const ShapedPiece& Shaper::shape(const TextStyle& style, std::string_view text) {
  cache_key(style, text, key_);
  if (const ShapedPiece* hit = cache_.find(key_)) return *hit;
  return cache_.insert(key_, shape_piece(style, text, buffer_));
}

}  // namespace vitae

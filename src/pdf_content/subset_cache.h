// Font subsets memoised across the documents of a batch. The variants of one CV draw mostly
// the same glyphs of the same fonts, and subsetting a font and compressing its program are
// the costliest part of preparing a PDF (about a third of a variant's build), so a batch
// shares one cache, as it shares its ShapeCache. Subsetting and compression are pure
// functions of their inputs: a document gets the same bytes from the cache as without it.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "pdf_content/flate.h"
#include "text/font.h"
#include "text/subset.h"

namespace vitae::pdf {

/// One font's subset for one glyph set, with its program compressed at each level asked.
class CachedSubset {
 public:
  explicit CachedSubset(FontSubset subset) : subset_(std::move(subset)) {}
  /// Codes as content uses them (CIDs for a CID-keyed CFF font).
  const FontSubset& subset() const { return subset_; }
  /// The program as a stream: compressed with `deflater` (null: as it is), made once per
  /// compression level.
  StreamData program(Deflater* deflater) const;

 private:
  FontSubset subset_;
  mutable std::mutex mutex_;
  mutable std::map<int, StreamData> programs_;  ///< by level; -1: uncompressed
};

/// The store, keyed by font and glyph set. Thread-safe; what it hands out lives as long as
/// anyone holds it. It keeps the fonts it has seen alive, so a key's font is never another.
class SubsetCache {
 public:
  /// The subset of `font` for `glyphs`, made by `make` on the first request (outside the
  /// lock: two threads may both make it, and the first stored wins). Nothing when `make`
  /// fails; failures are not stored.
  std::shared_ptr<const CachedSubset> get(const std::shared_ptr<const Font>& font, const std::set<uint16_t>& glyphs,
                                          const std::function<std::optional<FontSubset>()>& make);

 private:
  std::mutex mutex_;
  std::map<std::pair<const Font*, std::string>, std::shared_ptr<const CachedSubset>> entries_;
  std::set<std::shared_ptr<const Font>> fonts_;
};

}  // namespace vitae::pdf

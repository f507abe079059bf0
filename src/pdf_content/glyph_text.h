// Which text each glyph stands for: clusters, the ToUnicode choice per glyph, and the
// ToUnicode CMap itself. Text extraction from the PDF depends on all of it.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vitae/pages.h"

namespace vitae::pdf {

/// The glyphs [first, first + count) of a run and the source text they stand for together.
struct Cluster {
  std::size_t first = 0, count = 0;
  std::string_view text;
};

/// Splits a run into clusters (pages.h: consecutive glyphs sharing a cluster value; the
/// text runs to the next larger cluster value or the end of run.text). Out-of-range
/// cluster values give empty text rather than undefined behaviour.
std::vector<Cluster> clusters_of(const GlyphRun& run);

/// Glyph id -> the text (UTF-8) ToUnicode gives it.
using GlyphTextMap = std::map<uint16_t, std::string>;

/// Counts, over a whole document, which texts each glyph of one font stands for, and picks
/// one per glyph. ToUnicode can hold only one text per glyph; picking the most frequent one
/// keeps the number of /ActualText spans (which pdfminer and MuPDF ignore) small.
class ToUnicodeTally {
 public:
  /// Records the clusters of one run. Single-glyph clusters vote for their text; the first
  /// glyph of a multi-glyph cluster votes with lower priority (used only when the glyph
  /// never occurs alone).
  void add_run(const GlyphRun& run);
  /// The chosen text per glyph: most votes, ties broken by the smaller string, so the
  /// result does not depend on the order of runs. Glyphs without any text are absent.
  GlyphTextMap choose() const;

 private:
  /// The texts one glyph stood for, with their votes. Few per glyph: searched linearly.
  struct Votes {
    std::string text;
    int alone = 0, leading = 0;
  };
  std::vector<Votes>& votes_of(uint16_t glyph);
  /// The text with the most votes of one kind; on a tie the smaller string, so the choice
  /// does not depend on the order of runs. Null when no text has a vote of that kind.
  static const std::string* most_voted(const std::vector<Votes>& votes, int Votes::*count);

  std::vector<uint32_t> slot_;  ///< glyph id -> 1 + index into votes_, or 0
  std::vector<std::vector<Votes>> votes_;
};

/// Whether the ToUnicode texts of a cluster's glyphs, concatenated, give the cluster's
/// text. Where they do not, the cluster needs /ActualText. `text_of(glyph id)` returns
/// the glyph's ToUnicode text (empty for none) as something convertible to string_view.
template <typename TextOf>
  requires std::invocable<TextOf, uint16_t>
bool cluster_extracts_exactly(const GlyphRun& run, const Cluster& c, TextOf&& text_of) {
  std::string_view rest = c.text;
  for (std::size_t i = c.first; i < c.first + c.count; ++i) {
    const std::string_view t = text_of(run.glyphs[i].id);
    if (!rest.starts_with(t)) return false;
    rest.remove_prefix(t.size());
  }
  return rest.empty();
}

/// The same with the texts of a GlyphTextMap.
bool cluster_extracts_exactly(const GlyphRun& run, const Cluster& c, const GlyphTextMap& map);

/// A ToUnicode CMap (PDF 1.7, 9.10.3) for 2-byte codes: `entries` maps codes (new glyph
/// ids) to UTF-8 text, in increasing code order. bfchar blocks hold at most 100 entries,
/// the limit of the CMap format.
std::string to_unicode_cmap(const std::vector<std::pair<uint16_t, std::string>>& entries);

}  // namespace vitae::pdf

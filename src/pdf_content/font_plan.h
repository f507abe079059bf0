// The fonts of a document, collected and subset before any content is written: subsetting
// renumbers glyphs, so content streams can only be written afterwards.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pdf_content/glyph_text.h"
#include "text/subset.h"
#include "vitae/diagnostics.h"
#include "vitae/pages.h"

namespace vitae {
class Workers;
}

namespace vitae::pdf {

class CachedSubset;
class SubsetCache;

/// What writing content needs of one original glyph: looked up per glyph drawn, so kept
/// in a table indexed by the original glyph id rather than in maps.
struct GlyphCode {
  bool in_subset = false;
  uint16_t code = 0;       ///< written in content: the subset glyph id, or the CID
  double width_1000 = 0;   ///< EmbeddedFont::width_1000 of the glyph
  std::string text;        ///< its ToUnicode text; empty for none
};

/// One font as it will be embedded.
struct EmbeddedFont {
  std::shared_ptr<const Font> font;
  std::string resource;  ///< page resource name: "F1", "F2", ... in order of first use
  /// The subset. Its old_to_new maps original glyph ids to the codes written in content,
  /// /W and ToUnicode: subset glyph indices, or CIDs for a CID-keyed CFF font.
  FontSubset subset;
  GlyphTextMap to_unicode;  ///< keyed by ORIGINAL glyph id
  /// subset and to_unicode again, indexed by original glyph id (made by plan_fonts).
  std::vector<GlyphCode> codes;
  /// Where the subset came from when plan_fonts had a SubsetCache: its compressed program
  /// is then made once for the whole batch. Null otherwise.
  std::shared_ptr<const CachedSubset> cached;

  /// The entry of an original glyph in `codes`, or null when it is not in the subset.
  const GlyphCode* code(uint16_t old_glyph) const;
  /// Advance of an original glyph in thousandths of an em, rounded exactly as it is
  /// written into /W, so content-stream positioning can compensate for the rounding.
  double width_1000(uint16_t old_glyph) const;
  /// The PostScript name with the subset tag: "ABCDEF+Lato-Regular".
  std::string base_font() const;
};

/// All fonts of a document, in order of first use.
struct FontPlan {
  std::vector<EmbeddedFont> fonts;
  std::map<const Font*, std::size_t> index;  ///< lookup only; never iterated for output

  const EmbeddedFont* find(const Font* f) const;
};

/// Collects every font and glyph of the document, tallies glyph texts for ToUnicode and
/// subsets each font, fonts on `workers`' helpers too when given (the result does not
/// depend on it). Returns nullopt (with an error in `diags`) when a font cannot be subset or a run
/// has no font.
/// With `cache`, subsets are taken from it and stored in it (the same subsets as without).
std::optional<FontPlan> plan_fonts(const LaidOutDocument& doc, Diagnostics& diags,
                                   Workers* workers = nullptr, SubsetCache* cache = nullptr);

/// Whether a run should be drawn at all (a font, a positive size and some glyphs).
bool drawable(const GlyphRun& run);

}  // namespace vitae::pdf

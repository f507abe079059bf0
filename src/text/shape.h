// Shaping: UTF-8 text + Font + size + OpenType features -> positioned glyphs (HarfBuzz).
// The types here are the engine's own; no HarfBuzz type crosses this header.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/font.h"
#include "vitae/length.h"

struct hb_buffer_t;  // HarfBuzz's, opaque: only text/shape.cpp looks inside

namespace vitae {

/// Horizontal direction of a run of text.
enum class TextDirection { LeftToRight, RightToLeft };

/// Everything but the text and the font that determines how text is shaped.
struct ShapeOptions {
  /// Font size: one em.
  Abs size = Abs::pt(10);
  /// OpenType features in HarfBuzz/CSS syntax: "+smcp", "onum", "-kern", "liga=0",
  /// "ss01=1". Kerning and standard ligatures are on unless turned off here.
  /// Invalid strings are skipped; check them first with parse_feature().
  std::vector<std::string> features;
  /// ISO 15924 script tag ("Latn", "Hebr"). Empty: guessed from the text.
  std::string script;
  /// BCP 47 language tag ("en-US", "de"). Empty: no language (OpenType default system).
  std::string language;
  TextDirection direction = TextDirection::LeftToRight;
};

/// One positioned glyph. Lengths are at the size that was shaped.
struct ShapedGlyph {
  uint16_t id = 0;  ///< glyph index in the font (0 = .notdef)
  Abs x_advance;
  Abs x_offset;
  Abs y_offset;  ///< positive moves up
  /// Horizontal advance in font units (exact; for PDF widths in thousandths of an em).
  int32_t x_advance_units = 0;
  /// Byte offset into the string of the first character this glyph comes from. Several
  /// glyphs share a cluster (decompositions), one glyph covers several characters
  /// (ligatures: the next cluster value says where its text ends).
  uint32_t cluster = 0;
  /// HarfBuzz's HB_GLYPH_FLAG_UNSAFE_TO_BREAK: breaking the text right before this
  /// glyph's cluster and shaping the two sides separately would give different glyphs
  /// (a ligature or kerning pair spans it), so the line breaker must re-shape there.
  bool unsafe_to_break = false;
};

/// A shaping buffer kept between calls of shape() on one thread: a fresh buffer per call
/// costs three allocations and their frees, and a layout shapes hundreds of words.
/// Not thread-safe; cheap to create.
class ShapeBuffer {
 public:
  ShapeBuffer();
  ~ShapeBuffer();
  ShapeBuffer(const ShapeBuffer&) = delete;
  ShapeBuffer& operator=(const ShapeBuffer&) = delete;

 private:
  friend std::vector<ShapedGlyph> shape(const Font&, std::string_view, std::size_t, std::size_t,
                                        const ShapeOptions&, ShapeBuffer*);
  hb_buffer_t* take();  ///< the buffer, emptied
  hb_buffer_t* buffer_;
};

/// Shapes bytes [begin, end) of `text` with `font`. The rest of `text` is given to HarfBuzz
/// as context (for contextual forms), and clusters are byte offsets into the whole `text`.
/// Glyphs are in visual order: for RightToLeft, clusters decrease. `text` should be valid
/// UTF-8 (invalid bytes shape as U+FFFD). An empty range gives no glyphs. Throws
/// std::bad_alloc when memory runs out (never drops text silently); nothing else.
/// `buffer`, when given, is reused instead of a buffer of its own.
std::vector<ShapedGlyph> shape(const Font& font, std::string_view text, std::size_t begin,
                               std::size_t end, const ShapeOptions& options,
                               ShapeBuffer* buffer = nullptr);

/// Shapes all of `text`.
std::vector<ShapedGlyph> shape(const Font& font, std::string_view text,
                               const ShapeOptions& options);

/// Checks one feature string ("+smcp", "onum", "kern=0"). Returns false and sets `error`
/// (if given) when HarfBuzz cannot parse it, so the caller can report a diagnostic.
bool parse_feature(const std::string& feature, std::string* error);

/// Whether `font` has the OpenType substitution feature `tag` ("smcp") for any script:
/// asking for a feature a font lacks changes nothing, so the caller can say so.
bool has_substitution_feature(const Font& font, std::string_view tag);

/// Sum of the advances of `glyphs`.
Abs total_advance(const std::vector<ShapedGlyph>& glyphs);

}  // namespace vitae

// Font: one face of a font file, loaded once and shared between builds and threads.
// This header is free of HarfBuzz and FreeType types, so other stages can include it.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace vitae {

/// Global metrics of a face, in font units.
struct FontMetrics {
  int units_per_em = 1000;
  int ascender = 0, descender = 0;  ///< descender is negative
  int line_gap = 0;
  int cap_height = 0, x_height = 0;
  int bbox_x_min = 0, bbox_y_min = 0, bbox_x_max = 0, bbox_y_max = 0;
  double italic_angle = 0;
  bool is_fixed_pitch = false;
  bool is_serif = false;
  bool is_italic = false;
  bool is_bold = false;
  int weight_class = 400;  ///< OS/2 usWeightClass, 1..1000 (400 when absent or out of range)
};

/// An immutable font face. Thread-safe for reading after construction.
/// Created by the text stage (src/text/font_library.h); the implementation owns the
/// HarfBuzz face and the file bytes.
class Font {
 public:
  virtual ~Font() = default;

  virtual const std::string& family() const = 0;
  virtual const std::string& postscript_name() const = 0;
  virtual const std::string& path() const = 0;  ///< file it was loaded from
  /// The whole font file (one face; collections are rejected at load time).
  virtual std::span<const uint8_t> data() const = 0;
  /// True for CFF outlines (.otf with a 'CFF ' table), false for TrueType 'glyf'.
  virtual bool is_cff() const = 0;
  virtual const FontMetrics& metrics() const = 0;
  /// Horizontal advance of a glyph, in font units.
  virtual int glyph_advance(uint16_t glyph) const = 0;
  /// Whether the font maps this code point to a glyph.
  virtual bool has_codepoint(char32_t c) const = 0;
  /// Whether the font has every printable ASCII character (U+0020..U+007E): most words of
  /// a CV, which itemisation then needs to look at no further (text/itemize.cpp).
  virtual bool has_printable_ascii() const = 0;
};

}  // namespace vitae

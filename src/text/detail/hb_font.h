// HbFont: the concrete Font of the text stage, backed by a HarfBuzz face.
//
// PRIVATE to src/text: this is the one header that names HarfBuzz types, so that the
// shaper (shape.cpp) can reach the hb_font_t of a Font. Other stages must include
// text/font.h and text/font_library.h only; nothing here is part of the stage's API.
#pragma once

#include <hb.h>

#include <cstdint>
#include <string>
#include <vector>

#include "text/font.h"

namespace vitae::text_detail {

/// A font face loaded from one file. Owns the file bytes and an immutable HarfBuzz face
/// and font (scale = units per em, so HarfBuzz positions come out in font units, exact).
/// Immutable after construction; HarfBuzz objects made immutable are safe to shape with
/// from several threads at once (HarfBuzz docs, "Object model: thread safety").
class HbFont final : public Font {
 public:
  /// Takes ownership of the file bytes; `face_blob_ok` checks were done by the caller.
  /// Takes ownership of `blob` (the whole font file, usually mapped).
  HbFont(std::string path, hb_blob_t* blob);
  ~HbFont() override;
  HbFont(const HbFont&) = delete;
  HbFont& operator=(const HbFont&) = delete;

  const std::string& family() const override { return family_; }
  const std::string& postscript_name() const override { return postscript_name_; }
  const std::string& path() const override { return path_; }
  std::span<const uint8_t> data() const override { return bytes_; }
  bool is_cff() const override { return is_cff_; }
  const FontMetrics& metrics() const override { return metrics_; }
  int glyph_advance(uint16_t glyph) const override;
  bool has_codepoint(char32_t c) const override;
  bool has_printable_ascii() const override { return printable_ascii_; }

  /// Number of glyphs in the face (0 means the face is unusable).
  unsigned glyph_count() const { return glyph_count_; }
  /// The immutable HarfBuzz font, scaled to units per em. Valid as long as this object.
  hb_font_t* hb() const { return font_; }

 private:
  void read_names();
  void read_metrics();

  std::string path_;
  std::span<const uint8_t> bytes_;  ///< the blob's data
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;
  std::string family_;
  std::string postscript_name_;
  bool is_cff_ = false;
  FontMetrics metrics_;
  unsigned glyph_count_ = 0;
  bool printable_ascii_ = false;
};

/// The HbFont behind a Font made by this stage (every Font is one; checked).
const HbFont& hb_font_of(const Font& font);

}  // namespace vitae::text_detail

// PNG files, through libpng's simplified API (png_image): the size for layout, the pixels
// for the PDF, which has no PNG filter of its own (a PNG's IDAT is not a bare Flate stream
// of pixels: rows carry filter bytes, and alpha is interleaved).
#pragma once

#include <optional>
#include <string>

#include "vitae/image.h"

namespace vitae::image {

/// A PNG's size and components (ImageFile without path and bytes), or nothing with
/// `error` set when libpng cannot read its header.
std::optional<ImageFile> png_header(const std::string& bytes, std::string* error);

/// Decoded pixels, 8 bits per component, rows top to bottom, no padding.
struct Pixels {
  int width = 0, height = 0;
  int components = 0;  ///< of `color`: 1 (grey) or 3 (RGB)
  std::string color;   ///< width * height * components bytes
  std::string alpha;   ///< width * height bytes, or empty when the image is opaque
};

/// The pixels of a PNG, as 8-bit sRGB (16-bit and palette images converted); an alpha
/// channel or tRNS transparency comes apart as `alpha`. Nothing, with `error` set, when
/// the data is damaged.
std::optional<Pixels> decode_png(const std::string& bytes, std::string* error);

}  // namespace vitae::image

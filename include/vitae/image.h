// An image file a CV names (cv.photo): read once by the loader, its pixel size known to
// layout (for the aspect ratio), its bytes carried to the PDF writer, which does not open
// the file again. Immutable and shared between the model, the pages and the writer.
#pragma once

#include <memory>
#include <string>

namespace vitae {

enum class ImageFormat { Jpeg, Png };

struct ImageFile {
  std::string path;  ///< as resolved (relative to the naming file's folder), for messages and the dump
  ImageFormat format = ImageFormat::Png;
  int width = 0, height = 0;  ///< in pixels
  /// Colour components: JPEG 1 (grey) or 3 (RGB, YCbCr); PNG as decoded: 1 or 3, plus alpha.
  int components = 0;
  bool alpha = false;  ///< PNG with an alpha channel or transparency
  std::string bytes;   ///< the file as read
};

}  // namespace vitae

// Image XObjects' streams (the header's photo), made without PoDoFo like every other
// stream: a JPEG goes in as it is, under /DCTDecode, which is JPEG (PDF 1.7, 7.4.8); a PNG
// is decoded to pixels (PDF has no PNG filter that takes the file) and Flate-compressed,
// its alpha channel, if any, a soft mask of its own (PDF 1.7, 11.6.5.3).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pdf_content/flate.h"
#include "vitae/pages.h"

namespace vitae::pdf {

/// Each image of a document once (the same ImageFile on several pages is embedded once),
/// in order of first appearance: deterministic, and independent of pointer values.
struct ImagePlan {
  std::vector<std::shared_ptr<const ImageFile>> images;

  /// Its index in `images`, or nothing when it is not there.
  std::optional<std::size_t> index_of(const ImageFile* image) const {
    for (std::size_t i = 0; i < images.size(); ++i)
      if (images[i].get() == image) return i;
    return std::nullopt;
  }
  /// The resource name of image `i` in the pages' /XObject dictionaries: Im1, Im2, ...
  static std::string resource(std::size_t i) { return "Im" + std::to_string(i + 1); }
};

ImagePlan plan_images(const LaidOutDocument& doc);

/// What an image XObject holds: its dictionary's values and its streams.
struct ImageStreams {
  int width = 0, height = 0;  ///< pixels
  int components = 0;         ///< 1: /DeviceGray, 3: /DeviceRGB; 8 bits each
  StreamData data;            ///< the samples; `dct` or Flate-compressed or neither
  bool dct = false;           ///< `data` is a JPEG file: /Filter /DCTDecode
  std::optional<StreamData> soft_mask;  ///< PNG alpha: 8-bit /DeviceGray samples
};

/// The streams of one image, compressed with `deflater` (null: stored as they are).
/// Throws std::runtime_error when a PNG whose header the loader read cannot be decoded.
ImageStreams image_streams(const ImageFile& image, Deflater* deflater);

}  // namespace vitae::pdf

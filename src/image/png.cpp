// PNG through libpng's simplified API. See png.h. It reports errors in image.message
// instead of longjmp, so no C++ object is skipped by an error.
#include "image/png.h"

#include <png.h>

namespace vitae::image {
namespace {

/// png_image owns libpng's state until freed, whatever path the caller leaves by.
struct PngReader {
  png_image image{};
  PngReader() { image.version = PNG_IMAGE_VERSION; }
  ~PngReader() { png_image_free(&image); }
  PngReader(const PngReader&) = delete;
  PngReader& operator=(const PngReader&) = delete;

  bool begin(const std::string& bytes, std::string* error) {
    if (png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) return true;
    *error = std::string("is not a readable PNG image (libpng: ") + image.message + ")";
    return false;
  }
  bool color() const { return (image.format & PNG_FORMAT_FLAG_COLOR) != 0; }
  bool alpha() const { return (image.format & PNG_FORMAT_FLAG_ALPHA) != 0; }
};

}  // namespace

std::optional<ImageFile> png_header(const std::string& bytes, std::string* error) {
  PngReader r;
  if (!r.begin(bytes, error)) return std::nullopt;
  ImageFile img;
  img.format = ImageFormat::Png;
  img.width = static_cast<int>(r.image.width);
  img.height = static_cast<int>(r.image.height);
  img.components = r.color() ? 3 : 1;
  img.alpha = r.alpha();
  return img;
}

std::optional<Pixels> decode_png(const std::string& bytes, std::string* error) {
  PngReader r;
  if (!r.begin(bytes, error)) return std::nullopt;
  const bool alpha = r.alpha();
  Pixels px;
  px.width = static_cast<int>(r.image.width);
  px.height = static_cast<int>(r.image.height);
  px.components = r.color() ? 3 : 1;
  // 8-bit sRGB, no colour map; alpha kept (not premultiplied in this format).
  r.image.format = (r.color() ? PNG_FORMAT_FLAG_COLOR : 0) | (alpha ? PNG_FORMAT_FLAG_ALPHA : 0);
  std::string buffer(PNG_IMAGE_SIZE(r.image), '\0');
  if (!png_image_finish_read(&r.image, nullptr, buffer.data(), 0, nullptr)) {
    *error = std::string("is a damaged PNG image (libpng: ") + r.image.message + ")";
    return std::nullopt;
  }
  if (!alpha) {
    px.color = std::move(buffer);
    return px;
  }
  // Interleaved colour and alpha, split into the image and its soft mask.
  const std::size_t n = static_cast<std::size_t>(px.width) * px.height;
  const int step = px.components + 1;
  px.color.resize(n * px.components);
  px.alpha.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (int c = 0; c < px.components; ++c) px.color[i * px.components + c] = buffer[i * step + c];
    px.alpha[i] = buffer[i * step + px.components];
  }
  return px;
}

}  // namespace vitae::image

// Recognising an image file. See probe.h.
#include "image/probe.h"

#include "image/jpeg.h"
#include "image/limits.h"
#include "image/png.h"

namespace vitae::image {
namespace {

bool starts_with(const std::string& bytes, std::string_view magic) {
  return bytes.size() >= magic.size() && std::string_view(bytes).substr(0, magic.size()) == magic;
}

}  // namespace

std::optional<ImageFile> probe_image(std::string path, std::string bytes, std::string* error) {
  if (bytes.size() > kMaxBytes)
    return *error = "is larger than the limit of " + std::to_string(kMaxBytes / (1024 * 1024)) + " MB", std::nullopt;
  // By content, not by name: a .jpg that is really a PNG still works.
  std::optional<ImageFile> img;
  if (starts_with(bytes, "\x89PNG\r\n\x1a\n"))
    img = png_header(bytes, error);
  else if (starts_with(bytes, "\xff\xd8\xff"))
    img = jpeg_header(bytes, error);
  else
    *error = "is not a JPEG or PNG image";
  if (!img) return std::nullopt;
  if (img->width <= 0 || img->height <= 0 || img->width > kMaxSide || img->height > kMaxSide) {
    *error = "is " + std::to_string(img->width) + "x" + std::to_string(img->height) +
             " pixels, larger than the limit of " + std::to_string(kMaxSide) + "x" + std::to_string(kMaxSide);
    return std::nullopt;
  }
  img->path = std::move(path);
  img->bytes = std::move(bytes);
  return img;
}

}  // namespace vitae::image

// Recognising an image file and reading its size, with libpng and libjpeg (the libraries
// PoDoFo itself uses), without decoding its pixels.
#pragma once

#include <optional>
#include <string>

#include "vitae/image.h"

namespace vitae::image {

/// The file's format, pixel size and components, its bytes moved in. Nothing, with `error`
/// set to a sentence ("is not a JPEG or PNG image", "is 12000x80 pixels, ..."), when it is
/// neither format, is damaged, or exceeds the limits of limits.h.
std::optional<ImageFile> probe_image(std::string path, std::string bytes, std::string* error);

}  // namespace vitae::image

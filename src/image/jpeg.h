// JPEG files: only the header is read (libjpeg's jpeg_read_header), for the size and the
// colour components; the PDF carries the file as it is (/DCTDecode).
#pragma once

#include <optional>
#include <string>

#include "vitae/image.h"

namespace vitae::image {

/// A JPEG's size and components (ImageFile without path and bytes), or nothing with
/// `error` set when the header is damaged or the image is one a PDF /DCTDecode stream
/// would show wrongly here (CMYK, more than 8 bits per sample).
std::optional<ImageFile> jpeg_header(const std::string& bytes, std::string* error);

}  // namespace vitae::image

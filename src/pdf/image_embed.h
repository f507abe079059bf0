// Image XObjects (the header's photo) around streams prepared without PoDoFo
// (pdf_content/image_streams.h).
#pragma once

#include <podofo/podofo.h>

#include "pdf_content/image_streams.h"

namespace vitae::pdf {

/// The image XObject of `image`, with its soft mask when it has one; returns its reference.
PoDoFo::PdfReference embed_image(PoDoFo::PdfVecObjects& objects, const ImageStreams& image);

}  // namespace vitae::pdf

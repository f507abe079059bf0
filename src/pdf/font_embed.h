// Embedding one subset font as a Type0 / Identity-H composite font (PDF 1.7, 9.7).
#pragma once

#include <podofo/podofo.h>

#include "pdf/flate.h"
#include "pdf/font_plan.h"

namespace vitae::pdf {

/// Writes the Type0 font, its CIDFont (CIDFontType2 + FontFile2 for TrueType outlines,
/// CIDFontType0 + FontFile3 /CIDFontType0C for CFF), FontDescriptor, /W widths and the
/// ToUnicode CMap into `objects`. Returns the reference of the Type0 font dictionary.
/// Streams are stored as `compression` says. Throws PoDoFo::PdfError.
PoDoFo::PdfReference embed_font(PoDoFo::PdfVecObjects& objects, const EmbeddedFont& font,
                                Compression compression);

}  // namespace vitae::pdf

// Embedding one subset font as a Type0 / Identity-H composite font (PDF 1.7, 9.7).
#pragma once

#include <podofo/podofo.h>

#include "pdf_content/font_plan.h"

namespace vitae::pdf {

/// The objects of an embedded font that stream data goes into (set_stream_data).
struct FontObjects {
  PoDoFo::PdfReference type0;  ///< the Type0 font dictionary, for page resources
  PoDoFo::PdfObject* program = nullptr;
  PoDoFo::PdfObject* to_unicode = nullptr;
};

/// Writes the Type0 font, its CIDFont (CIDFontType2 + FontFile2 for TrueType outlines,
/// CIDFontType0 + FontFile3 /CIDFontType0C for CFF), FontDescriptor, /W widths and the
/// ToUnicode CMap into `objects`, all but the data of the two streams, which the caller
/// sets from the prepared FontStreams (pdf_content/prepared.h). Throws PoDoFo::PdfError.
FontObjects embed_font(PoDoFo::PdfVecObjects& objects, const EmbeddedFont& font);

}  // namespace vitae::pdf

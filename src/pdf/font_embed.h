// Embedding one subset font as a Type0 / Identity-H composite font (PDF 1.7, 9.7).
#pragma once

#include <podofo/podofo.h>

#include "pdf/flate.h"
#include "pdf/font_plan.h"

namespace vitae::pdf {

/// The stream data of one font, made before any PoDoFo object, so on any thread: the
/// font program and the ToUnicode CMap, prepared as `compression` says.
struct FontStreams {
  StreamData program, to_unicode;
};
FontStreams font_streams(const EmbeddedFont& font, Compression compression);

/// Writes the Type0 font, its CIDFont (CIDFontType2 + FontFile2 for TrueType outlines,
/// CIDFontType0 + FontFile3 /CIDFontType0C for CFF), FontDescriptor, /W widths and the
/// ToUnicode CMap into `objects`, with the stream data of `streams`. Returns the reference
/// of the Type0 font dictionary. Throws PoDoFo::PdfError.
PoDoFo::PdfReference embed_font(PoDoFo::PdfVecObjects& objects, const EmbeddedFont& font,
                                const FontStreams& streams);

}  // namespace vitae::pdf

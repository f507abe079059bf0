// The PDF's content made without PoDoFo: every font planned and subset, its program and
// ToUnicode CMap, and every page's content stream, all compressed. This is most of the
// PDF stage's work, and it needs only HarfBuzz and libdeflate, so the vitae program does it
// itself while the PoDoFo module (src/pdf) is still loading; the module then only
// assembles the document's objects around these streams (pdf/pdf_writer.h).
#pragma once

#include <optional>
#include <vector>

#include "pdf_content/flate.h"
#include "pdf_content/font_plan.h"
#include "pdf_content/image_streams.h"
#include "vitae/diagnostics.h"
#include "vitae/pages.h"

namespace vitae {

class Workers;
namespace pdf {
class SubsetCache;
}

struct PdfContentOptions {
  /// Flate-compress content, font and CMap streams (not XMP). Off only for debugging.
  bool compress = true;
  /// libdeflate level of that compression, 1 (fastest) to 12 (smallest). On the reference
  /// CV's streams level 1 takes 3.1 M instructions for 29.2 KB, level 4 5.0 M for 27.8 KB,
  /// level 6 6.1 M for 27.2 KB (zlib's level 6 took 10.5 M for 27.4 KB).
  int compression_level = 1;
  /// Helper threads for fonts and pages, which are independent; null keeps everything
  /// on the caller's thread, for batch builds that run several documents in parallel
  /// already. The result is the same with or without.
  Workers* workers = nullptr;
  /// Font subsets shared by the documents of a batch (see subset_cache.h); null: each
  /// document subsets its own. The streams are the same either way.
  pdf::SubsetCache* subset_cache = nullptr;
};

namespace pdf {

/// The stream data of one font: the font program and the ToUnicode CMap.
struct FontStreams {
  StreamData program, to_unicode;
};

/// The program and the ToUnicode CMap (by code: new glyph id) of one font, compressed with
/// `deflater` (null: as they are).
FontStreams font_streams(const EmbeddedFont& font, Deflater* deflater);

}  // namespace pdf

/// Everything the PDF's streams hold, for one laid-out document.
struct PreparedPdf {
  pdf::FontPlan plan;
  std::vector<pdf::FontStreams> fonts;  ///< one per plan.fonts, in that order
  std::vector<pdf::StreamData> pages;   ///< each page's content stream, in page order
  pdf::ImagePlan image_plan;
  std::vector<pdf::ImageStreams> images;  ///< one per image_plan.images, in that order
};

/// Plans and subsets the fonts of `doc` and makes every stream. Returns nullopt, with an
/// error in `diags`, when the document has no pages, a font cannot be subset or memory
/// runs out. A pure function of its input: the same streams for any `workers`.
std::optional<PreparedPdf> prepare_pdf(const LaidOutDocument& doc, const PdfContentOptions& options,
                                       Diagnostics& diags);

}  // namespace vitae

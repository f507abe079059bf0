// The PDF writer: laid-out pages in, PDF bytes out. The only stage that uses PoDoFo.
#pragma once

#include <optional>
#include <string>

#include "vitae/diagnostics.h"
#include "vitae/pages.h"

namespace vitae {

class Workers;

/// "vitae X.Y.Z": the default Info /Creator.
std::string default_pdf_creator();
/// "vitae X.Y.Z (PoDoFo A.B.C)": the default Info /Producer.
std::string default_pdf_producer();

/// Options of the PDF writer.
struct PdfOptions {
  std::string creator = default_pdf_creator();    ///< Info /Creator and xmp:CreatorTool
  std::string producer = default_pdf_producer();  ///< Info /Producer and pdf:Producer
  /// Flate-compress content, font and CMap streams (not XMP). Off only for debugging.
  bool compress = true;
  /// zlib level of that compression, 1 (fastest) to 9 (smallest). Honoured when the PDF
  /// library is built with zlib (VITAE_HAVE_ZLIB); otherwise zlib's default, 6, is used.
  /// Level 2 on the reference CV: 41% of level 6's deflate instructions, 6.5% larger
  /// (38.1 KB against 35.7 KB; level 1 saves 1% more work for another 0.8 KB).
  int compression_level = 2;
  /// Helper threads for the independent parts (subsetting fonts; compressing fonts and
  /// making pages' content streams); the PoDoFo document itself is built on the caller's.
  /// The bytes are the same with or without; null keeps everything on the caller's thread,
  /// for batch builds that run several documents in parallel already.
  Workers* workers = nullptr;
};

/// Writes a PDF 1.7 document: one Type0/Identity-H font per Font used (subset, embedded,
/// with widths and ToUnicode), one page per Page with its runs, rules and links, an
/// outline from the anchors, Info and XMP metadata from `doc.info`. Output is a pure
/// function of the input: no clock, no locale, identical bytes on every call.
/// Returns nullopt with errors in `diags` when a font cannot be subset or PoDoFo fails.
std::optional<std::string> write_pdf(const LaidOutDocument& doc, const PdfOptions& options,
                                     Diagnostics& diags);

}  // namespace vitae

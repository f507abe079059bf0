// The PDF writer: laid-out pages and their prepared streams in, PDF bytes out. The only
// stage that uses PoDoFo; it is built as the vitae-pdf module (src/pdf_module).
#pragma once

#include <optional>
#include <string>

#include "pdf_content/prepared.h"
#include "vitae/diagnostics.h"
#include "vitae/pages.h"

namespace vitae {

/// "vitae X.Y.Z": the default Info /Creator.
std::string default_pdf_creator();
/// "vitae X.Y.Z (PoDoFo A.B.C)": the default Info /Producer.
std::string default_pdf_producer();

/// Options of the PDF writer.
struct PdfOptions {
  std::string creator = default_pdf_creator();    ///< Info /Creator and xmp:CreatorTool
  std::string producer = default_pdf_producer();  ///< Info /Producer and pdf:Producer
  /// How the streams are made (write_pdf only; assemble_pdf gets them made).
  PdfContentOptions content;
};

/// Writes a PDF 1.7 document from `doc` and its prepared streams (prepare_pdf): one
/// Type0/Identity-H font per planned font (subset, embedded, with widths and ToUnicode),
/// one page per Page with its runs, rules and links, an outline from the anchors, Info
/// and XMP metadata from `doc.info`. Output is a pure function of the input: no clock, no
/// locale, identical bytes on every call. Returns nullopt with errors in `diags` when
/// PoDoFo fails.
std::optional<std::string> assemble_pdf(const LaidOutDocument& doc, const PreparedPdf& prepared,
                                        const PdfOptions& options, Diagnostics& diags);

/// prepare_pdf, then assemble_pdf: the whole PDF stage in one call.
std::optional<std::string> write_pdf(const LaidOutDocument& doc, const PdfOptions& options,
                                     Diagnostics& diags);

}  // namespace vitae

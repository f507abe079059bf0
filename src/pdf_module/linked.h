// The PDF writer as a WritePdfFn (build/pdf_source.h): what the vitae-pdf module exports,
// and what tests, benchmarks and other programs that link src/pdf in hand to
// linked_pdf_writer.
#pragma once

#include "pipeline/pdf_source.h"
#include "pdf/pdf_writer.h"

namespace vitae {

inline std::optional<std::string> write_prepared_pdf(const LaidOutDocument& doc,
                                                     const PreparedPdf& prepared,
                                                     Diagnostics& diags) {
  return assemble_pdf(doc, prepared, PdfOptions{}, diags);
}

}  // namespace vitae

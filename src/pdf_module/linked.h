// The PDF stage as a WritePdfFn (build/pdf_source.h): what the vitae-pdf module exports,
// and what tests, benchmarks and other programs that link src/pdf in hand to
// linked_pdf_writer.
#pragma once

#include "build/pdf_source.h"
#include "pdf/pdf_writer.h"

namespace vitae {

inline std::optional<std::string> write_pdf_with_workers(const LaidOutDocument& doc,
                                                         Workers* workers, Diagnostics& diags) {
  PdfOptions options;
  options.workers = workers;
  return write_pdf(doc, options, diags);
}

}  // namespace vitae

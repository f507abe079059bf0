// The contract between the vitae program and its PDF module (vitae-pdf.so, see
// build/pdf_source.h): one C symbol returning this table. Both sides are built from the
// same tree; the version string and the sizes of the page document and the prepared
// streams guard against a module left over from another build.
#pragma once

#include <cstddef>

#include "pipeline/pdf_source.h"
#include "pdf_content/prepared.h"

namespace vitae {

struct PdfModuleApi {
  const char* version;        ///< VITAE_VERSION of the module
  std::size_t document_size;  ///< sizeof(LaidOutDocument) as the module sees it
  std::size_t prepared_size;  ///< sizeof(PreparedPdf) as the module sees it
  WritePdfFn write_pdf;
};

/// The name of the module's one exported symbol: `const PdfModuleApi* vitae_pdf_module()`.
inline constexpr const char* kPdfModuleEntry = "vitae_pdf_module";
using PdfModuleEntryFn = const PdfModuleApi* (*)();

}  // namespace vitae

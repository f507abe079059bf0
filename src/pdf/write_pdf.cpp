// write_pdf (pdf_writer.h): the whole PDF stage in one call, for tests and programs that
// link src/pdf. A file of its own so that the vitae-pdf module, which is handed prepared
// streams, links none of the stream-making code (HarfBuzz's subsetter, libdeflate,
// libpng): only PoDoFo and the C++ runtime are then in the module's lookup scope.
#include "pdf/pdf_writer.h"

namespace vitae {

std::optional<std::string> write_pdf(const LaidOutDocument& doc, const PdfOptions& options,
                                     Diagnostics& diags) {
  std::optional<PreparedPdf> prepared = prepare_pdf(doc, options.content, diags);
  if (!prepared) return std::nullopt;
  return assemble_pdf(doc, *prepared, options, diags);
}

}  // namespace vitae

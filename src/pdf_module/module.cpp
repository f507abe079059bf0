// vitae-pdf.so: the PDF stage (src/pdf, PoDoFo) behind one exported C symbol, loaded by the
// vitae program on a background thread (build/pdf_source.h). Everything else in the module
// is hidden (-fvisibility=hidden, --exclude-libs), so it binds to itself and exports
// nothing the program could clash with.
#include "pdf_module/api.h"
#include "pdf_module/linked.h"

namespace {

constexpr vitae::PdfModuleApi kApi{VITAE_VERSION, sizeof(vitae::LaidOutDocument),
                                   sizeof(vitae::PreparedPdf), &vitae::write_prepared_pdf};

}  // namespace

extern "C" __attribute__((visibility("default"))) const vitae::PdfModuleApi* vitae_pdf_module() {
  return &kApi;
}

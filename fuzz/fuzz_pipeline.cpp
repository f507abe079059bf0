// Fuzz harness: bytes through the whole pipeline (src/pipeline/build.h): load, lay out
// with the bundled fonts only (no fontconfig: a small fixed set, the same on every
// machine), prepare the streams and assemble the PDF with the linked writer. Any input
// gives a PDF or errors, never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "pdf_module/linked.h"
#include "pipeline/build.h"

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_pipeline: broken invariant: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const vitae::BuildServices services(vitae::linked_pdf_writer(&vitae::write_prepared_pdf),
                                             vitae::FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false});
  vitae::SourceFile source{"fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size)};
  vitae::BuildConfig config;
  config.source_date_epoch = 1700000000;
  vitae::Diagnostics diags;
  std::optional<vitae::BuildResult> result = vitae::build_document(source, config, services, diags);
  check(result.has_value() || diags.has_errors(), "no PDF and no error");
  if (result) {
    check(result->pdf.rfind("%PDF-", 0) == 0, "the PDF does not start with %PDF-");
    check(result->pdf.find("%%EOF", result->pdf.size() > 32 ? result->pdf.size() - 32 : 0) != std::string::npos,
          "the PDF does not end with %%EOF");
    check(result->stats.pages >= 1, "a PDF of no page");
  }
  return 0;
}

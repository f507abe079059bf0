// Fuzz harness: bytes to the loader (src/load/load.h). Any input gives a Document or
// diagnostics, never a crash, a hang or a sanitizer report; every variant of a CV that
// opens is read too, and every diagnostic is formatted against its source (the caret
// line indexes into the text).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "load/load.h"
#include "vitae/diagnostics.h"

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_load: broken invariant: %s\n", what);
    std::abort();
  }
}

void format_all(const vitae::Diagnostics& diags, const std::vector<vitae::SourceFile>& files,
                const vitae::SourceFile& main) {
  std::vector<const vitae::SourceFile*> sources{&main};
  for (const vitae::SourceFile& f : files) sources.push_back(&f);
  for (const vitae::Diagnostic& d : diags.all()) {
    const vitae::SourceFile* src = nullptr;
    for (const vitae::SourceFile* s : sources)
      if (s->path == d.path) src = s;
    check(!vitae::format_diagnostic(d, src).empty(), "a diagnostic formats to nothing");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  vitae::SourceFile source{"fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size)};
  vitae::LoadOptions options;
  options.max_bytes = 64 * 1024;
  vitae::Diagnostics diags;
  std::optional<vitae::CvSource> cv = vitae::CvSource::open(source, diags, options);
  check(cv.has_value() || diags.has_errors(), "no CvSource and no error");
  std::vector<vitae::SourceFile> files;
  if (cv) {
    files = cv->files();
    std::vector<std::string> variants = cv->variant_names();
    variants.insert(variants.begin(), "");
    if (variants.size() > 8) variants.resize(8);  // each is a whole read of the tree
    for (const std::string& v : variants) {
      vitae::Diagnostics vd;
      std::optional<vitae::Document> doc = cv->document(v, vd);
      check(doc.has_value() || vd.has_errors(), "no Document and no error");
      format_all(vd, files, source);
    }
  }
  format_all(diags, files, source);
  return 0;
}

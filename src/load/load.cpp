// The loader's entry point for one plain build.
#include "load/load.h"

namespace vitae {

std::optional<Document> load_document(const SourceFile& source, Diagnostics& diags, const LoadOptions& options) {
  std::optional<CvSource> cv = CvSource::open(source, diags, options);
  if (!cv) return std::nullopt;
  return cv->document({}, diags);
}

}  // namespace vitae

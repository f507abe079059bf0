// The loader: CV source text (YAML or JSON, RenderCV's schema plus vitae's extensions) to a
// validated Document. The only stage that uses libyaml; no libyaml type leaves it.
#pragma once

#include <cstddef>
#include <optional>

#include "vitae/diagnostics.h"
#include "vitae/model.h"

namespace vitae {

struct LoadOptions {
  /// Inputs larger than this are rejected before parsing (see docs/input.md).
  std::size_t max_bytes = 4 * 1024 * 1024;
};

/// Parses and validates a CV. Every problem found is added to `diags` (all of them, up to
/// the Diagnostics cap); returns the document when there were no errors. Never throws.
std::optional<Document> load_document(const SourceFile& source, Diagnostics& diags,
                                      const LoadOptions& options = {});

}  // namespace vitae

// Helpers shared by the loader tests.
#pragma once

#include <optional>
#include <string>

#include "load/load.h"
#include "vitae/diagnostics.h"

namespace vitae::testing {

/// The result of loading a CV text from memory as "cv.yaml".
struct Loaded {
  SourceFile source;
  Diagnostics diags;
  std::optional<Document> doc;

  /// Every diagnostic, formatted as the CLI prints them.
  std::string text() const { return format_diagnostics(diags, {&source}); }
};

inline Loaded load_text(std::string text, const LoadOptions& options = {}) {
  Loaded l{SourceFile{"cv.yaml", std::move(text)}, Diagnostics{}, std::nullopt};
  l.doc = load_document(l.source, l.diags, options);
  return l;
}

/// A minimal valid CV with `sections` (YAML text indented under `sections:`) appended.
inline std::string cv_with_sections(const std::string& sections) {
  return "cv:\n  name: Ada Lovelace\n  sections:\n" + sections;
}

}  // namespace vitae::testing

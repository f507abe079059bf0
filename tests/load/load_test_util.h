// Helpers shared by the loader tests.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "../support/files.h"

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

// One CV opened from memory as "cv.yaml", and one document (plain or a variant) read from it.
struct Built {
  SourceFile main;
  Diagnostics diags;
  std::optional<CvSource> source;
  std::optional<Document> doc;

  std::string text() const { return format_diagnostics(diags, {&main}); }
};

inline Built build(std::string text, const std::string& variant = "", const LoadOptions& options = {},
            std::string path = "cv.yaml") {
  Built b{SourceFile{std::move(path), std::move(text)}, Diagnostics{}, std::nullopt, std::nullopt};
  b.source = CvSource::open(b.main, b.diags, options);
  if (b.source) b.doc = b.source->document(variant, b.diags);
  return b;
}

// A read_file (and read_image) that reads real files, as the command line does.
inline LoadOptions disk_options() {
  LoadOptions o;
  o.read_file = [](const std::string& path, std::string* error) -> std::optional<std::string> {
    if (std::filesystem::is_regular_file(path)) return test_support::read_bytes(path);
    *error = "no such file";
    return std::nullopt;
  };
  o.read_image = o.read_file;
  return o;
}

inline LoadOptions with_overrides(std::vector<std::string> overrides) {
  LoadOptions o;
  o.overrides = std::move(overrides);
  return o;
}

// Builds the file `name` of `dir` (read from disk) with disk_options().
inline Built build_file(const test_support::TempDir& dir, const std::string& name, const std::string& variant = "",
                 LoadOptions options = disk_options()) {
  return build(test_support::read_bytes(dir.file(name)), variant, options, dir.file(name));
}

inline void write_file(const test_support::TempDir& dir, const std::string& name, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(dir.file(name)).parent_path());
  test_support::write_bytes(dir.file(name), text);
}

}  // namespace vitae::testing

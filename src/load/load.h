// The loader: CV source text (YAML or JSON, RenderCV's schema plus vitae's extensions) to a
// validated Document. The only stage that uses yaml-cpp; no yaml-cpp type leaves it. A JSON
// Resume file (`basics` at its top level) is read as the RenderCV CV it maps to.
//
// A CV may extend another file (`extends:`), name tailored variants (`variants:`), select
// content by tags and set values by key path (docs/variants.md). CvSource holds a CV with
// everything it extends, parsed once; each Document (the plain build, or one variant) is
// read from it on demand.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vitae/diagnostics.h"
#include "vitae/model.h"

namespace vitae {

/// Reads a file a CV names (`extends:`): its bytes, or nothing with `error` set.
using FileReader = std::function<std::optional<std::string>(const std::string& path, std::string* error)>;

struct LoadOptions {
  /// Inputs larger than this are rejected before parsing (see docs/input.md).
  std::size_t max_bytes = 4 * 1024 * 1024;
  /// How files named by `extends` are read; unset, `extends` is an error.
  FileReader read_file;
  /// How the photo (cv.photo) is read: binary, up to one byte past image::kMaxBytes
  /// (src/image/limits.h), so that a larger file is reported as such; unset, a photo is an error.
  FileReader read_image;
  /// `--set KEY=VALUE` from the command line, applied after the file's own values.
  std::vector<std::string> overrides;
  /// The project root (--root): every file a CV names (extends, design.layout, cv.photo, a
  /// font file) must lie inside it, symbolic links resolved; one outside is an error at the
  /// value, and nothing is read. Empty: default_project_root of the main file (the top of
  /// its git work tree, else its folder). Files named on the command line are not confined.
  std::string root;
};

/// The default project root of a CV (src/load/project_root.h): the nearest folder at or
/// above the CV's own holding a `.git` entry, else the CV's own folder.
std::string default_project_root(const std::string& cv_path);

namespace load {
struct CvSourceData;
}

/// A CV file with every file it extends, parsed and merged, and its variants. Immutable
/// once opened: document() may be called from several threads at once.
class CvSource {
 public:
  /// Reads `main` and what it extends. Every problem goes to `diags`; returns nothing when
  /// there were errors. Never throws.
  static std::optional<CvSource> open(const SourceFile& main, Diagnostics& diags, const LoadOptions& options = {});

  /// Every file read, `main` first, then each file extended, in the order of the chain;
  /// last, when there were --set values, a pseudo-file "<command line>" holding them (so
  /// that their diagnostics show the text).
  const std::vector<SourceFile>& files() const;
  /// The files on disk the CV was read from (files() without standard input and the
  /// command line): what a depfile lists, with each document's photo (CV::photo_image).
  std::vector<std::string> dependencies() const;
  /// The names of `variants:`, in source order.
  std::vector<std::string> variant_names() const;

  /// The document of the plain build (`variant` empty) or of the named variant: the tree
  /// with every `set` applied, read, and its content selected. An unknown variant name is
  /// an error listing the known ones. Returns nothing when there were errors.
  std::optional<Document> document(const std::string& variant, Diagnostics& diags) const;

 private:
  std::shared_ptr<const load::CvSourceData> data_;
};

/// A built-in layout as `vitae layouts` lists it.
struct LayoutSummary {
  std::string name;         ///< what design.theme names it by
  std::string description;  ///< its file's one-line description
};

/// Every built-in layout (layouts/*.yaml, compiled in), sorted by name.
std::vector<LayoutSummary> builtin_layout_list();

/// Parses and validates a CV (the plain build of CvSource). Every problem found is added
/// to `diags` (all of them, up to the Diagnostics cap); returns the document when there
/// were no errors. Never throws.
std::optional<Document> load_document(const SourceFile& source, Diagnostics& diags,
                                      const LoadOptions& options = {});

/// `vitae convert`: the vitae (RenderCV-format) YAML a JSON Resume file is read as, so that
/// building it gives the same PDF. Fields with no place in the CV are warnings in `diags`;
/// returns nothing when there were errors (the file is not JSON Resume, a field has the
/// wrong type, ...).
std::optional<std::string> convert_json_resume(const SourceFile& source, Diagnostics& diags,
                                               const LoadOptions& options = {});

}  // namespace vitae

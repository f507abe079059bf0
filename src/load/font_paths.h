// design.typography.font_family may name a font file instead of a family ("fonts/My.otf",
// relative to the file that names it; src/text/font_library.h). The loader cannot load
// fonts, but it can refuse a font file outside the project root before layout reads it.
#pragma once

#include <string>
#include <vector>

#include "load/reader.h"
#include "vitae/model.h"

namespace vitae::load {

/// Where the font paths of a CV are resolved from.
struct FontPathSource {
  /// The files of the CV, in SourceLoc::file order (the naming file's folder is the base).
  const std::vector<SourceFile>& files;
  /// The main file came from standard input: its paths are relative to the working folder.
  bool main_from_stdin = false;
  /// The project root (canonical).
  const std::string& root;
};

/// Reports, at the value, every font_family that names a file outside the project root, as
/// the font library would resolve it: a name with a font file's extension or a '/', or one
/// that is a file beside the naming file. Values from --set are not confined.
void check_font_paths(const Document& doc, const FontPathSource& source, Reader& r);

}  // namespace vitae::load

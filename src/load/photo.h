// cv.photo: the file it names, resolved as RenderCV resolves it (relative to the folder of
// the file the value is written in), read once and recognised (src/image), so that layout
// knows its size and the PDF writer its bytes.
#pragma once

#include "load/load.h"
#include "load/reader.h"

namespace vitae::load {

/// Where the photo paths of a CV are resolved from and how they are read.
struct PhotoSource {
  /// The files of the CV, in SourceLoc::file order (the naming file's folder is the base).
  const std::vector<SourceFile>& files;
  /// The main file came from standard input: its paths are relative to the working folder.
  bool main_from_stdin = false;
  /// LoadOptions::read_image; unset, a photo is an error.
  const FileReader& read;
  /// The project root (canonical): a photo named in a file must lie inside it.
  const std::string& root;
};

/// Sets doc.cv.photo_image from doc.cv.photo (nothing to do when it is empty). A file that
/// cannot be read, is not a JPEG or PNG, exceeds the limits of image/limits.h, or lies outside
/// the project root (unless --set names it: the command line is not confined) is an error
/// at the value.
void attach_photo(Document& doc, const PhotoSource& source, Reader& r);

}  // namespace vitae::load

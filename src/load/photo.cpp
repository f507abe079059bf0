// cv.photo. See photo.h.
#include "load/photo.h"

#include <filesystem>

#include "image/probe.h"
#include "load/project_root.h"

namespace vitae::load {
namespace {

namespace fs = std::filesystem;

/// The path as the system opens it: joined to the naming file's folder, not normalised
/// (as design.layout and extends are), unless absolute. Values from standard input or the
/// command line (--set) are relative to the working folder.
std::string resolve(const Text& photo, const PhotoSource& source) {
  const int file = photo.loc.file;
  const bool from_disk = file >= 0 && static_cast<std::size_t>(file) < source.files.size() &&
                         !(file == 0 && source.main_from_stdin) && source.files[file].path != "<command line>";
  const fs::path dir = from_disk ? fs::path(source.files[file].path).parent_path() : fs::path();
  return (dir / photo.markup).string();
}

// A value from --set was written on the command line, by the user: not confined.
bool from_command_line(const Text& photo, const PhotoSource& source) {
  const int file = photo.loc.file;
  return file >= 0 && static_cast<std::size_t>(file) < source.files.size() &&
         source.files[file].path == "<command line>";
}

std::string relative_hint(const Text& photo, const PhotoSource& source, Reader& r) {
  const std::string& naming = r.path_of(photo.loc);
  if (naming == "<command line>" || (photo.loc.file == 0 && source.main_from_stdin))
    return "the path is relative to the current folder";
  return "the path is relative to " + naming;
}

}  // namespace

void attach_photo(Document& doc, const PhotoSource& source, Reader& r) {
  const Text& photo = doc.cv.photo;
  if (photo.empty()) return;
  if (photo.markup.rfind("http://", 0) == 0 || photo.markup.rfind("https://", 0) == 0)
    return r.error(photo.loc, "cv.photo: vitae does not download photos",
                   "save the photo beside the CV and name the file: photo: photo.jpg");
  const std::string path = resolve(photo, source);
  if (!from_command_line(photo, source))
    if (auto why = outside_root(path, source.root)) return r.error(photo.loc, "cv.photo: " + *why, outside_root_hint());
  if (!source.read) return r.error(photo.loc, "cannot read '" + path + "': this build reads no other files");
  std::string why;
  std::optional<std::string> bytes = source.read(path, &why);
  if (!bytes) return r.error(photo.loc, "cannot read '" + path + "': " + why, relative_hint(photo, source, r));
  std::optional<ImageFile> img = image::probe_image(path, std::move(*bytes), &why);
  if (!img) return r.error(photo.loc, "cv.photo: '" + path + "' " + why, "cv.photo takes a JPEG or PNG file, at most 10000x10000 pixels and 20 MB");
  doc.cv.photo_image = std::make_shared<const ImageFile>(std::move(*img));
}

}  // namespace vitae::load

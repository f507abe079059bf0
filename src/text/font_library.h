// FontLibrary: finds and loads font faces (bundled fonts/, fontconfig, file paths) once,
// and shares them. Thread-safe; meant to live for a whole batch of builds.
#pragma once

#include <memory>
#include <string>

#include "text/font.h"

namespace vitae {

/// Loads one face from a font file. Returns null and sets `error` when the file is
/// missing, unreadable, a collection, or not a font.
std::shared_ptr<const Font> load_font_file(const std::string& path, std::string* error);

}  // namespace vitae

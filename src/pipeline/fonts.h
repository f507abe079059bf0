// `vitae fonts CV`: which font file each text role of a CV resolves to, through the same
// FontLibrary and the same resolution a build uses (bundled fonts/, then fontconfig).
#pragma once

#include <string>

#include "text/font_library.h"
#include "vitae/diagnostics.h"
#include "vitae/model.h"

namespace vitae {

/// One line per face: role and face, family, file, in aligned columns
/// ("body regular   Source Sans 3   /…/fonts/source-sans-3/SourceSans3-Regular.ttf").
std::string fonts_report(const Document& doc, const FontLibrary& fonts, Diagnostics& diags);

}  // namespace vitae

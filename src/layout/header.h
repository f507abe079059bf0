// The CV's header: name, headline and contact lines, and beside them the photo
// (cv.photo, design.header.photo_*), as RenderCV's Header template sets them.
#pragma once

#include "layout/realize.h"

namespace vitae {

/// Appends the header's `parts` to `v` (name and headline with the photo beside them, the
/// contact line): their lines, the space below them, and a breakpoint after them.
void realize_header(const RealizeContext& ctx, const RealizeParts& parts, VList& v);

}  // namespace vitae

// The CV's header: name, headline and contact lines, and beside them the photo
// (cv.photo, design.header.photo_*), as RenderCV's Header template sets them.
#pragma once

#include "layout/realize.h"

namespace vitae {

/// Appends the header to `v`: its lines, the space below it, and a breakpoint after it.
void realize_header(const RealizeContext& ctx, VList& v);

}  // namespace vitae

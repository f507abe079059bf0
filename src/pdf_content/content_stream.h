// Page content streams: glyph runs as TJ arrays with exact positioning, rules as filled
// rectangles, discs (bullets) as filled Bézier circles, /ActualText marked content where ToUnicode alone would extract wrong text.
#pragma once

#include <string>

#include "pdf_content/font_plan.h"
#include "vitae/pages.h"

namespace vitae::pdf {

/// The content stream of one page (uncompressed operators): rules, then discs, then text. Deterministic: numbers go
/// through pdf_number, nothing depends on the locale or on pointer values.
/// Fonts are referred to by their resource names in `fonts`.
std::string page_content(const Page& page, const FontPlan& fonts);

}  // namespace vitae::pdf

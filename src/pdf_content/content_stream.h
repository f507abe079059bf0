// Page content streams: glyph runs as TJ arrays with exact positioning, rules as filled
// rectangles, discs (bullets) as filled Bézier circles, /ActualText marked content where ToUnicode alone would extract wrong text.
#pragma once

#include <string>

#include "pdf_content/font_plan.h"
#include "pdf_content/image_streams.h"
#include "vitae/pages.h"

namespace vitae::pdf {

/// The content stream of one page (uncompressed operators): images, then rules, then discs,
/// then text. Deterministic: numbers go through pdf_number, nothing depends on the locale
/// or on pointer values. Fonts are referred to by their resource names in `fonts`, images
/// by theirs in `images` (an image not in `images`, or with no plan, is not drawn).
std::string page_content(const Page& page, const FontPlan& fonts, const ImagePlan* images = nullptr);

}  // namespace vitae::pdf

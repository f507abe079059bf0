// Link annotations and the document outline (bookmarks).
#pragma once

#include <podofo/podofo.h>

#include "vitae/pages.h"

namespace vitae::pdf {

/// One Link annotation per LinkArea, with a URI action (non-ASCII bytes percent-encoded)
/// and no border. The /M date PoDoFo
/// stamps from the clock is removed (reproducible output). Throws PoDoFo::PdfError.
void add_links(PoDoFo::PdfMemDocument& doc, PoDoFo::PdfPage& pdf_page, const Page& page);

/// The outline: a root item titled `title` pointing at the first page, with one child per
/// level-0 anchor and deeper levels nested under the preceding shallower one. Opens the
/// outline panel (PageMode UseOutlines). Does nothing when there are no anchors.
/// Page i of `pdf` is `doc.pages[i]`. Throws PoDoFo::PdfError.
void add_outline(PoDoFo::PdfMemDocument& pdf, const LaidOutDocument& doc, const std::string& title);

}  // namespace vitae::pdf

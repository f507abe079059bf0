// Links and outline. See navigation.h.
#include "pdf/navigation.h"

#include <algorithm>

#include "pdf/podofo_values.h"

namespace vitae::pdf {
namespace {

using namespace PoDoFo;


/// /XYZ destination at the left edge and `top` (layout coordinates), zoom unchanged.
PdfDestination destination(PdfPage* page, const Page& layout_page, Abs top) {
  return PdfDestination(page, 0.0, layout_page.height.to_pt() - top.to_pt(), 0.0);
}

/// URIs in PDF are 7-bit ASCII (PDF 1.7, 12.6.4.7): bytes outside printable ASCII
/// (UTF-8 of an internationalized URL, spaces) are percent-encoded (RFC 3986, 2.1).
std::string ascii_uri(const std::string& uri) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : uri) {
    const auto c = static_cast<unsigned char>(ch);
    if (c > 0x20 && c < 0x7F) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

}  // namespace

void add_links(PdfMemDocument& doc, PdfPage& pdf_page, const Page& page) {
  const double h = page.height.to_pt();
  for (const LinkArea& l : page.links) {
    if (l.uri.empty()) continue;
    const PdfRect rect(l.origin.x.to_pt(), h - l.origin.y.to_pt() - l.height.to_pt(),
                       l.width.to_pt(), l.height.to_pt());
    PdfAnnotation* annot = nullptr;
    {
      std::lock_guard lock(podofo_clock_mutex());  // its /M gets the time (localtime)
      annot = pdf_page.CreateAnnotation(ePdfAnnotation_Link, rect);
    }
    PdfAction action(ePdfAction_URI, &doc);
    action.SetURI(PdfString(ascii_uri(l.uri)));
    annot->SetAction(action);
    annot->SetBorderStyle(0, 0, 0);
    annot->GetObject()->GetDictionary().RemoveKey("M");
  }
}

void add_outline(PdfMemDocument& pdf, const LaidOutDocument& doc, const std::string& title) {
  bool any = false;
  for (const Page& p : doc.pages) any = any || !p.anchors.empty();
  if (!any || pdf.GetPageCount() != static_cast<int>(doc.pages.size())) return;
  // Pages are looked up now, not kept from CreatePage: PoDoFo 0.9.8's page cache deletes
  // the PdfPage of page 1 when page 2 is created (PdfPagesTree::CreatePage's off-by-one).
  auto page = [&pdf](std::size_t i) { return pdf.GetPage(static_cast<int>(i)); };
  PdfOutlineItem* root = pdf.GetOutlines()->CreateRoot(text_string(title.empty() ? "Document" : title));
  // Some readers drop an outline item without a destination.
  root->SetDestination(destination(page(0), doc.pages[0], Abs::zero()));
  // stack[k] = the last item at depth k (0 = root); anchors of level L hang below depth L.
  std::vector<PdfOutlineItem*> stack{root};
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    for (const Anchor& a : doc.pages[i].anchors) {
      const std::size_t depth = std::min<std::size_t>(static_cast<std::size_t>(std::max(a.level, 0)),
                                                       stack.size() - 1);
      PdfOutlineItem* parent = stack[depth];
      PdfOutlineItem* item =
          parent->CreateChild(text_string(a.title), destination(page(i), doc.pages[i], a.y));
      stack.resize(depth + 1);
      stack.push_back(item);
    }
  }
  pdf.SetPageMode(ePdfPageModeUseBookmarks);
}

}  // namespace vitae::pdf

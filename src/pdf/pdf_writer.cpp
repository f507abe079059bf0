// write_pdf: plan fonts (collect glyphs, subset), then build the PoDoFo document. See
// pdf_writer.h. Order matters: subsetting renumbers glyphs, so content comes after it.
#include "pdf/pdf_writer.h"

#include <podofo/podofo.h>

#include <sstream>

#include "pdf/content_stream.h"
#include "pdf/flate.h"
#include "pdf/font_embed.h"
#include "pdf/font_plan.h"
#include "pdf/metadata.h"
#include "pdf/navigation.h"
#include "pdf/podofo_values.h"

#ifndef VITAE_VERSION
#define VITAE_VERSION "0.0.0"
#endif

namespace vitae {
namespace {

using namespace PoDoFo;

std::string podofo_version() {
  return std::to_string(PODOFO_VERSION_MAJOR) + "." + std::to_string(PODOFO_VERSION_MINOR) + "." +
         std::to_string(PODOFO_VERSION_PATCH);
}

/// One PoDoFo page per layout page, with its content stream, fonts and links. The PdfPage
/// pointer is not kept: PoDoFo 0.9.8 may delete it when the next page is created.
void write_page(PdfMemDocument& pdf, const Page& page, const pdf::FontPlan& plan,
                const std::vector<PdfReference>& font_refs, pdf::Compression compression) {
  PdfPage* p = pdf.CreatePage(PdfRect(0, 0, page.width.to_pt(), page.height.to_pt()));
  // Only fonts this page uses go into its resources, in plan order (deterministic).
  std::vector<bool> used(plan.fonts.size(), false);
  for (const GlyphRun& run : page.runs) {
    if (!pdf::drawable(run)) continue;
    auto it = plan.index.find(run.font.get());
    if (it != plan.index.end()) used[it->second] = true;
  }
  for (std::size_t i = 0; i < used.size(); ++i)
    if (used[i]) p->AddResource(PdfName(plan.fonts[i].resource), font_refs[i], PdfName("Font"));
  pdf::set_stream_data(*p->GetContentsForAppending(), pdf::page_content(page, plan), compression);
  pdf::add_links(pdf, *p, page);
}

std::string serialize(PdfMemDocument& pdf) {
  std::ostringstream os;
  PdfOutputDevice device(&os);
  pdf.Write(&device);
  return os.str();
}

std::optional<std::string> write_with_podofo(const LaidOutDocument& doc, const pdf::FontPlan& plan,
                                             const PdfOptions& options) {
  PdfMemDocument pdf;
  pdf.SetPdfVersion(ePdfVersion_1_7);
  const pdf::Compression compression{options.compress, options.compression_level};
  std::vector<PdfReference> font_refs;
  for (const pdf::EmbeddedFont& f : plan.fonts)
    font_refs.push_back(pdf::embed_font(pdf.GetObjects(), f, compression));
  for (const Page& page : doc.pages) write_page(pdf, page, plan, font_refs, compression);
  pdf::add_outline(pdf, doc, doc.info.title);
  pdf::apply_metadata(pdf, doc.info, {options.creator, options.producer});
  return serialize(pdf);
}

}  // namespace

std::string default_pdf_creator() { return std::string("vitae ") + VITAE_VERSION; }

std::string default_pdf_producer() {
  return default_pdf_creator() + " (PoDoFo " + podofo_version() + ")";
}

std::optional<std::string> write_pdf(const LaidOutDocument& doc, const PdfOptions& options,
                                     Diagnostics& diags) {
  if (doc.pages.empty()) {
    diags.error("", {}, "cannot write a PDF without pages");
    return std::nullopt;
  }
  try {
    auto plan = pdf::plan_fonts(doc, diags);
    if (!plan) return std::nullopt;
    return write_with_podofo(doc, *plan, options);
  } catch (const PdfError& e) {
    diags.error("", {}, std::string("PDF writer failed: ") + PdfError::ErrorName(e.GetError()),
                e.what() ? e.what() : "");
  } catch (const std::exception& e) {
    diags.error("", {}, std::string("PDF writer failed: ") + e.what());
  }
  return std::nullopt;
}

}  // namespace vitae

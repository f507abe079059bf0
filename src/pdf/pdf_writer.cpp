// assemble_pdf: the PoDoFo document around the prepared streams. See pdf_writer.h.
#include "pdf/pdf_writer.h"

#include <podofo/podofo.h>

#include <memory>
#include <sstream>

#include "pdf/font_embed.h"
#include "pdf/image_embed.h"
#include "pdf_content/font_plan.h"
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

/// The objects whose stream data is set once the document's objects are all made, so
/// that every object is in its final order.
struct StreamTargets {
  std::vector<pdf::FontObjects> fonts;
  std::vector<PdfObject*> pages;
};

/// One PoDoFo page per layout page, with its fonts and links; returns its (empty)
/// content stream object. The PdfPage pointer is not kept: PoDoFo 0.9.8 may delete it
/// when the next page is created.
PdfObject* write_page(PdfMemDocument& pdf, const Page& page, const PreparedPdf& prepared,
                      const std::vector<PdfReference>& font_refs, const std::vector<PdfReference>& image_refs) {
  const pdf::FontPlan& plan = prepared.plan;
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
  std::vector<bool> shown(image_refs.size(), false);
  for (const PlacedImage& image : page.images)
    if (auto i = prepared.image_plan.index_of(image.image.get())) shown[*i] = true;
  for (std::size_t i = 0; i < shown.size(); ++i)
    if (shown[i]) p->AddResource(PdfName(pdf::ImagePlan::resource(i)), image_refs[i], PdfName("XObject"));
  PdfObject* contents = p->GetContentsForAppending();
  pdf::add_links(pdf, *p, page);
  return contents;
}

/// Every object of the document but the stream data.
StreamTargets build_document(PdfMemDocument& pdf, const LaidOutDocument& doc, const PreparedPdf& prepared,
                             const PdfOptions& options) {
  pdf.SetPdfVersion(ePdfVersion_1_7);
  StreamTargets targets;
  std::vector<PdfReference> font_refs;
  for (const pdf::EmbeddedFont& f : prepared.plan.fonts) {
    targets.fonts.push_back(pdf::embed_font(pdf.GetObjects(), f));
    font_refs.push_back(targets.fonts.back().type0);
  }
  std::vector<PdfReference> image_refs;
  for (const pdf::ImageStreams& image : prepared.images) image_refs.push_back(pdf::embed_image(pdf.GetObjects(), image));
  for (const Page& page : doc.pages)
    targets.pages.push_back(write_page(pdf, page, prepared, font_refs, image_refs));
  pdf::add_outline(pdf, doc, doc.info.title);
  pdf::apply_metadata(pdf, doc.info, {options.creator, options.producer});
  return targets;
}

void fill_streams(const StreamTargets& targets, const PreparedPdf& prepared) {
  for (std::size_t i = 0; i < targets.fonts.size(); ++i) {
    pdf::set_stream_data(*targets.fonts[i].program, prepared.fonts[i].program);
    pdf::set_stream_data(*targets.fonts[i].to_unicode, prepared.fonts[i].to_unicode);
  }
  for (std::size_t i = 0; i < targets.pages.size(); ++i)
    pdf::set_stream_data(*targets.pages[i], prepared.pages[i]);
}

std::string serialize(PdfMemDocument& pdf) {
  std::ostringstream os;
  PdfOutputDevice device(&os);
  pdf.Write(&device);
  return os.str();
}

std::optional<std::string> assemble(const LaidOutDocument& doc, const PreparedPdf& prepared,
                                    const PdfOptions& options) {
  std::unique_ptr<PdfMemDocument> made;
  {
    std::lock_guard lock(pdf::podofo_clock_mutex());  // its Info gets the time (localtime)
    made = std::make_unique<PdfMemDocument>();
  }
  PdfMemDocument& pdf = *made;
  const StreamTargets targets = build_document(pdf, doc, prepared, options);
  fill_streams(targets, prepared);
  return serialize(pdf);
}

}  // namespace

std::string default_pdf_creator() { return std::string("vitae ") + VITAE_VERSION; }

std::string default_pdf_producer() {
  return default_pdf_creator() + " (PoDoFo " + podofo_version() + ")";
}

std::optional<std::string> assemble_pdf(const LaidOutDocument& doc, const PreparedPdf& prepared,
                                        const PdfOptions& options, Diagnostics& diags) {
  if (prepared.pages.size() != doc.pages.size() || prepared.fonts.size() != prepared.plan.fonts.size() ||
      prepared.images.size() != prepared.image_plan.images.size()) {
    diags.error("", {}, "PDF writer failed: the prepared streams are not those of this document");
    return std::nullopt;
  }
  try {
    return assemble(doc, prepared, options);
  } catch (const PdfError& e) {
    diags.error("", {}, std::string("PDF writer failed: ") + PdfError::ErrorName(e.GetError()),
                e.what() ? e.what() : "");
  } catch (const std::exception& e) {
    diags.error("", {}, std::string("PDF writer failed: ") + e.what());
  }
  return std::nullopt;
}

}  // namespace vitae

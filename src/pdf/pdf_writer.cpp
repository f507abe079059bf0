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
#include "model/workers.h"

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

/// The stream data made without PoDoFo, so on any thread: the fonts' program and CMap,
/// the pages' content streams, compressed.
struct Prepared {
  std::vector<pdf::FontStreams> fonts;
  std::vector<pdf::StreamData> pages;
};

/// The objects whose stream data is set once it is made: the PoDoFo document is built
/// meanwhile, with every object in its final order, so the bytes do not depend on when
/// (or on which thread) the data was made.
struct StreamTargets {
  std::vector<pdf::FontObjects> fonts;
  std::vector<PdfObject*> pages;
};

/// One PoDoFo page per layout page, with its fonts and links; returns its (empty)
/// content stream object. The PdfPage pointer is not kept: PoDoFo 0.9.8 may delete it
/// when the next page is created.
PdfObject* write_page(PdfMemDocument& pdf, const Page& page, const pdf::FontPlan& plan,
                      const std::vector<PdfReference>& font_refs) {
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
  PdfObject* contents = p->GetContentsForAppending();
  pdf::add_links(pdf, *p, page);
  return contents;
}

/// Every object of the document but the stream data.
StreamTargets build_document(PdfMemDocument& pdf, const LaidOutDocument& doc,
                             const pdf::FontPlan& plan, const PdfOptions& options) {
  pdf.SetPdfVersion(ePdfVersion_1_7);
  StreamTargets targets;
  std::vector<PdfReference> font_refs;
  for (const pdf::EmbeddedFont& f : plan.fonts) {
    targets.fonts.push_back(pdf::embed_font(pdf.GetObjects(), f));
    font_refs.push_back(targets.fonts.back().type0);
  }
  for (const Page& page : doc.pages)
    targets.pages.push_back(write_page(pdf, page, plan, font_refs));
  pdf::add_outline(pdf, doc, doc.info.title);
  pdf::apply_metadata(pdf, doc.info, {options.creator, options.producer});
  return targets;
}

void fill_streams(const StreamTargets& targets, const Prepared& prepared) {
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

/// Fonts' and pages' stream data are independent tasks: with helper threads, they
/// make them while this thread builds the document, then this thread helps with the rest.
std::optional<std::string> write_with_podofo(const LaidOutDocument& doc, const pdf::FontPlan& plan,
                                             const PdfOptions& options) {
  const pdf::Compression compression{options.compress, options.compression_level};
  const std::size_t fonts = plan.fonts.size();
  Prepared prepared{std::vector<pdf::FontStreams>(fonts),
                    std::vector<pdf::StreamData>(doc.pages.size())};
  TaskGroup tasks(options.workers, fonts + doc.pages.size(), [&](std::size_t i, unsigned) {
    if (i < fonts)
      prepared.fonts[i] = pdf::font_streams(plan.fonts[i], compression);
    else
      prepared.pages[i - fonts] =
          pdf::prepare_stream(pdf::page_content(doc.pages[i - fonts], plan), compression);
  });
  PdfMemDocument pdf;
  const StreamTargets targets = build_document(pdf, doc, plan, options);
  tasks.wait();
  fill_streams(targets, prepared);
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
    auto plan = pdf::plan_fonts(doc, diags, options.workers);
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

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
#include "pdf/tasks.h"

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

/// Everything that can be made before the PoDoFo document, on any thread: the fonts'
/// stream data and the pages' content streams, compressed.
struct Prepared {
  std::vector<pdf::FontStreams> fonts;
  std::vector<pdf::StreamData> pages;
};

/// Fonts and pages are independent tasks, run on up to `threads` threads; each writes
/// only its own slot, so the bytes do not depend on the number of threads.
Prepared prepare(const LaidOutDocument& doc, const pdf::FontPlan& plan,
                 pdf::Compression compression, unsigned threads) {
  Prepared p;
  const std::size_t fonts = plan.fonts.size();
  p.fonts.resize(fonts);
  p.pages.resize(doc.pages.size());
  pdf::run_tasks(fonts + doc.pages.size(), threads, [&](std::size_t i) {
    if (i < fonts)
      p.fonts[i] = pdf::font_streams(plan.fonts[i], compression);
    else
      p.pages[i - fonts] =
          pdf::prepare_stream(pdf::page_content(doc.pages[i - fonts], plan), compression);
  });
  return p;
}

/// One PoDoFo page per layout page, with its content stream, fonts and links. The PdfPage
/// pointer is not kept: PoDoFo 0.9.8 may delete it when the next page is created.
void write_page(PdfMemDocument& pdf, const Page& page, const pdf::FontPlan& plan,
                const std::vector<PdfReference>& font_refs, const pdf::StreamData& content) {
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
  pdf::set_stream_data(*p->GetContentsForAppending(), content);
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
  const Prepared prepared = prepare(doc, plan, {options.compress, options.compression_level},
                                    options.threads);
  PdfMemDocument pdf;
  pdf.SetPdfVersion(ePdfVersion_1_7);
  std::vector<PdfReference> font_refs;
  for (std::size_t i = 0; i < plan.fonts.size(); ++i)
    font_refs.push_back(pdf::embed_font(pdf.GetObjects(), plan.fonts[i], prepared.fonts[i]));
  for (std::size_t i = 0; i < doc.pages.size(); ++i)
    write_page(pdf, doc.pages[i], plan, font_refs, prepared.pages[i]);
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
    auto plan = pdf::plan_fonts(doc, diags, options.threads);
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

// Preparing a PDF's streams. See prepared.h.
#include "pdf_content/prepared.h"

#include <algorithm>
#include <exception>
#include <memory>
#include <string>

#include "model/workers.h"
#include "pdf_content/content_stream.h"
#include "pdf_content/subset_cache.h"

namespace vitae {
namespace pdf {
namespace {

/// The ToUnicode CMap text, by code (new glyph id).
std::string to_unicode_text(const EmbeddedFont& f) {
  std::vector<std::pair<uint16_t, std::string>> entries;
  for (const auto& [old_id, text] : f.to_unicode)
    if (const GlyphCode* code = f.code(old_id)) entries.emplace_back(code->code, text);
  std::sort(entries.begin(), entries.end());
  return to_unicode_cmap(entries);
}

}  // namespace

FontStreams font_streams(const EmbeddedFont& f, Deflater* deflater) {
  StreamData program = f.cached ? f.cached->program(deflater) : prepare_stream(f.subset.program, deflater);
  return {std::move(program), prepare_stream(to_unicode_text(f), deflater)};
}

}  // namespace pdf

namespace {

/// Subsetting renumbers glyphs, so the plan comes first; then fonts', pages' and images'
/// streams are independent tasks, each writing only its own result. Each thread (TaskGroup slot)
/// keeps one compressor for all its streams.
std::optional<PreparedPdf> prepare(const LaidOutDocument& doc, const PdfContentOptions& options,
                                   Diagnostics& diags) {
  auto plan = pdf::plan_fonts(doc, diags, options.workers, options.subset_cache);
  if (!plan) return std::nullopt;
  const std::size_t fonts = plan->fonts.size();
  pdf::ImagePlan images = pdf::plan_images(doc);
  const std::size_t image_count = images.images.size();
  PreparedPdf out{std::move(*plan), std::vector<pdf::FontStreams>(fonts),
                  std::vector<pdf::StreamData>(doc.pages.size()), std::move(images),
                  std::vector<pdf::ImageStreams>(image_count)};
  std::vector<std::unique_ptr<pdf::Deflater>> deflaters(options.workers ? options.workers->threads() : 1);
  auto deflater = [&](unsigned slot) -> pdf::Deflater* {
    if (!options.compress) return nullptr;
    if (!deflaters[slot]) deflaters[slot] = std::make_unique<pdf::Deflater>(options.compression_level);
    return deflaters[slot].get();
  };
  const std::size_t pages = doc.pages.size();
  TaskGroup(options.workers, fonts + pages + image_count, [&](std::size_t i, unsigned slot) {
    if (i < fonts)
      out.fonts[i] = pdf::font_streams(out.plan.fonts[i], deflater(slot));
    else if (i < fonts + pages)
      out.pages[i - fonts] =
          pdf::prepare_stream(pdf::page_content(doc.pages[i - fonts], out.plan, &out.image_plan), deflater(slot));
    else
      out.images[i - fonts - pages] = pdf::image_streams(*out.image_plan.images[i - fonts - pages], deflater(slot));
  }).wait();
  return out;
}

}  // namespace

std::optional<PreparedPdf> prepare_pdf(const LaidOutDocument& doc, const PdfContentOptions& options,
                                       Diagnostics& diags) {
  if (doc.pages.empty()) {
    diags.error("", {}, "cannot write a PDF without pages");
    return std::nullopt;
  }
  try {
    return prepare(doc, options, diags);
  } catch (const std::exception& e) {
    diags.error("", {}, std::string("PDF writer failed: ") + e.what());
  }
  return std::nullopt;
}

}  // namespace vitae

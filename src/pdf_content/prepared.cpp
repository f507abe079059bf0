// Preparing a PDF's streams. See prepared.h.
#include "pdf_content/prepared.h"

#include <algorithm>
#include <exception>
#include <string>

#include "model/workers.h"
#include "pdf_content/content_stream.h"

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

FontStreams font_streams(const EmbeddedFont& f, Compression compression) {
  return {prepare_stream(f.subset.program, compression),
          prepare_stream(to_unicode_text(f), compression)};
}

}  // namespace pdf

namespace {

/// Subsetting renumbers glyphs, so the plan comes first; then fonts' and pages' streams
/// are independent tasks, each writing only its own slot.
std::optional<PreparedPdf> prepare(const LaidOutDocument& doc, const PdfContentOptions& options,
                                   Diagnostics& diags) {
  auto plan = pdf::plan_fonts(doc, diags, options.workers);
  if (!plan) return std::nullopt;
  const pdf::Compression compression{options.compress, options.compression_level};
  const std::size_t fonts = plan->fonts.size();
  PreparedPdf out{std::move(*plan), std::vector<pdf::FontStreams>(fonts),
                  std::vector<pdf::StreamData>(doc.pages.size())};
  run_tasks(options.workers, fonts + doc.pages.size(), [&](std::size_t i) {
    if (i < fonts)
      out.fonts[i] = pdf::font_streams(out.plan.fonts[i], compression);
    else
      out.pages[i - fonts] = pdf::prepare_stream(pdf::page_content(doc.pages[i - fonts], out.plan), compression);
  });
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

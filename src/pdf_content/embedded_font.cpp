// The accessors of a font plan (font_plan.h) that writing the PDF uses. A file apart from
// plan_fonts, so that the vitae-pdf module, which reads plans but never makes one, links
// neither the subsetter nor libdeflate (see src/pdf/write_pdf.cpp).
#include "pdf_content/font_plan.h"

#include <cctype>

#include "pdf_content/pdf_number.h"

namespace vitae::pdf {
namespace {

/// A PDF name may not hold spaces or delimiters; font names with them exist in the wild.
std::string sanitize_name(const std::string& name) {
  std::string out;
  for (char c : name)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') out += c;
  return out.empty() ? std::string("Font") : out;
}

}  // namespace

const GlyphCode* EmbeddedFont::code(uint16_t old_glyph) const {
  return old_glyph < codes.size() && codes[old_glyph].in_subset ? &codes[old_glyph] : nullptr;
}

double EmbeddedFont::width_1000(uint16_t old_glyph) const {
  const int upem = font->metrics().units_per_em > 0 ? font->metrics().units_per_em : 1000;
  return round_to(font->glyph_advance(old_glyph) * 1000.0 / upem, 3);
}

std::string EmbeddedFont::base_font() const {
  return subset.tag + "+" + sanitize_name(font->postscript_name());
}

const EmbeddedFont* FontPlan::find(const Font* f) const {
  auto it = index.find(f);
  return it == index.end() ? nullptr : &fonts[it->second];
}

bool drawable(const GlyphRun& run) {
  return run.font && run.size.to_pt() > 0 && !run.glyphs.empty();
}

}  // namespace vitae::pdf

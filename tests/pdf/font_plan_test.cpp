// plan_fonts: glyph collection, subsetting and the per-glyph code table that content
// writing reads.
#include <gtest/gtest.h>

#include "pdf_content/font_plan.h"
#include "pdf_test_support.h"

namespace vitae::pdf {
namespace {

using pdf_test::bundled;
using pdf_test::shaped_run;

TEST(FontPlan, CodeTableAgreesWithSubsetWidthsAndToUnicode) {
  for (const char* file : {"lato/Lato-Regular.ttf", "libertine/LinLibertine_R.otf"}) {
    auto font = bundled(file);
    LaidOutDocument doc;
    doc.pages.push_back(pdf_test::blank_page(600, 800));
    doc.pages[0].runs.push_back(shaped_run(font, "office affine Zoë", 10, 72, 100));
    doc.pages[0].runs.push_back(shaped_run(font, "second run", 12, 72, 120));
    Diagnostics diags;
    auto plan = plan_fonts(doc, diags);
    ASSERT_TRUE(plan) << file;
    ASSERT_EQ(plan->fonts.size(), 1u);
    const EmbeddedFont& f = plan->fonts[0];
    std::size_t in_table = 0;
    for (std::size_t old = 0; old < 65536; ++old) {
      const auto id = static_cast<uint16_t>(old);
      const GlyphCode* code = f.code(id);
      const auto expected = f.subset.new_glyph(id);
      ASSERT_EQ(code != nullptr, expected.has_value()) << file << " glyph " << old;
      if (!code) continue;
      ++in_table;
      EXPECT_EQ(code->code, *expected);
      EXPECT_EQ(code->width_1000, f.width_1000(id));
      auto text = f.to_unicode.find(id);
      EXPECT_EQ(code->text, text == f.to_unicode.end() ? "" : text->second);
    }
    EXPECT_EQ(in_table, f.subset.old_to_new.size()) << file;
    for (const GlyphRun& run : doc.pages[0].runs)
      for (const Glyph& g : run.glyphs) EXPECT_TRUE(f.code(g.id)) << "every glyph drawn is coded";
  }
}

TEST(FontPlan, FontsInOrderOfFirstUse) {
  auto lato = bundled("lato/Lato-Regular.ttf");
  auto libertine = bundled("libertine/LinLibertine_R.otf");
  LaidOutDocument doc;
  doc.pages.push_back(pdf_test::blank_page(600, 800));
  doc.pages[0].runs.push_back(shaped_run(libertine, "one", 10, 72, 100));
  doc.pages[0].runs.push_back(shaped_run(lato, "two", 10, 72, 120));
  doc.pages[0].runs.push_back(shaped_run(libertine, "three", 10, 72, 140));
  Diagnostics diags;
  auto plan = plan_fonts(doc, diags);
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->fonts.size(), 2u);
  EXPECT_EQ(plan->fonts[0].font, libertine);
  EXPECT_EQ(plan->fonts[0].resource, "F1");
  EXPECT_EQ(plan->fonts[1].resource, "F2");
  EXPECT_EQ(plan->find(lato.get()), &plan->fonts[1]);
  // Glyphs of both runs in Libertine are in its subset: "one" and "three".
  for (char32_t c : std::u32string_view(U"onethr"))
    EXPECT_TRUE(plan->fonts[0].code(glyph_for_codepoint(*libertine, c).value())) << char(c);
  EXPECT_FALSE(plan->fonts[1].code(glyph_for_codepoint(*lato, U'h').value()));
}

}  // namespace
}  // namespace vitae::pdf

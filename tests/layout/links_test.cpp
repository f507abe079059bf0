// design.links: the external-link icon after each link in the body (RenderCV's `link` in
// lib.typ), and underlines, checked on the laid-out page.
#include <gtest/gtest.h>

#include <algorithm>

#include "layout/layout.h"
#include "load/load.h"
#include "text/font_library.h"

namespace vitae {
namespace {

struct Laid {
  LaidOutDocument pages;
  Diagnostics diags;
};

Laid lay_out(const std::string& design) {
  std::string yaml =
      "cv:\n  name: Ada Lovelace\n  email: ada@example.com\n  sections:\n    summary:\n"
      "      - See [the notes](https://example.org/notes) for more.\n"
      "design:\n  page:\n    show_top_note: false\n" + design;
  Laid l;
  std::optional<Document> doc = load_document({"cv.yaml", yaml}, l.diags);
  EXPECT_TRUE(doc);
  if (!doc) return l;
  static const FontLibrary fonts(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false});
  l.pages = layout_document(*doc, fonts, {}, l.diags).doc;
  EXPECT_EQ(l.diags.warning_count(), 0u);
  return l;
}

const GlyphRun* run_of_font(const Page& p, const std::string& ps_name_part) {
  for (const GlyphRun& r : p.runs)
    if (r.font && r.font->postscript_name().find(ps_name_part) != std::string::npos) return &r;
  return nullptr;
}

const GlyphRun& run_with(const Page& p, const std::string& text) {
  auto it = std::find_if(p.runs.begin(), p.runs.end(), [&](const GlyphRun& r) { return r.text.find(text) != std::string::npos; });
  EXPECT_NE(it, p.runs.end()) << text;
  return *it;
}

TEST(Links, ExternalLinkIconFollowsEachBodyLinkRaisedAndInsideTheLink) {
  Laid l = lay_out("  links:\n    show_external_link_icon: true\n  header:\n    connections:\n      show_icons: false\n");
  const Page& page = l.pages.pages.at(0);
  const GlyphRun* icon = run_of_font(page, "FontAwesome7Free-Solid");
  ASSERT_NE(icon, nullptr);
  const GlyphRun& text = run_with(page, "the notes");
  // 0.65 of the body size (10pt), its baseline 0.18 em above the text's, after the link.
  EXPECT_NEAR(icon->size.to_pt(), 6.5, 1e-9);
  EXPECT_NEAR((text.origin.y - icon->origin.y).to_pt(), 1.8, 1e-6);
  EXPECT_GT(icon->origin.x, text.origin.x);
  EXPECT_EQ(icon->text, " ");  // extractors read a space, not a Private Use Area code point
  // The link's clickable area reaches over the icon; the contact line has no icon.
  Abs right;
  for (const LinkArea& a : page.links)
    if (a.uri == "https://example.org/notes") right = std::max(right, a.origin.x + a.width);
  EXPECT_GE(right.to_pt(), (icon->origin.x + icon->width()).to_pt() - 1e-6);
  int icons = 0;
  for (const GlyphRun& r : page.runs) icons += r.font == icon->font;
  EXPECT_EQ(icons, 1);
}

TEST(Links, NoIconUnlessAskedFor) {
  Laid l = lay_out("  header:\n    connections:\n      show_icons: false\n");
  EXPECT_EQ(run_of_font(l.pages.pages.at(0), "FontAwesome"), nullptr);
}

TEST(Links, TheIconIsNotUnderlined) {
  Laid with = lay_out("  links:\n    underline: true\n    show_external_link_icon: true\n");
  const Page& page = with.pages.pages.at(0);
  const GlyphRun* icon = run_of_font(page, "FontAwesome7Free-Solid");
  ASSERT_NE(icon, nullptr);
  for (const Rule& r : page.rules) {
    if (std::abs((r.origin.y - icon->origin.y).to_pt()) > 5) continue;  // another line's
    EXPECT_FALSE(r.origin.x + r.width > icon->origin.x && r.origin.x < icon->origin.x + icon->width())
        << "a rule under the icon at x=" << r.origin.x.to_pt();
  }
}

}  // namespace
}  // namespace vitae

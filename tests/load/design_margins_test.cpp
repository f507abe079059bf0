// Page margins are absolute lengths stored as Abs: a margin read as a Length (points plus
// em) was written over the next field of Design::Page, so `right_margin` turned the footer
// off and `top_margin` zeroed the bottom margin (found by tests/layout/design_values_test).
#include <gtest/gtest.h>

#include "load/load.h"

namespace vitae {
namespace {

Document with_design(const std::string& design) {
  Diagnostics diags;
  std::optional<Document> doc = load_document({"cv.yaml", "cv:\n  name: Ada\ndesign:\n" + design}, diags);
  EXPECT_TRUE(doc);
  return doc ? *doc : Document{};
}

TEST(DesignMargins, EachMarginChangesOnlyItself) {
  const Design plain = with_design("  theme: classic\n").design;
  for (const char* side : {"top", "bottom", "left", "right"}) {
    Design d = with_design(std::string("  page:\n    ") + side + "_margin: 3.3cm\n").design;
    const Abs Design::Page::*margins[] = {&Design::Page::top_margin, &Design::Page::bottom_margin,
                                          &Design::Page::left_margin, &Design::Page::right_margin};
    const char* names[] = {"top", "bottom", "left", "right"};
    for (int i = 0; i < 4; ++i) {
      double want = std::string(names[i]) == side ? Abs::cm(3.3).to_pt() : (plain.page.*margins[i]).to_pt();
      EXPECT_DOUBLE_EQ((d.page.*margins[i]).to_pt(), want) << side << "_margin set, " << names[i] << " read";
    }
    EXPECT_EQ(d.page.show_footer, plain.page.show_footer) << side;
    EXPECT_EQ(d.page.show_top_note, plain.page.show_top_note) << side;
  }
}

TEST(DesignMargins, AMarginInEmIsAnError) {
  Diagnostics diags;
  EXPECT_FALSE(load_document({"cv.yaml", "cv:\n  name: Ada\ndesign:\n  page:\n    top_margin: 2em\n"}, diags));
  ASSERT_FALSE(diags.all().empty());
  EXPECT_NE(diags.all()[0].message.find("must be an absolute length"), std::string::npos) << diags.all()[0].message;
}

}  // namespace
}  // namespace vitae

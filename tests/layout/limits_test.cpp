// The limits layout enforces on a runaway input (docs/reliability.md): the number of pages,
// and the build's deadline, checked per paragraph and per page.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "layout/layout.h"
#include "layout/paginate.h"
#include "load/load.h"
#include "model/deadline.h"
#include "text/font_library.h"

namespace vitae {
namespace {

const FontLibrary& fonts() {
  static const FontLibrary f(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false});
  return f;
}

/// A CV of `entries` experience entries, a few to a page.
Document long_cv(int entries) {
  std::string y = "cv:\n  name: Ada Lovelace\n  sections:\n    experience:\n";
  for (int i = 0; i < entries; ++i)
    y += "      - company: Company " + std::to_string(i) +
         "\n        position: Engineer\n        start_date: 2019-01\n        end_date: 2020-06\n"
         "        highlights:\n          - Built a compiler pass that removed dead stores.\n"
         "          - Wrote the test suite.\n          - Taught the team.\n";
  Diagnostics diags;
  std::optional<Document> doc = load_document({"cv.yaml", y}, diags);
  EXPECT_TRUE(doc) << (diags.all().empty() ? "" : diags.all()[0].message);
  return doc ? *doc : Document{};
}

/// A deadline that passed a second ago.
Deadline passed() { return Deadline(Deadline::Clock::now() - std::chrono::seconds(2), 1); }

TEST(PageLimit, MorePagesThanTheLimitIsAnErrorWhereTheLimitIsPassed) {
  Document doc = long_cv(40);
  Diagnostics plain;
  const int pages = layout_document(doc, fonts(), {}, plain).stats.pages;
  ASSERT_GT(pages, 3);
  EXPECT_FALSE(plain.has_errors());  // the default limit is far above

  LayoutOptions o;
  o.page_limit = 3;
  Diagnostics diags;
  LayoutResult r = layout_document(doc, fonts(), o, diags);
  ASSERT_EQ(diags.error_count(), 1u);
  const Diagnostic& d = diags.all().front();
  EXPECT_EQ(d.message, "the CV runs to " + std::to_string(pages) + " pages; the limit is 3 (page 4 ends here)");
  EXPECT_EQ(d.path, "cv.yaml");
  EXPECT_GT(d.loc.line, 4);  // in an entry on page 4, not at the top
  EXPECT_FALSE(d.hint.empty());
  EXPECT_EQ(r.doc.pages.size(), 3u);  // nothing is made past the limit
  EXPECT_EQ(kMaxPagesBuilt, LayoutOptions{}.page_limit);
}

TEST(Deadline, NoneNeverPasses) {
  Deadline none;
  EXPECT_FALSE(none.passed());
  EXPECT_NO_THROW(none.check());
  EXPECT_NO_THROW(check_deadline(nullptr));
  EXPECT_FALSE(Deadline(Deadline::Clock::now(), 3600).passed());
}

TEST(Deadline, LayoutStopsAtTheFirstParagraphPastIt) {
  Document doc = long_cv(3);
  const Deadline d = passed();
  LayoutOptions o;
  o.deadline = &d;
  Diagnostics diags;
  try {
    layout_document(doc, fonts(), o, diags);
    ADD_FAILURE() << "layout went on past its deadline";
  } catch (const DeadlinePassed& e) {
    EXPECT_EQ(e.limit_seconds, 1);
  }
  const Deadline later(Deadline::Clock::now(), 3600);
  o.deadline = &later;
  EXPECT_EQ(layout_document(doc, fonts(), o, diags).stats.pages, 1);
}

TEST(Deadline, PaginationStopsAtTheNextPage) {
  VList v;
  Frame f;
  f.height = Abs::pt(10);
  v.box(f);
  const Deadline d = passed();
  EXPECT_THROW(paginate(v, {Abs::pt(100), {}, &d}), DeadlinePassed);
  EXPECT_EQ(paginate(v, {Abs::pt(100), {}, nullptr}).size(), 1u);
}

}  // namespace
}  // namespace vitae

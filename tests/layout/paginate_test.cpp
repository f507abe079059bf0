// Pagination: TeX's page builder with a ragged bottom, and the keep rules built on it.
#include <gtest/gtest.h>

#include "layout/paginate.h"

namespace vitae {
namespace {

Frame box_of(double height_pt, const std::string& tag) {
  Frame f;
  f.height = Abs::pt(height_pt);
  f.anchors.push_back({tag, 0, Abs::zero()});
  return f;
}

std::vector<std::vector<std::string>> tags(const std::vector<PageSlice>& pages) {
  std::vector<std::vector<std::string>> out;
  for (const PageSlice& p : pages) {
    out.emplace_back();
    for (const Anchor& a : p.frame.anchors) out.back().push_back(a.title);
  }
  return out;
}

using Tags = std::vector<std::vector<std::string>>;

TEST(Paginate, FillsPagesAndBreaksAtGlue) {
  VList v;
  for (int i = 0; i < 5; ++i) {
    if (i) v.glue(Abs::pt(10));
    v.box(box_of(30, std::to_string(i)));
  }
  // 30+10+30+10+30 = 110 fits in 120; the fourth box would need 150.
  auto pages = paginate(v, {Abs::pt(120), {}});
  EXPECT_EQ(tags(pages), (Tags{{"0", "1", "2"}, {"3", "4"}}));
  // Glue at the top of a page is discarded: the second page starts at 0.
  EXPECT_EQ(pages[1].used, Abs::pt(70));
}

TEST(Paginate, FirstPageGoalAppliesToPageOneOnly) {
  VList v;
  for (int i = 0; i < 5; ++i) {
    if (i) v.glue(Abs::pt(10));
    v.box(box_of(30, std::to_string(i)));
  }
  // Page 1 has 75 (a header above the column took the rest): two boxes (70); then 120
  // per page: three boxes (110).
  auto pages = paginate(v, {Abs::pt(120), Abs::pt(75)});
  EXPECT_EQ(tags(pages), (Tags{{"0", "1"}, {"2", "3", "4"}}));
}

TEST(Paginate, HeadingNeverAloneAtPageBottom) {
  VList v;
  v.box(box_of(80, "text"));
  v.glue(Abs::pt(10));
  v.box(box_of(15, "heading"));
  v.glue_nobreak(Abs::pt(5));  // heading kept with its first entry
  v.box(box_of(30, "entry"));
  // "heading" would fit on page 1 (80+10+15 = 105 <= 120), the entry not: the heading
  // must move to page 2 with its entry.
  auto pages = paginate(v, {Abs::pt(120), {}});
  EXPECT_EQ(tags(pages), (Tags{{"text"}, {"heading", "entry"}}));
}

TEST(Paginate, CheapestBreakWinsAndLaterOnTies) {
  VList v;
  v.box(box_of(20, "a"));
  v.penalty(0);
  v.glue(Abs::pt(5));
  v.box(box_of(20, "b"));
  v.penalty(500);  // an expensive break
  v.glue(Abs::pt(5));
  v.box(box_of(20, "c"));
  v.penalty(kInfPenalty);
  v.glue(Abs::pt(5));
  v.box(box_of(50, "d"));
  // Everything up to c fits (70), d does not (125 > 100). Breaking after b costs 500,
  // after a costs 0: the page ends after a.
  auto pages = paginate(v, {Abs::pt(100), {}});
  EXPECT_EQ(tags(pages), (Tags{{"a"}, {"b", "c", "d"}}));
}

TEST(Paginate, ForcedBreak) {
  VList v;
  v.box(box_of(10, "a"));
  v.penalty(kEjectPenalty);
  v.box(box_of(10, "b"));
  EXPECT_EQ(tags(paginate(v, {Abs::pt(100), {}})), (Tags{{"a"}, {"b"}}));
}

TEST(Paginate, BoxTallerThanPageGetsItsOwnOverfullPage) {
  VList v;
  v.box(box_of(10, "a"));
  v.glue(Abs::pt(5));
  v.box(box_of(150, "huge"));
  v.glue(Abs::pt(5));
  v.box(box_of(10, "b"));
  auto pages = paginate(v, {Abs::pt(100), {}});
  ASSERT_EQ(tags(pages), (Tags{{"a"}, {"huge"}, {"b"}}));
  EXPECT_FALSE(pages[0].overfull);
  EXPECT_TRUE(pages[1].overfull);
}

TEST(Paginate, UnbreakableRunLongerThanPageStillProgresses) {
  VList v;
  for (int i = 0; i < 6; ++i) {
    if (i) v.glue_nobreak(Abs::pt(0));
    v.box(box_of(30, std::to_string(i)));
  }
  // No legal breakpoint at all: the keep cannot hold, the list still splits, page by page.
  auto pages = paginate(v, {Abs::pt(100), {}});
  EXPECT_EQ(tags(pages), (Tags{{"0", "1", "2"}, {"3", "4", "5"}}));
}

}  // namespace
}  // namespace vitae

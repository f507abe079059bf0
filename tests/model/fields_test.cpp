// Fields and templates: dates by the locale, RenderCV's template expansion.
#include <gtest/gtest.h>

#include "model/fields.h"

namespace vitae {
namespace {

TEST(FormatDate, UsesLocaleAndTemplate) {
  Locale en;
  EXPECT_EQ(format_date(Date{2018, 9, 0, false, {}}, en, "MONTH_ABBREVIATION YEAR"), "Sept 2018");
  EXPECT_EQ(format_date(Date{2018, 9, 0, false, {}}, en, "MONTH_NAME YEAR"), "September 2018");
  EXPECT_EQ(format_date(Date{2018, 9, 3, false, {}}, en, "YEAR-MONTH_IN_TWO_DIGITS-DAY_IN_TWO_DIGITS"), "2018-09-03");
  EXPECT_EQ(format_date(Date{2018, 0, 0, false, {}}, en, "MONTH_ABBREVIATION YEAR"), "2018");
  Date present;
  present.present = true;
  EXPECT_EQ(format_date(present, en, "MONTH_ABBREVIATION YEAR"), "present");
  Locale de;
  de.month_abbreviations[2] = "März";
  EXPECT_EQ(format_date(Date{2020, 3, 0, false, {}}, de, "MONTH_ABBREVIATION YEAR"), "März 2020");
}

TEST(EntryDate, FreeTextWinsOverRange) {
  Design d;
  Locale l;
  Entry e;
  e.start_date = Date{2018, 9, 0, false, {}};
  e.end_date = Date{2023, 5, 0, false, {}};
  EXPECT_EQ(entry_date_text(e, d, l), "Sept 2018 – May 2023");
  e.date.markup = "08/2017-12/2019 (Expected)";
  EXPECT_EQ(entry_date_text(e, d, l), "08/2017-12/2019 (Expected)");
}

TEST(EntryDate, SameYearRangeNamesTheYearOnceWhenTheTemplateAsks) {
  Entry e;
  Design d;
  Locale l;
  e.start_date = Date{2023, 3, 0, false, {}};
  e.end_date = Date{2023, 6, 0, false, {}};
  EXPECT_EQ(entry_date_text(e, d, l), "Mar 2023 – June 2023");  // RenderCV's default
  d.templates.same_year_date_range = "START_DATE_WITHOUT_YEAR – END_DATE";
  EXPECT_EQ(entry_date_text(e, d, l), "Mar – June 2023");
  d.templates.single_date = "MONTH_NAME, YEAR";
  EXPECT_EQ(entry_date_text(e, d, l), "March – June, 2023");
  // Other years, a year without a month, and "present" keep the plain range.
  d.templates.single_date = "MONTH_ABBREVIATION YEAR";
  e.start_date = Date{2022, 11, 0, false, {}};
  EXPECT_EQ(entry_date_text(e, d, l), "Nov 2022 – June 2023");
  e.start_date = Date{2023, 0, 0, false, {}};
  EXPECT_EQ(entry_date_text(e, d, l), "2023 – June 2023");
  e.start_date = Date{2023, 3, 0, false, {}};
  e.end_date = Date{0, 0, 0, true, {}};
  EXPECT_EQ(entry_date_text(e, d, l), "Mar 2023 – present");
}

TEST(ExpandTemplate, DropsEmptyLinesAndDanglingSeparators) {
  std::map<std::string, std::string> f{{"INSTITUTION", "Duke"}, {"AREA", ""}, {"SUMMARY", ""},
                                       {"HIGHLIGHTS", ""},        {"LOCATION", ""}, {"DATE", "2019"}};
  auto lines = expand_template("**INSTITUTION**, AREA\nSUMMARY\nHIGHLIGHTS", f);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].markup, "**Duke**");
  EXPECT_EQ(lines[1].kind, TemplateLine::Kind::Highlights);
  auto dl = expand_template("LOCATION\nDATE", f);
  ASSERT_EQ(dl.size(), 1u);
  EXPECT_EQ(dl[0].markup, "2019");
}

TEST(ExpandTemplate, KeepsLiteralTextAndParentheses) {
  std::map<std::string, std::string> f{{"URL", "[doi](https://doi.org/x)"}, {"JOURNAL", "NeurIPS"}};
  EXPECT_EQ(expand_template("URL (JOURNAL)", f)[0].markup, "[doi](https://doi.org/x) (NeurIPS)");
  f["URL"] = "";
  EXPECT_EQ(expand_template("URL (JOURNAL)", f)[0].markup, "(NeurIPS)");
  f["URL"] = "[doi](x)";
  f["JOURNAL"] = "";
  EXPECT_EQ(expand_template("URL (JOURNAL)", f)[0].markup, "[doi](x)");
  f["URL"] = "";
  f["JOURNAL"] = "";
  EXPECT_TRUE(expand_template("URL (JOURNAL)", f).empty());
}

TEST(ExpandTemplate, EmptyPlaceholderTakesItsMarkupAlong) {
  std::map<std::string, std::string> f{{"INSTITUTION", ""}, {"AREA", "Physics"}, {"AUTHORS", "A, **B**, C"}};
  EXPECT_EQ(expand_template("**INSTITUTION**, AREA", f)[0].markup, "Physics");
  EXPECT_EQ(expand_template("AUTHORS", f)[0].markup, "A, **B**, C");
}

TEST(ExpandTemplate, KeepsTheUsersOwnPunctuation) {
  std::map<std::string, std::string> f{{"LOCATION", "Beijing, China,"}, {"DATE", "2010"}};
  auto lines = expand_template("LOCATION\nDATE", f);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].markup, "Beijing, China,");
}

TEST(Embolden, WrapsKeywordsOnce) {
  EXPECT_EQ(embolden_keywords("by Wei Wen and others", {"Wei Wen"}), "by **Wei Wen** and others");
  EXPECT_EQ(embolden_keywords("by **Wei Wen**", {"Wei Wen"}), "by **Wei Wen**");
}

TEST(EntryFields, DoiBecomesLinkAndBoldKeywordsApply) {
  Document doc;
  doc.settings.bold_keywords = {"John Doe"};
  Entry e;
  e.kind = EntryKind::Publication;
  e.title.markup = "Paper";
  e.authors = {Text{"Ann", {}}, Text{"John Doe", {}}};
  e.doi.markup = "10.1234/x.1";
  auto f = entry_fields(e, doc);
  EXPECT_EQ(f["AUTHORS"], "Ann, **John Doe**");
  EXPECT_EQ(f["URL"], "[10.1234/x.1](https://doi.org/10.1234/x.1)");
}

}  // namespace
}  // namespace vitae

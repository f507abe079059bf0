// Design values, dates, edit distance, the layout file and design application.
#include <gtest/gtest.h>

#include "load/dates.h"
#include "load/did_you_mean.h"
#include "load/input_checks.h"
#include "load/values.h"
#include "load_test_util.h"

namespace vitae {
namespace {

using load::parse_color;
using load::parse_length;

TEST(Values, Lengths) {
  EXPECT_NEAR(parse_length("0.7in", nullptr)->abs.to_pt(), 50.4, 1e-9);
  EXPECT_NEAR(parse_length("2cm", nullptr)->abs.to_mm(), 20, 1e-9);
  EXPECT_NEAR(parse_length("5mm", nullptr)->abs.to_mm(), 5, 1e-9);
  EXPECT_NEAR(parse_length("10pt", nullptr)->abs.to_pt(), 10, 1e-9);
  EXPECT_EQ(*parse_length("1.4em", nullptr), Length::ems(1.4));
  EXPECT_EQ(*parse_length("10 pt", nullptr), Length::of(Abs::pt(10)));
  EXPECT_NEAR(parse_length("-0.1cm", nullptr)->abs.to_mm(), -1, 1e-9);
  EXPECT_FALSE(parse_length("10", nullptr));
  EXPECT_FALSE(parse_length("cm", nullptr));
  EXPECT_FALSE(parse_length("1.2.3cm", nullptr));
}

TEST(Values, Fractions) {
  EXPECT_EQ(*load::parse_fraction("80%", nullptr), 0.8);
  EXPECT_EQ(*load::parse_fraction("0.5", nullptr), 0.5);
  EXPECT_EQ(*load::parse_fraction("100 %", nullptr), 1.0);
  for (const char* bad : {"0", "0%", "150%", "1.5", "-0.5", "half", "80%%", "0.5cm", ""})
    EXPECT_FALSE(load::parse_fraction(bad, nullptr)) << bad;
}

// settings.max_pages and design.fit: bad values are errors at the value, with the reason.
TEST(Values, FitSettingsAndBounds) {
  const std::string cv = "cv:\n  name: Ada\n";
  testing::Loaded ok = testing::load_text(cv + "settings:\n  max_pages: 2\n  fill_pages: true\n"
                                                "design:\n  fit:\n    min_spacing: 70%\n    min_margin: 1cm\n");
  ASSERT_TRUE(ok.doc) << ok.text();
  EXPECT_EQ(ok.doc->settings.max_pages, 2);
  EXPECT_TRUE(ok.doc->settings.fill_pages);
  EXPECT_EQ(ok.doc->design.fit.min_spacing, 0.7);
  EXPECT_NEAR(ok.doc->design.fit.min_margin.to_mm(), 10, 1e-9);
  EXPECT_EQ(ok.doc->design.fit.min_line_spacing, 0.8);  // classic's
  testing::Loaded pages = testing::load_text(cv + "settings:\n  max_pages: 0\n");
  EXPECT_NE(pages.text().find("cv.yaml:4:14: error: settings.max_pages: expected a whole number of pages from 1 to 100, "
                              "found '0'"),
            std::string::npos)
      << pages.text();
  testing::Loaded frac = testing::load_text(cv + "design:\n  fit:\n    min_spacing: 150%\n");
  EXPECT_NE(frac.text().find("cv.yaml:5:18: error: design.fit.min_spacing: '150%' is not a fraction"), std::string::npos)
      << frac.text();
}

TEST(Values, Colors) {
  EXPECT_EQ(*parse_color("rgb(0, 79, 144)", nullptr), (Color{0, 79, 144}));
  EXPECT_EQ(*parse_color("rgb(0,79,144)", nullptr), (Color{0, 79, 144}));
  EXPECT_EQ(*parse_color("#004f90", nullptr), (Color{0, 79, 144}));
  EXPECT_EQ(*parse_color("#04F", nullptr), (Color{0, 68, 255}));
  EXPECT_EQ(*parse_color("grey", nullptr), (Color{128, 128, 128}));
  EXPECT_FALSE(parse_color("rgb(256, 0, 0)", nullptr));
  EXPECT_FALSE(parse_color("rgb(1, 2)", nullptr));
  EXPECT_FALSE(parse_color("#12345", nullptr));
  EXPECT_FALSE(parse_color("chartreuse-ish", nullptr));
}

TEST(Dates, ParseAndValidate) {
  std::string err;
  EXPECT_EQ(load::parse_date("2024-02-29", &err)->day, 29);
  EXPECT_FALSE(load::parse_date("2023-02-29", &err));
  EXPECT_FALSE(load::parse_date("1900-02-29", &err));
  EXPECT_TRUE(load::parse_date("2000-02-29", &err));
  EXPECT_FALSE(load::parse_date("2020-00", &err));
  EXPECT_EQ(err, "month 0 does not exist in '2020-00'");
  EXPECT_FALSE(load::parse_date("20-01", &err));
  EXPECT_TRUE(load::looks_like_date("2020-13"));
  EXPECT_FALSE(load::looks_like_date("Fall 2020"));
}

TEST(Dates, EndBeforeStartAtCommonPrecision) {
  Date y2020{2020, 0, 0, false, {}}, may2020{2020, 5, 0, false, {}}, apr2020{2020, 4, 0, false, {}};
  EXPECT_FALSE(load::ends_before_start(may2020, y2020));
  EXPECT_TRUE(load::ends_before_start(may2020, apr2020));
  EXPECT_FALSE(load::ends_before_start(apr2020, may2020));
  Date present;
  present.present = true;
  EXPECT_FALSE(load::ends_before_start(may2020, present));
}

TEST(DidYouMean, Distances) {
  EXPECT_EQ(load::edit_distance("strat_date", "start_date"), 1);
  EXPECT_EQ(load::edit_distance("kitten", "sitting"), 3);
  EXPECT_EQ(load::closest_match("strat_date", {"date", "start_date", "end_date"}), "start_date");
  EXPECT_EQ(load::closest_match("LINKEDIN", {"LinkedIn", "GitHub"}), "LinkedIn");
  EXPECT_FALSE(load::closest_match("xyz", {"date", "start_date"}));
}

TEST(InputChecks, Utf8) {
  EXPECT_FALSE(load::check_encoding("caf\xC3\xA9 \xF0\x9F\x98\x80"));
  auto overlong = load::check_encoding("ab\xC0\xAF");
  ASSERT_TRUE(overlong);
  EXPECT_EQ(overlong->loc.column, 3);
  EXPECT_TRUE(load::check_encoding("\xF4\x90\x80\x80"));  // beyond U+10FFFF
  EXPECT_TRUE(load::check_encoding("\xE2\x82"));          // truncated
}

TEST(Design, ClassicLayoutValuesAreLoaded) {
  auto l = testing::load_text("cv:\n  name: Ada\n");
  ASSERT_TRUE(l.doc) << l.text();
  const Design& d = l.doc->design;
  EXPECT_EQ(d.theme, "classic");
  EXPECT_EQ(d.page.size, "us-letter");
  EXPECT_NEAR(d.page.width.to_pt(), 612, 1e-9);
  EXPECT_NEAR(d.page.height.to_pt(), 792, 1e-9);
  EXPECT_NEAR(d.page.top_margin.to_pt(), 50.4, 1e-9);
  EXPECT_EQ(d.typography.font_size.name, Length::of(Abs::pt(30)));
  EXPECT_EQ(d.typography.font_size.section_titles, Length::ems(1.4));
  EXPECT_TRUE(d.typography.bold.name);
  EXPECT_EQ(d.header.connections.separator, "");
  EXPECT_EQ(d.sections.show_time_spans_in, std::vector<std::string>{"experience"});
  EXPECT_EQ(d.templates.education_main, "**INSTITUTION**, AREA\nSUMMARY\nHIGHLIGHTS");
  EXPECT_EQ(l.diags.warning_count(), 0u);
}

TEST(Design, UserKeysOverrideTheLayout) {
  auto l = testing::load_text(R"(cv:
  name: Ada
design:
  page:
    size: a4
    left_margin: 2cm
  colors:
    name: '#ff0000'
  typography:
    font_family: Linux Libertine O
  templates:
    education_entry:
      degree_column:
  header:
    connections:
      phone_number_format: E164
  hyphenation: true
)");
  ASSERT_TRUE(l.doc) << l.text();
  const Design& d = l.doc->design;
  EXPECT_NEAR(d.page.width.to_mm(), 210, 1e-9);
  EXPECT_NEAR(d.page.left_margin.to_mm(), 20, 1e-9);
  EXPECT_EQ(d.colors.name, (Color{255, 0, 0}));
  EXPECT_EQ(d.typography.font_family.body.family, "Linux Libertine O");
  EXPECT_EQ(d.typography.font_family.section_titles.family, "Linux Libertine O");
  EXPECT_EQ(d.typography.font_family.name.loc.line, 10);
  EXPECT_EQ(d.templates.education_degree, "");
  EXPECT_TRUE(d.hyphenation);
  // header.connections.phone_number_format is not applied, and it changed; the degree
  // column template is applied.
  EXPECT_EQ(d.unapplied_keys, std::vector<std::string>{"design.header.connections.phone_number_format"});
}

TEST(Design, FontFeaturesPerRole) {
  auto ok = testing::load_text("cv:\n  name: Ada\ndesign:\n  typography:\n    font_features:\n      body: [onum, -liga]\n"
                               "      name: [ss01=1]\n    small_caps:\n      name: true\n");
  ASSERT_TRUE(ok.doc) << ok.text();
  EXPECT_EQ(ok.doc->design.typography.font_features.body, (std::vector<std::string>{"onum", "-liga"}));
  EXPECT_EQ(ok.doc->design.typography.font_features.name, (std::vector<std::string>{"ss01=1"}));
  EXPECT_TRUE(ok.doc->design.typography.small_caps.name);
  EXPECT_TRUE(ok.doc->design.unapplied_keys.empty());
  auto bad = testing::load_text("cv:\n  name: Ada\ndesign:\n  typography:\n    font_features:\n      body: [oldstyle]\n");
  EXPECT_FALSE(bad.doc);
  EXPECT_NE(bad.text().find("'oldstyle' is not an OpenType feature setting"), std::string::npos) << bad.text();
}

TEST(LocaleAndSettings, AllKeys) {
  auto l = testing::load_text(R"(cv:
  name: Ada
locale:
  language: german
  present: heute
  phrases:
    degree_with_area: DEGREE in AREA
  month_abbreviations: [Jan, Feb, Mär, Apr, Mai, Jun, Jul, Aug, Sep, Okt, Nov, Dez]
settings:
  current_date: 2024-03-01
  bold_keywords: [C++]
  pdf_title: Ada's CV
)");
  ASSERT_TRUE(l.doc) << l.text();
  EXPECT_EQ(l.doc->locale.bcp47, "de-DE");
  EXPECT_EQ(l.doc->locale.present, "heute");
  EXPECT_EQ(l.doc->locale.month_abbreviations[2], "M\xC3\xA4r");
  ASSERT_TRUE(l.doc->settings.current_date);
  EXPECT_EQ(l.doc->settings.current_date->month, 3);
  EXPECT_FALSE(l.doc->settings.current_date_is_today);
  EXPECT_EQ(l.doc->settings.bold_keywords, std::vector<std::string>{"C++"});
  EXPECT_EQ(l.doc->settings.pdf_title, "Ada's CV");
}

TEST(LocaleAndSettings, MonthListsNeedTwelve) {
  auto l = testing::load_text("cv:\n  name: Ada\nlocale:\n  month_names: [a, b]\n");
  ASSERT_TRUE(l.diags.has_errors());
  EXPECT_EQ(l.diags.all()[0].message, "locale.month_names: expected 12 names, one per month, found 2");
}

}  // namespace
}  // namespace vitae

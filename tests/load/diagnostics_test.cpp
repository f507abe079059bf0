// Validation errors, pinned to their exact formatted text (as the CLI prints them).
#include <gtest/gtest.h>

#include "load_test_util.h"

namespace vitae {
namespace {

using testing::cv_with_sections;
using testing::load_text;

TEST(Diagnostics, UnknownKeyWithDidYouMean) {
  auto l = load_text(cv_with_sections(
      "    work:\n      - company: ACME\n        position: Dev\n        strat_date: 2020-01\n"));
  EXPECT_FALSE(l.doc);
  EXPECT_EQ(l.text(),
            "cv.yaml:7:9: error: unknown key 'strat_date' in this ExperienceEntry\n"
            "          strat_date: 2020-01\n"
            "          ^\n"
            "  hint: did you mean 'start_date'?\n");
}

TEST(Diagnostics, WrongTypeSaysWhatWasExpected) {
  auto l = load_text("cv:\n  name: Ada\nsettings:\n  bold_keywords:\n    a: b\n");
  EXPECT_EQ(l.text(),
            "cv.yaml:5:5: error: settings.bold_keywords: expected a list of strings, found a mapping\n"
            "      a: b\n"
            "      ^\n");
}

TEST(Diagnostics, MixedSectionNamesTheOddEntry) {
  auto l = load_text(cv_with_sections(
      "    education:\n      - institution: MIT\n        area: CS\n      - company: ACME\n        position: Dev\n"));
  EXPECT_EQ(l.text(),
            "cv.yaml:7:9: error: this entry is an ExperienceEntry but the section 'education' holds "
            "EducationEntry entries\n"
            "        - company: ACME\n"
            "          ^\n"
            "  hint: a section holds entries of one type; move this entry to its own section\n");
}

TEST(Diagnostics, ImpossibleDates) {
  auto l = load_text(cv_with_sections(R"(    work:
      - name: A
        start_date: 2020-13
      - name: B
        start_date: 2021-02-30
      - name: C
        start_date: 2020-02-29
        end_date: 2020-03-32
)"));
  EXPECT_EQ(l.diags.error_count(), 3u) << l.text();
  EXPECT_EQ(l.text(),
            "cv.yaml:6:21: error: start_date: month 13 does not exist in '2020-13'\n"
            "          start_date: 2020-13\n"
            "                      ^\n"
            "cv.yaml:8:21: error: start_date: day 30 does not exist in '2021-02-30': February 2021 has 28 days\n"
            "          start_date: 2021-02-30\n"
            "                      ^\n"
            "cv.yaml:11:19: error: end_date: day 32 does not exist in '2020-03-32': March 2020 has 31 days\n"
            "          end_date: 2020-03-32\n"
            "                    ^\n");
}

TEST(Diagnostics, EndBeforeStart) {
  auto l = load_text(cv_with_sections("    work:\n      - name: A\n        start_date: 2021-05\n        end_date: 2020\n"));
  EXPECT_EQ(l.text(),
            "cv.yaml:7:19: error: end_date 2020 is before start_date 2021-05\n"
            "          end_date: 2020\n"
            "                    ^\n");
}

TEST(Diagnostics, FreeTextInStartDateSuggestsDate) {
  auto l = load_text(cv_with_sections("    work:\n      - name: A\n        start_date: Fall 2021\n"));
  EXPECT_EQ(l.text(),
            "cv.yaml:6:21: error: start_date: 'Fall 2021' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD\n"
            "          start_date: Fall 2021\n"
            "                      ^\n"
            "  hint: for free text such as 'Fall 2021', use 'date' instead\n");
}

TEST(Diagnostics, UnknownTopLevelKey) {
  auto l = load_text("cv:\n  name: Ada\ndesing:\n  theme: classic\n");
  EXPECT_EQ(l.text(),
            "cv.yaml:3:1: error: unknown key 'desing' in the top level\n"
            "  desing:\n"
            "  ^\n"
            "  hint: did you mean 'design'?\n");
}

TEST(Diagnostics, MissingRequiredField) {
  auto l = load_text(cv_with_sections("    education:\n      - institution: MIT\n        degree: BS\n"));
  EXPECT_EQ(l.text(),
            "cv.yaml:5:9: error: this EducationEntry has no 'area'\n"
            "        - institution: MIT\n"
            "          ^\n"
            "  hint: an EducationEntry needs institution and area\n");
}

TEST(Diagnostics, UnknownSocialNetwork) {
  auto l = load_text("cv:\n  name: Ada\n  social_networks:\n    - network: Github\n      username: ada\n");
  EXPECT_EQ(l.text(),
            "cv.yaml:4:16: error: unknown social network 'Github'\n"
            "      - network: Github\n"
            "                 ^\n"
            "  hint: did you mean 'GitHub'?; for other sites use custom_connections\n");
}

TEST(Diagnostics, DesignValuesAreChecked) {
  auto l = load_text(
      "cv:\n  name: Ada\ndesign:\n  page:\n    top_margin: 2 furlongs\n    size: a3\n  colors:\n"
      "    name: rgb(300, 0, 0)\n  section_titles:\n    typ: with_full_line\n");
  EXPECT_EQ(l.diags.error_count(), 4u) << l.text();
  EXPECT_EQ(l.text(),
            "cv.yaml:5:17: error: design.page.top_margin: '2 furlongs' is not a length: write a number and a unit "
            "(pt, in, cm, mm or em), e.g. 0.7in\n"
            "      top_margin: 2 furlongs\n"
            "                  ^\n"
            "cv.yaml:6:11: error: design.page.size: 'a3' is not one of the choices\n"
            "      size: a3\n"
            "            ^\n"
            "  hint: expected one of: a4, a5, us-letter, us-executive\n"
            "cv.yaml:8:11: error: design.colors.name: 'rgb(300, 0, 0)' is not a colour: write rgb(0, 79, 144), "
            "#004f90 or a basic colour name\n"
            "      name: rgb(300, 0, 0)\n"
            "            ^\n"
            "cv.yaml:10:5: error: unknown key 'typ' in design.section_titles\n"
            "      typ: with_full_line\n"
            "      ^\n"
            "  hint: did you mean 'type'?\n");
}

TEST(Diagnostics, UnappliedDesignKeyWarnsOnlyWhenChanged) {
  auto l = load_text(
      "cv:\n  name: Ada\ndesign:\n  links:\n    underline: false\n  header:\n    connections:\n"
      "      phone_number_format: E164\n");
  EXPECT_TRUE(l.doc);
  EXPECT_EQ(l.text(),
            "cv.yaml:8:7: warning: design.header.connections.phone_number_format is not applied yet\n"
            "        phone_number_format: E164\n"
            "        ^\n"
            "  hint: vitae reads this key for compatibility with RenderCV but does not use it yet\n");
  EXPECT_EQ(l.doc->design.unapplied_keys, std::vector<std::string>{"design.header.connections.phone_number_format"});
}

TEST(Diagnostics, UnknownThemeIsAnError) {
  auto l = load_text("cv:\n  name: Ada\ndesign:\n  theme: clasic\n");
  EXPECT_EQ(l.text(),
            "cv.yaml:4:10: error: unknown theme 'clasic'\n"
            "    theme: clasic\n"
            "           ^\n"
            "  hint: did you mean 'classic'?\n");
}

TEST(Diagnostics, DuplicateKey) {
  auto l = load_text("cv:\n  name: Ada\n  name: Bob\n");
  EXPECT_EQ(l.text(),
            "cv.yaml:3:3: error: duplicate key 'name'\n"
            "    name: Bob\n"
            "    ^\n"
            "  hint: it is first given at line 2\n");
}

TEST(Diagnostics, CollectsAllErrorsNotJustTheFirst) {
  std::string sections = "    work:\n";
  for (int i = 0; i < 60; ++i) sections += "      - name: A\n        strat_date: 2020\n";
  auto l = load_text(cv_with_sections(sections));
  EXPECT_EQ(l.diags.error_count(), 60u);
  EXPECT_EQ(l.diags.all().size(), 50u);  // the Diagnostics cap
  EXPECT_EQ(l.diags.dropped(), 10u);
}

TEST(Diagnostics, RenderCommandKeysOnlyWarn) {
  auto l = load_text("cv:\n  name: Ada\nsettings:\n  render_command:\n    pdf_path: x.pdf\n    use_local_latex: true\n");
  EXPECT_TRUE(l.doc) << l.text();
  EXPECT_EQ(l.diags.warning_count(), 1u);
}

TEST(Diagnostics, UnknownLanguageWarns) {
  auto l = load_text("cv:\n  name: Ada\nlocale:\n  language: klingon\n");
  ASSERT_TRUE(l.doc);
  EXPECT_EQ(l.doc->locale.bcp47, "en-US");
  EXPECT_EQ(l.diags.warning_count(), 1u);
}

}  // namespace
}  // namespace vitae

// Loading each entry type and field, sections, titles and the cv header fields.
#include <gtest/gtest.h>

#include "load/section_title.h"
#include "load_test_util.h"

namespace vitae {
namespace {

using testing::cv_with_sections;
using testing::disk_options;
using testing::load_text;

// RenderCV's check_and_adjust_dates: a start alone is ongoing, an end alone is a one-day
// event shown as a date, a date-shaped `date` is a date, and `date` wins over both.
TEST(Entries, PartialDatesAreReadAsRenderCvReadsThem) {
  auto l = load_text(cv_with_sections(R"(    s:
      - name: Ongoing
        start_date: 2020-03
      - name: One day
        end_date: 2021-05-17
      - name: Dated
        date: 2023-07
      - name: Free text
        date: Fall 2021
        start_date: 2020
)"));
  ASSERT_TRUE(l.doc) << l.text();
  const auto& es = l.doc->cv.sections.at(0).entries;
  ASSERT_TRUE(es[0].end_date);
  EXPECT_TRUE(es[0].end_date->present);
  EXPECT_FALSE(es[1].start_date || es[1].end_date);
  ASSERT_TRUE(es[1].date_value);
  EXPECT_EQ(es[1].date_value->day, 17);
  EXPECT_EQ(es[1].date.markup, "2021-05-17");
  ASSERT_TRUE(es[2].date_value);
  EXPECT_EQ(es[2].date_value->month, 7);
  EXPECT_FALSE(es[3].date_value);
  EXPECT_EQ(es[3].date.markup, "Fall 2021");
}

TEST(Entries, EducationWithAllFields) {
  auto l = load_text(cv_with_sections(R"(    education:
      - institution: MIT
        area: Physics
        degree: PhD
        start_date: 2019-09
        end_date: present
        location: Cambridge, MA
        summary: Thesis on *quantum* things
        highlights:
          - GPA 4.0
        tags: [academic, physics]
)"));
  ASSERT_TRUE(l.doc) << l.text();
  const Section& s = l.doc->cv.sections.at(0);
  EXPECT_EQ(s.kind, EntryKind::Education);
  const Entry& e = s.entries.at(0);
  EXPECT_EQ(e.institution.markup, "MIT");
  EXPECT_EQ(e.area.markup, "Physics");
  EXPECT_EQ(e.degree.markup, "PhD");
  ASSERT_TRUE(e.start_date);
  EXPECT_EQ(e.start_date->year, 2019);
  EXPECT_EQ(e.start_date->month, 9);
  EXPECT_EQ(e.start_date->day, 0);
  ASSERT_TRUE(e.end_date);
  EXPECT_TRUE(e.end_date->present);
  EXPECT_EQ(e.location.markup, "Cambridge, MA");
  EXPECT_EQ(e.summary.markup, "Thesis on *quantum* things");
  ASSERT_EQ(e.highlights.size(), 1u);
  EXPECT_EQ(e.highlights[0].text.markup, "GPA 4.0");
  EXPECT_EQ(e.tags, (std::vector<std::string>{"academic", "physics"}));
  EXPECT_EQ(e.institution.loc.line, 5);
  EXPECT_EQ(e.institution.loc.column, 22);
}

TEST(Entries, ExperienceNormalOneLineBulletNumbered) {
  auto l = load_text(cv_with_sections(R"(    experience:
      - company: ACME
        position: Engineer
        date: 2021
    projects:
      - name: vitae
        start_date: 2020
        end_date: 2021-05-17
    skills:
      - label: Languages
        details: C++, Python
    honors:
      - bullet: Prize
    patents:
      - number: Patent one
    talks:
      - reversed_number: Talk one
    intro:
      - Plain text entry
)"));
  ASSERT_TRUE(l.doc) << l.text();
  const auto& secs = l.doc->cv.sections;
  ASSERT_EQ(secs.size(), 7u);
  EXPECT_EQ(secs[0].kind, EntryKind::Experience);
  EXPECT_EQ(secs[0].entries[0].company.markup, "ACME");
  EXPECT_EQ(secs[0].entries[0].position.markup, "Engineer");
  EXPECT_EQ(secs[0].entries[0].date.markup, "2021");
  EXPECT_EQ(secs[1].kind, EntryKind::Normal);
  EXPECT_EQ(secs[1].entries[0].start_date->year, 2020);
  EXPECT_EQ(secs[1].entries[0].end_date->day, 17);
  EXPECT_EQ(secs[2].kind, EntryKind::OneLine);
  EXPECT_EQ(secs[2].entries[0].details.markup, "C++, Python");
  EXPECT_EQ(secs[3].kind, EntryKind::Bullet);
  EXPECT_EQ(secs[3].entries[0].bullet.markup, "Prize");
  EXPECT_EQ(secs[4].kind, EntryKind::Numbered);
  EXPECT_EQ(secs[4].entries[0].bullet.markup, "Patent one");
  EXPECT_EQ(secs[5].kind, EntryKind::ReversedNumbered);
  EXPECT_EQ(secs[6].kind, EntryKind::Text);
  EXPECT_EQ(secs[6].entries[0].text.markup, "Plain text entry");
}

TEST(Entries, Publication) {
  auto l = load_text(cv_with_sections(R"(    publications:
      - title: A paper
        authors: ['*Ada Lovelace*', Charles Babbage]
        doi: 10.1234/x
        journal: Nature
        date: 2023-07
)"));
  ASSERT_TRUE(l.doc) << l.text();
  const Entry& e = l.doc->cv.sections[0].entries[0];
  EXPECT_EQ(e.kind, EntryKind::Publication);
  ASSERT_EQ(e.authors.size(), 2u);
  EXPECT_EQ(e.authors[0].markup, "*Ada Lovelace*");
  EXPECT_EQ(e.doi.markup, "10.1234/x");
  EXPECT_EQ(e.journal.markup, "Nature");
  EXPECT_EQ(e.date.markup, "2023-07");
}

TEST(Entries, NullValuesMeanAbsent) {
  auto l = load_text(
      "cv:\n  name: Ada\n  headline:\n  photo:\n  sections:\n    work:\n"
      "      - company: X\n        position: Y\n        date:\n        summary:\n        highlights:\n");
  ASSERT_TRUE(l.doc) << l.text();
  EXPECT_TRUE(l.doc->cv.headline.empty());
  const Entry& e = l.doc->cv.sections[0].entries[0];
  EXPECT_TRUE(e.date.empty());
  EXPECT_TRUE(e.highlights.empty());
  EXPECT_FALSE(e.start_date);
}

TEST(Entries, HighlightForms) {
  auto l = load_text(cv_with_sections(R"(    work:
      - name: X
        highlights:
          - First
          - - child one
            - child two
          - text: Tagged
            tags: [cpp]
            highlights:
              - grandchild
          - Parent
            - nested one
            - nested two
          - 'Quoted - not nested'
)"));
  ASSERT_TRUE(l.doc) << l.text();
  const auto& h = l.doc->cv.sections[0].entries[0].highlights;
  ASSERT_EQ(h.size(), 4u);
  ASSERT_EQ(h[0].children.size(), 2u);
  EXPECT_EQ(h[0].children[1].text.markup, "child two");
  EXPECT_EQ(h[1].text.markup, "Tagged");
  EXPECT_EQ(h[1].tags, std::vector<std::string>{"cpp"});
  ASSERT_EQ(h[1].children.size(), 1u);
  EXPECT_EQ(h[2].text.markup, "Parent");
  ASSERT_EQ(h[2].children.size(), 2u);
  EXPECT_EQ(h[2].children[0].text.markup, "nested one");
  EXPECT_EQ(h[2].children[0].text.loc.line, 15);
  EXPECT_EQ(h[2].children[0].text.loc.column, 15);
  EXPECT_EQ(h[3].text.markup, "Quoted - not nested");
  EXPECT_TRUE(h[3].children.empty());
}

TEST(Entries, PlainDashInTextIsNotANestedBullet) {
  auto l = load_text(cv_with_sections("    work:\n      - name: X\n        highlights:\n          - Go - fast and small\n"));
  ASSERT_TRUE(l.doc) << l.text();
  const auto& h = l.doc->cv.sections[0].entries[0].highlights;
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].text.markup, "Go - fast and small");
  EXPECT_TRUE(h[0].children.empty());
}

TEST(Entries, SectionMappingFormWithTags) {
  auto l = load_text(cv_with_sections(R"(    skills:
      tags: [tech]
      entries:
        - label: C++
          details: 20 years
)"));
  ASSERT_TRUE(l.doc) << l.text();
  const Section& s = l.doc->cv.sections[0];
  EXPECT_EQ(s.tags, std::vector<std::string>{"tech"});
  EXPECT_EQ(s.kind, EntryKind::OneLine);
  EXPECT_EQ(s.entries.size(), 1u);
}

TEST(Entries, SectionOrderAndTitles) {
  auto l = load_text(cv_with_sections(
      "    zeta_and_alpha:\n      - a\n    Selected Honors & Awards:\n      - b\n    education_and_training:\n      - c\n"));
  ASSERT_TRUE(l.doc) << l.text();
  const auto& s = l.doc->cv.sections;
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].title, "Zeta and Alpha");
  EXPECT_EQ(s[1].title, "Selected Honors & Awards");
  EXPECT_EQ(s[2].title, "Education and Training");
}

TEST(SectionTitle, RenderCvRules) {
  EXPECT_EQ(load::section_title("education_and_training"), "Education and Training");
  EXPECT_EQ(load::section_title("experience"), "Experience");
  EXPECT_EQ(load::section_title("über_uns"), "Über Uns");            // beyond ASCII
  EXPECT_EQ(load::section_title("опыт_работы"), "Опыт Работы");      // Cyrillic
  EXPECT_EQ(load::section_title("Über uns"), "Über uns");            // as written
  EXPECT_EQ(load::section_title("of_mice_and_men"), "of Mice and Men");
  EXPECT_EQ(load::section_title("myProjects"), "myProjects");
  EXPECT_EQ(load::section_title("my projects"), "my projects");
}

TEST(Cv, HeaderFieldsEmailsAndConnections) {
  auto l = load_text(R"(cv:
  name: Ada Lovelace
  headline: Analyst
  location: London
  email: [ada@example.com, ada@work.example]
  phone: "+44 20 7946 0000"
  website: https://ada.example
  photo: tests/data/photo/portrait.jpg
  social_networks:
    - network: Mastodon
      username: "@ada@hachyderm.io"
  custom_connections:
    - placeholder: Blog
      url: https://blog.example
      fontawesome_icon: blog
)", disk_options());
  ASSERT_TRUE(l.doc) << l.text();
  const CV& cv = l.doc->cv;
  EXPECT_EQ(cv.headline.markup, "Analyst");
  ASSERT_EQ(cv.emails.size(), 2u);
  EXPECT_EQ(cv.emails[1].markup, "ada@work.example");
  EXPECT_EQ(cv.phone.markup, "+44 20 7946 0000");
  EXPECT_EQ(cv.photo.markup, "tests/data/photo/portrait.jpg");
  ASSERT_TRUE(cv.photo_image);
  ASSERT_EQ(cv.social_networks.size(), 1u);
  EXPECT_EQ(cv.social_networks[0].url, "https://hachyderm.io/@ada");
  ASSERT_EQ(cv.custom_connections.size(), 1u);
  EXPECT_EQ(cv.custom_connections[0].icon, "blog");
  EXPECT_EQ(cv.custom_connections[0].url, "https://blog.example");
}

TEST(Cv, JsonInputWithUnicodeEscapes) {
  auto l = load_text(
      R"({"cv": {"name": "Ren\u00e9 Descartes", "email": "rene@example.com",
          "sections": {"education": [{"institution": "La Fl\u00e8che", "area": "Philosophy",
                                      "start_date": 1607, "end_date": "1615"}]}},
          "design": {"theme": "classic", "page": {"size": "a4"}}, "locale": {"language": "french"}})");
  ASSERT_TRUE(l.doc) << l.text();
  EXPECT_EQ(l.doc->cv.name.markup, "Ren\xC3\xA9 Descartes");
  EXPECT_EQ(l.doc->cv.sections[0].entries[0].institution.markup, "La Fl\xC3\xA8" "che");
  EXPECT_EQ(l.doc->cv.sections[0].entries[0].start_date->year, 1607);
  EXPECT_EQ(l.doc->design.page.size, "a4");
  EXPECT_EQ(l.doc->locale.bcp47, "fr-FR");
}

}  // namespace
}  // namespace vitae

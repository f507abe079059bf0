// JSON Resume files read as CVs: each field's place in the model, warnings for fields with
// none, the simpler entry types a section falls back to, `vitae convert`'s YAML and that it
// reads back as the same document.
#include <gtest/gtest.h>

#include "load/json_resume.h"
#include "load/yaml_emit.h"
#include "load/yaml_tree.h"
#include "load_test_util.h"

namespace vitae {
namespace {

std::string plain(const Text& t) { return t.markup; }

const Section* section(const Document& doc, std::string_view key) {
  for (const Section& s : doc.cv.sections)
    if (s.key == key) return &s;
  return nullptr;
}

/// The warnings' messages, in order.
std::vector<std::string> warnings(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.all())
    if (d.severity == Severity::Warning) out.push_back(d.message);
  return out;
}

const char* const kBasics = R"({
  "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
  "basics": {
    "name": "Ada Lovelace", "label": "Analyst", "email": "ada@example.org", "phone": "+44 20 0000",
    "url": "https://ada.example.org", "summary": "Wrote the first program.",
    "location": {"city": "London", "region": "England", "countryCode": "GB"},
    "profiles": [
      {"network": "GitHub", "username": "ada", "url": "https://github.com/ada"},
      {"network": "twitter", "username": "countess"},
      {"network": "Analytical Society", "username": "al", "url": "https://society.example.org/al"}
    ]
  })";

TEST(JsonResume, BasicsGoToTheHeaderAndASummarySection) {
  auto l = testing::load_text(std::string(kBasics) + "}");
  ASSERT_TRUE(l.doc) << l.text();
  EXPECT_TRUE(warnings(l.diags).empty()) << l.text();
  const CV& cv = l.doc->cv;
  EXPECT_EQ(plain(cv.name), "Ada Lovelace");
  EXPECT_EQ(plain(cv.headline), "Analyst");
  ASSERT_EQ(cv.emails.size(), 1u);
  EXPECT_EQ(plain(cv.emails[0]), "ada@example.org");
  EXPECT_EQ(plain(cv.phone), "+44 20 0000");
  EXPECT_EQ(plain(cv.website), "https://ada.example.org");
  EXPECT_EQ(plain(cv.location), "London, England, GB");
  ASSERT_EQ(cv.social_networks.size(), 2u);
  EXPECT_EQ(cv.social_networks[0].network, "GitHub");
  EXPECT_EQ(cv.social_networks[1].network, "X");  // JSON Resume's samples still say Twitter
  EXPECT_EQ(cv.social_networks[1].username, "countess");
  ASSERT_EQ(cv.custom_connections.size(), 1u);
  EXPECT_EQ(cv.custom_connections[0].placeholder, "Analytical Society: al");
  EXPECT_EQ(cv.custom_connections[0].url, "https://society.example.org/al");
  const Section* summary = section(*l.doc, "summary");
  ASSERT_TRUE(summary);
  ASSERT_EQ(summary->entries.size(), 1u);
  EXPECT_EQ(plain(summary->entries[0].text), "Wrote the first program.");
}

TEST(JsonResume, WorkEducationAndPublications) {
  auto l = testing::load_text(std::string(kBasics) + R"(,
  "work": [{"name": "Babbage & Co", "position": "Analyst", "url": "https://babbage.example.org",
            "location": "London", "startDate": "1842-01", "summary": "Notes.", "highlights": ["Note G"]}],
  "education": [{"institution": "Home", "area": "Mathematics", "studyType": "Tutoring",
                 "startDate": "1828", "endDate": "1835-06-01", "score": "A", "courses": ["Algebra"]}],
  "publications": [{"name": "Sketch of the Analytical Engine", "publisher": "Taylor's Scientific Memoirs",
                    "releaseDate": "1843-09", "url": "https://example.org/sketch"}]
})");
  ASSERT_TRUE(l.doc) << l.text();
  const Section* work = section(*l.doc, "experience");
  ASSERT_TRUE(work);
  const Entry& job = work->entries.at(0);
  EXPECT_EQ(job.kind, EntryKind::Experience);
  EXPECT_EQ(plain(job.company), "[Babbage & Co](https://babbage.example.org)");
  EXPECT_EQ(plain(job.position), "Analyst");
  EXPECT_EQ(plain(job.location), "London");
  ASSERT_TRUE(job.start_date && job.end_date);
  EXPECT_EQ(job.start_date->year, 1842);
  EXPECT_TRUE(job.end_date->present);  // no endDate: ongoing
  EXPECT_EQ(job.highlights.at(0).text.markup, "Note G");
  const Entry& school = section(*l.doc, "education")->entries.at(0);
  EXPECT_EQ(school.kind, EntryKind::Education);
  EXPECT_EQ(plain(school.degree), "Tutoring");
  EXPECT_EQ(school.end_date->month, 6);
  ASSERT_EQ(school.highlights.size(), 2u);
  EXPECT_EQ(school.highlights[0].text.markup, "Score: A");
  EXPECT_EQ(school.highlights[1].text.markup, "Algebra");
  const Entry& paper = section(*l.doc, "publications")->entries.at(0);
  EXPECT_EQ(paper.kind, EntryKind::Publication);
  ASSERT_EQ(paper.authors.size(), 1u);
  EXPECT_EQ(plain(paper.authors[0]), "Ada Lovelace");  // the CV's owner
  EXPECT_EQ(plain(paper.journal), "Taylor's Scientific Memoirs");
  EXPECT_EQ(plain(paper.url), "https://example.org/sketch");
  ASSERT_TRUE(paper.date_value);
  EXPECT_EQ(paper.date_value->month, 9);
}

TEST(JsonResume, OneLineSectionsAndTheRest) {
  auto l = testing::load_text(std::string(kBasics) + R"(,
  "skills": [{"name": "Mathematics", "level": "Master", "keywords": ["Calculus", "Bernoulli numbers"]}],
  "languages": [{"language": "French", "fluency": "Fluent"}],
  "interests": [{"name": "Music", "keywords": ["Harp"]}],
  "awards": [{"title": "Medal", "awarder": "Society", "date": "1840", "summary": "For notes."}],
  "certificates": [{"name": "Certificate", "issuer": "Academy", "url": "https://c.example.org", "date": "1841-02"}],
  "references": [{"name": "C. Babbage", "reference": "The Enchantress of Numbers."}],
  "projects": [{"name": "Engine", "description": "A program.", "url": "https://e.example.org",
                "startDate": "1842", "endDate": "1843", "highlights": ["Loops"]}],
  "volunteer": [{"organization": "School", "position": "Teacher", "startDate": "1850", "endDate": "1851"}]
})");
  ASSERT_TRUE(l.doc) << l.text();
  const Entry& skill = section(*l.doc, "skills")->entries.at(0);
  EXPECT_EQ(skill.kind, EntryKind::OneLine);
  EXPECT_EQ(plain(skill.label), "Mathematics");
  EXPECT_EQ(plain(skill.details), "Calculus, Bernoulli numbers (Master)");
  EXPECT_EQ(plain(section(*l.doc, "languages")->entries.at(0).details), "Fluent");
  EXPECT_EQ(plain(section(*l.doc, "interests")->entries.at(0).details), "Harp");
  EXPECT_EQ(plain(section(*l.doc, "awards")->entries.at(0).name), "Medal, Society");
  EXPECT_EQ(plain(section(*l.doc, "certificates")->entries.at(0).name), "[Certificate](https://c.example.org), Academy");
  EXPECT_EQ(plain(section(*l.doc, "references")->entries.at(0).summary), "The Enchantress of Numbers.");
  const Entry& project = section(*l.doc, "projects")->entries.at(0);
  EXPECT_EQ(plain(project.name), "[Engine](https://e.example.org)");
  EXPECT_EQ(plain(project.summary), "A program.");
  EXPECT_EQ(plain(section(*l.doc, "volunteer")->entries.at(0).company), "School");
  // Section order follows JSON Resume's usual order, not the file's.
  std::vector<std::string> keys;
  for (const Section& s : l.doc->cv.sections) keys.push_back(s.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"summary", "volunteer", "awards", "certificates", "skills", "languages",
                                            "interests", "references", "projects"}));
}

TEST(JsonResume, ASectionWithAnIncompleteItemFallsBackToNamedEntries) {
  // A job without a position cannot be an ExperienceEntry, and a section holds one type.
  auto l = testing::load_text(std::string(kBasics) + R"(,
  "work": [{"name": "Babbage & Co", "position": "Analyst"}, {"name": "Freelance"}],
  "languages": [{"language": "French", "fluency": "Fluent"}, {"language": "Italian"}]
})");
  ASSERT_TRUE(l.doc) << l.text();
  const Section* work = section(*l.doc, "experience");
  ASSERT_EQ(work->entries.size(), 2u);
  EXPECT_EQ(work->entries[0].kind, EntryKind::Normal);
  EXPECT_EQ(plain(work->entries[0].name), "Analyst, Babbage & Co");
  EXPECT_EQ(plain(work->entries[1].name), "Freelance");
  const Section* languages = section(*l.doc, "languages");
  EXPECT_EQ(plain(languages->entries[0].name), "French: Fluent");
  EXPECT_EQ(plain(languages->entries[1].name), "Italian");
}

TEST(JsonResume, FieldsWithNoPlaceAreWarningsAtTheirPlace) {
  auto l = testing::load_text(R"({"basics": {"name": "Ada", "image": "https://x.example.org/a.jpg",
  "location": {"address": "12 St James's Square", "city": "London"}},
  "work": [{"name": "Co", "position": "P", "description": "A company", "mood": "good"}],
  "meta": {"version": "v1"}, "hobbies": []})");
  ASSERT_TRUE(l.doc) << l.text();
  EXPECT_EQ(warnings(l.diags),
            (std::vector<std::string>{
                "basics.image is a web address; vitae reads a photo only from a file, so it is left out",
                "the JSON Resume field 'basics.location.address' has no place in vitae's CV; it is left out",
                "the JSON Resume field 'work.description' has no place in vitae's CV; it is left out",
                "the JSON Resume field 'work.mood' has no place in vitae's CV; it is left out",
                "the JSON Resume field 'meta' has no place in vitae's CV; it is left out",
                "the JSON Resume field 'hobbies' has no place in vitae's CV; it is left out"}));
  const Diagnostic& address = l.diags.all().at(1);
  EXPECT_EQ(address.loc.line, 2);
  EXPECT_EQ(address.loc.column, 16);
}

TEST(JsonResume, WrongTypesAreErrorsInTheJson) {
  auto l = testing::load_text(R"({"basics": {"name": "Ada"}, "work": {"name": "Co"},
  "skills": [{"name": "S", "keywords": "a, b"}]})");
  EXPECT_FALSE(l.doc);
  ASSERT_EQ(l.diags.error_count(), 2u) << l.text();
  EXPECT_EQ(l.diags.all()[0].message, "work: expected a list, found a mapping");
  EXPECT_EQ(l.diags.all()[0].loc.line, 1);
  EXPECT_EQ(l.diags.all()[1].message, "skills.keywords: expected a list of strings, found a string");
  EXPECT_EQ(l.diags.all()[1].loc.line, 2);
}

TEST(JsonResume, VitaesOwnKeysPassThroughAndAYamlFileMayExtendTheJson) {
  auto l = testing::load_text(R"({"basics": {"name": "Ada"}, "design": {"theme": "sb2nov"},
  "skills": [{"name": "S", "keywords": ["a"], "tags": ["ml"]}, {"name": "T", "keywords": ["b"], "tags": ["web"]}],
  "variants": {"ml": {"include_tags": ["ml"]}}})");
  ASSERT_TRUE(l.doc) << l.text();
  EXPECT_TRUE(l.diags.all().empty()) << l.text();
  EXPECT_EQ(l.doc->design.theme, "sb2nov");
  auto ml = testing::build(l.source.text, "ml");
  ASSERT_TRUE(ml.doc) << ml.text();
  EXPECT_EQ(section(*ml.doc, "skills")->entries.size(), 1u);
}

TEST(JsonResume, OnlyAFileWithBasicsAndNoCvIsJsonResume) {
  Diagnostics diags;
  auto json = load::parse_yaml_tree(R"({"basics": {}})", "r.json", diags);
  auto rendercv = load::parse_yaml_tree("cv:\n  name: Ada\nbasics: 1\n", "r.yaml", diags);
  ASSERT_TRUE(json && rendercv);
  EXPECT_TRUE(load::is_json_resume(*json));
  EXPECT_FALSE(load::is_json_resume(*rendercv));
}

TEST(JsonResume, ConvertedYamlReadsBackAsTheSameDocument) {
  std::string json = std::string(kBasics) + R"(,
  "work": [{"name": "Co: \"quoted\" & more", "position": "null", "startDate": "1842-01",
            "summary": "Line one.\nLine two.", "highlights": ["- not a list", "#hash", " lead", "yes", "~"]}]
})";
  Diagnostics diags;
  std::optional<std::string> yaml = convert_json_resume({"r.json", json}, diags);
  ASSERT_TRUE(yaml) << format_diagnostics(diags, {});
  EXPECT_EQ(yaml->rfind("# yaml-language-server: $schema=vitae.schema.json\n", 0), 0u);
  auto from_json = testing::load_text(json);
  auto from_yaml = testing::load_text(*yaml);
  ASSERT_TRUE(from_json.doc && from_yaml.doc) << from_json.text() << from_yaml.text() << *yaml;
  const Entry& a = section(*from_json.doc, "experience")->entries.at(0);
  const Entry& b = section(*from_yaml.doc, "experience")->entries.at(0);
  EXPECT_EQ(plain(a.company), plain(b.company));
  EXPECT_EQ(plain(b.position), "null");
  EXPECT_EQ(plain(a.summary), plain(b.summary));
  ASSERT_EQ(b.highlights.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(a.highlights[i].text.markup, b.highlights[i].text.markup) << i;
  EXPECT_EQ(plain(from_json.doc->cv.location), plain(from_yaml.doc->cv.location));
}

TEST(JsonResume, ConvertRefusesAFileThatIsNotJsonResume) {
  Diagnostics diags;
  EXPECT_FALSE(convert_json_resume({"cv.yaml", "cv:\n  name: Ada\n"}, diags));
  ASSERT_EQ(diags.error_count(), 1u);
  EXPECT_EQ(diags.all()[0].message, "this is not a JSON Resume file: it has no 'basics' at its top level");
}

}  // namespace
}  // namespace vitae

// Tailored variants: selection by tags, `sections:`, `set:` by key path, --set overrides,
// `extends:` chains, and the errors and warnings about them (CvSource and load_document).
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../support/files.h"
#include "load/load.h"
#include "load_test_util.h"

namespace vitae {
namespace {

using test_support::TempDir;
using test_support::write_bytes;
using test_support::read_bytes;
using testing::cv_with_sections;

using testing::Built;
using testing::build;
using testing::build_file;
using testing::disk_options;
using testing::with_overrides;
using testing::write_file;

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec);
}

// The first diagnostic whose message contains `needle`, or null.
const Diagnostic* find_diag(const Diagnostics& diags, std::string_view needle) {
  for (const Diagnostic& d : diags.all())
    if (d.message.find(needle) != std::string::npos) return &d;
  return nullptr;
}

// The first diagnostic of `b` whose message contains `needle`; a test failure when none has.
Diagnostic diag(const Built& b, std::string_view needle) {
  if (const Diagnostic* d = find_diag(b.diags, needle)) return *d;
  ADD_FAILURE() << "no diagnostic contains '" << needle << "' in:\n" << b.text();
  return {};
}

std::vector<std::string> section_keys(const Document& doc) {
  std::vector<std::string> out;
  for (const Section& s : doc.cv.sections) out.push_back(s.key);
  return out;
}

const Section* section(const Document& doc, const std::string& key) {
  for (const Section& s : doc.cv.sections)
    if (s.key == key) return &s;
  return nullptr;
}

std::vector<std::string> entry_names(const Document& doc, const std::string& key) {
  std::vector<std::string> out;
  if (const Section* s = section(doc, key))
    for (const Entry& e : s->entries) out.push_back(e.name.markup);
  return out;
}

std::vector<std::string> texts(const std::vector<Highlight>& hs) {
  std::vector<std::string> out;
  for (const Highlight& h : hs) out.push_back(h.text.markup);
  return out;
}

using Names = std::vector<std::string>;

// Four entries: untagged, [ml], [web], [ml, web]. `head` goes before `cv:`.
std::string projects_cv(const std::string& head = "") {
  return head + cv_with_sections(R"(    projects:
      - name: Plain
      - name: Learner
        tags: [ml]
      - name: Site
        tags: [web]
      - name: Both
        tags: [ml, web]
)");
}

// ---- Selection by tags ----

TEST(Variants, IncludeTagsKeepsUntaggedAndMatchingItems) {
  auto b = build(projects_cv("include_tags: [ml]\n"));
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(entry_names(*b.doc, "projects"), (Names{"Plain", "Learner", "Both"}));
}

TEST(Variants, ExcludeTagsDropsItemsWithAnExcludedTag) {
  auto b = build(projects_cv("exclude_tags: [web]\n"));
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(entry_names(*b.doc, "projects"), (Names{"Plain", "Learner"}));
}

TEST(Variants, ExcludeWinsOverInclude) {
  auto b = build(projects_cv("include_tags: [ml]\nexclude_tags: [web]\n"));
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(entry_names(*b.doc, "projects"), (Names{"Plain", "Learner"}));
}

const char* kTaggedSections = R"(    research:
      tags: [academic]
      entries:
        - name: Paper
        - name: Web paper
          tags: [web]
    sites:
      tags: [web]
      entries:
        - name: Academic site
          tags: [academic]
    projects:
      - name: Tool
)";

TEST(Variants, SectionTagsExcludeTheWholeSection) {
  auto b = build("exclude_tags: [academic]\n" + cv_with_sections(kTaggedSections));
  ASSERT_TRUE(b.doc) << b.text();
  // research goes by its own tag, though "Paper" is untagged; sites is left empty and goes.
  EXPECT_EQ(section_keys(*b.doc), (Names{"projects"}));
}

TEST(Variants, EntriesAreJudgedOnTheirOwnTagsInsideAKeptSection) {
  // research stays (academic); inside it, the untagged entry stays and the [web] one goes.
  auto b = build("include_tags: [academic]\n" + cv_with_sections(kTaggedSections));
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(section_keys(*b.doc), (Names{"research", "projects"}));
  EXPECT_EQ(entry_names(*b.doc, "research"), (Names{"Paper"}));
  EXPECT_EQ(entry_names(*b.doc, "projects"), (Names{"Tool"}));
}

TEST(Variants, AnIncludedChildDoesNotKeepAParentThatGoes) {
  // sites is [web]: it goes, with its [academic] entry.
  auto b = build("include_tags: [academic]\n" + cv_with_sections(kTaggedSections));
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(section(*b.doc, "sites"), nullptr);
}

const char* kHighlights = R"(    projects:
      - name: Tool
        highlights:
          - Plain point
          - text: Learning point
            tags: [ml]
            highlights:
              - text: Web child
                tags: [web]
              - Plain child
          - text: Web point
            tags: [web]
            highlights:
              - text: Learning under web
                tags: [ml]
)";

TEST(Variants, HighlightsAreFilteredByTheirTags) {
  auto b = build("exclude_tags: [web]\n" + cv_with_sections(kHighlights));
  ASSERT_TRUE(b.doc) << b.text();
  const auto& hs = b.doc->cv.sections.at(0).entries.at(0).highlights;
  EXPECT_EQ(texts(hs), (Names{"Plain point", "Learning point"}));
  ASSERT_EQ(hs.size(), 2u);
  EXPECT_EQ(texts(hs[1].children), (Names{"Plain child"}));
}

TEST(Variants, NestedHighlightsAreJudgedOnlyWhenTheirParentStays) {
  // "Learning under web" is included, but its parent "Web point" goes, and it goes too;
  // "Web child" is judged on its own tags under a kept parent, and goes.
  auto b = build("include_tags: [ml]\n" + cv_with_sections(kHighlights));
  ASSERT_TRUE(b.doc) << b.text();
  const auto& hs = b.doc->cv.sections.at(0).entries.at(0).highlights;
  EXPECT_EQ(texts(hs), (Names{"Plain point", "Learning point"}));
  ASSERT_EQ(hs.size(), 2u);
  EXPECT_EQ(texts(hs[1].children), (Names{"Plain child"}));
}

TEST(Variants, ASectionLeftWithoutEntriesDisappears) {
  auto b = build("exclude_tags: [web]\n" + cv_with_sections(R"(    talks:
      - name: Talk one
        tags: [web]
      - name: Talk two
        tags: [web]
    projects:
      - name: Tool
)"));
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(section_keys(*b.doc), (Names{"projects"}));
}

TEST(Variants, AnEntryWhoseHighlightsAllGoKeepsItsHeader) {
  auto b = build("exclude_tags: [web]\n" + cv_with_sections(R"(    projects:
      - name: Tool
        highlights:
          - text: One
            tags: [web]
          - text: Two
            tags: [web]
)"));
  ASSERT_TRUE(b.doc) << b.text();
  ASSERT_EQ(entry_names(*b.doc, "projects"), (Names{"Tool"}));
  EXPECT_TRUE(b.doc->cv.sections[0].entries[0].highlights.empty());
}

// ---- Variants' selections ----

TEST(Variants, AVariantSelectionAppliesOnlyToThatVariant) {
  auto b = build(projects_cv("variants:\n  ml:\n    include_tags: [ml]\n"));
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(entry_names(*b.doc, "projects"), (Names{"Plain", "Learner", "Site", "Both"}));
  auto v = b.source->document("ml", b.diags);
  ASSERT_TRUE(v) << b.text();
  EXPECT_EQ(entry_names(*v, "projects"), (Names{"Plain", "Learner", "Both"}));
}

TEST(Variants, AVariantKeyReplacesTheTopLevelKeyOfTheSameName) {
  auto b = build(projects_cv("exclude_tags: [web]\nvariants:\n  noml:\n    exclude_tags: [ml]\n"), "noml");
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(entry_names(*b.doc, "projects"), (Names{"Plain", "Site"}));
}

TEST(Variants, AVariantKeepsTheTopLevelKeysItDoesNotGive) {
  auto b = build(projects_cv("exclude_tags: [web]\nvariants:\n  ml:\n    include_tags: [ml]\n"), "ml");
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(entry_names(*b.doc, "projects"), (Names{"Plain", "Learner"}));
}

// ---- sections: ----

const char* kThreeSections = R"(    alpha:
      - name: A
    beta:
      - name: B
    gamma:
      - name: G
        tags: [old]
)";

TEST(Variants, SectionsListPicksAndOrdersSections) {
  auto b = build("sections: [gamma, alpha]\n" + cv_with_sections(kThreeSections));
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(section_keys(*b.doc), (Names{"gamma", "alpha"}));
}

TEST(Variants, SectionsListInAVariantReplacesTheTopLevelOne) {
  auto b = build("sections: [gamma, alpha]\nvariants:\n  short:\n    sections: [beta]\n" +
                     cv_with_sections(kThreeSections),
                 "short");
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(section_keys(*b.doc), (Names{"beta"}));
}

TEST(Variants, SectionsListAppliesAfterTagFiltering) {
  auto b = build("sections: [gamma, alpha]\nexclude_tags: [old]\n" + cv_with_sections(kThreeSections));
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(section_keys(*b.doc), (Names{"alpha"}));
  EXPECT_FALSE(b.diags.has_errors());
}

TEST(Variants, UnknownSectionNameIsAnErrorWithDidYouMean) {
  auto b = build("sections: [alpha, betta]\n" + cv_with_sections(kThreeSections));
  EXPECT_FALSE(b.doc);
  Diagnostic d = diag(b, "no section 'betta'");
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(d.loc.line, 1);
  EXPECT_EQ(d.loc.column, 19);
  EXPECT_NE(d.hint.find("did you mean 'beta'?"), std::string::npos) << d.hint;
}

TEST(Variants, SectionNamedTwiceIsAnError) {
  auto b = build("sections: [alpha, beta, alpha]\n" + cv_with_sections(kThreeSections));
  EXPECT_FALSE(b.doc);
  Diagnostic d = diag(b, "'alpha' is listed twice");
  EXPECT_EQ(d.loc.column, 25);
}

// ---- Unknown variants, unused tags, variant names ----

TEST(Variants, UnknownVariantIsAnErrorListingTheKnownOnes) {
  auto b = build(projects_cv("variants:\n  ml: {include_tags: [ml]}\n  web: {include_tags: [web]}\n"), "design");
  ASSERT_TRUE(b.source) << b.text();
  EXPECT_FALSE(b.doc);
  Diagnostic d = diag(b, "no variant named 'design'");
  EXPECT_NE(d.hint.find("ml, web"), std::string::npos) << d.hint;
  EXPECT_EQ(d.hint.find("did you mean"), std::string::npos) << d.hint;
}

TEST(Variants, UnknownVariantCloseToAKnownOneGetsDidYouMean) {
  auto b = build(projects_cv("variants:\n  ml: {include_tags: [ml]}\n  web: {include_tags: [web]}\n"), "wbe");
  EXPECT_FALSE(b.doc);
  Diagnostic d = diag(b, "no variant named 'wbe'");
  EXPECT_NE(d.hint.find("did you mean 'web'?"), std::string::npos) << d.hint;
  EXPECT_NE(d.hint.find("ml, web"), std::string::npos) << d.hint;
}

TEST(Variants, ATagNoItemCarriesWarnsAtTheTag) {
  auto b = build(projects_cv("exclude_tags: [old, wbe]\n"));
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_FALSE(b.diags.has_errors());
  Diagnostic d = diag(b, "'wbe'");
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.loc.line, 1);
  EXPECT_EQ(d.loc.column, 21);
  EXPECT_EQ(d.hint, "did you mean 'web'?");
  EXPECT_NE(find_diag(b.diags, "'old'"), nullptr) << b.text();
  EXPECT_EQ(b.diags.warning_count(), 2u);
}

TEST(Variants, ATagNoItemCarriesInAVariantWarns) {
  auto b = build(projects_cv("variants:\n  ml:\n    include_tags: [ml, mll]\n"), "ml");
  ASSERT_TRUE(b.doc) << b.text();
  Diagnostic d = diag(b, "'mll' in include_tags");
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.loc.line, 3);
  EXPECT_EQ(d.loc.column, 24);
  EXPECT_EQ(d.hint, "did you mean 'ml'?");
  EXPECT_EQ(entry_names(*b.doc, "projects"), (Names{"Plain", "Learner", "Both"}));
}

TEST(Variants, TagsOnSectionsAndHighlightsCountAsCarried) {
  auto b = build("include_tags: [academic, ml]\n" + cv_with_sections(kTaggedSections + std::string(R"(    more:
      - name: X
        highlights:
          - text: H
            highlights:
              - text: Deep
                tags: [ml]
)")));
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.diags.warning_count(), 0u) << b.text();
}

TEST(Variants, VariantNamesInSourceOrder) {
  auto b = build(projects_cv("variants:\n  zeta: {}\n  alpha: {}\n  mid-2027.v2: {}\n"));
  ASSERT_TRUE(b.source) << b.text();
  EXPECT_EQ(b.source->variant_names(), (Names{"zeta", "alpha", "mid-2027.v2"}));
}

TEST(Variants, DuplicateVariantNameIsAnError) {
  auto b = build(projects_cv("variants:\n  ml: {}\n  web: {}\n  ml: {}\n"));
  EXPECT_FALSE(b.source);
  Diagnostic d = diag(b, "duplicate variant 'ml'");
  EXPECT_EQ(d.loc.line, 4);
}

TEST(Variants, AVariantNameUnusableInAFileNameIsAnError) {
  for (std::string name : {"a/b", "has space"}) {
    auto b = build(projects_cv("variants:\n  " + name + ": {}\n"));
    EXPECT_FALSE(b.source) << name;
    EXPECT_NE(find_diag(b.diags, "'" + name + "' cannot be part of a file name"), nullptr) << b.text();
  }
}

// ---- set: by key path ----

const char* kEducation = R"(    education:
      - institution: MIT
        area: Physics
        degree: BS
      - institution: ETH
        area: Maths
        degree: MS
)";

std::string headline_cv(const std::string& head) {
  return head + "cv:\n  name: Ada\n  headline: Original\n  sections:\n" + kEducation;
}

TEST(SetPath, TopLevelSetReplacesAValue) {
  auto b = build(headline_cv("set:\n  cv.headline: From set\n"));
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.doc->cv.headline.markup, "From set");
}

TEST(SetPath, AVariantSetAppliesOnlyToThatVariant) {
  auto b = build(headline_cv("variants:\n  v:\n    set:\n      cv.headline: From variant\n"));
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.doc->cv.headline.markup, "Original");
  auto v = b.source->document("v", b.diags);
  ASSERT_TRUE(v) << b.text();
  EXPECT_EQ(v->cv.headline.markup, "From variant");
}

TEST(SetPath, ListItemsByIndex) {
  auto b = build(headline_cv("set:\n  cv.sections.education.1.degree: PhD\n"));
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.doc->cv.sections[0].entries[0].degree.markup, "BS");
  EXPECT_EQ(b.doc->cv.sections[0].entries[1].degree.markup, "PhD");
}

TEST(SetPath, AMissingKeyIsCreated) {
  auto b = build("set:\n  cv.headline: Made up\ncv:\n  name: Ada\n");
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.doc->cv.headline.markup, "Made up");
}

TEST(SetPath, AnUnknownCreatedKeyIsReportedAtTheSet) {
  auto b = build(headline_cv("set:\n  cv.headlin: X\n"));
  EXPECT_FALSE(b.doc);
  Diagnostic d = diag(b, "unknown key 'headlin' in ");
  EXPECT_EQ(d.path, "cv.yaml");
  EXPECT_EQ(d.loc.line, 2);
  EXPECT_EQ(d.loc.column, 6);
  EXPECT_EQ(d.hint, "did you mean 'headline'?");
}

TEST(SetPath, AnUnknownKeyInAQuotedSetKeyIsReportedInsideTheQuotes) {
  auto b = build(headline_cv("set:\n  'cv.headlin': X\n"));
  EXPECT_FALSE(b.doc);
  Diagnostic d = diag(b, "unknown key 'headlin' in ");
  EXPECT_EQ(d.loc.column, 7);
}

TEST(SetPath, AnIndexOutOfRangeIsAnError) {
  auto b = build(headline_cv("set:\n  cv.sections.education.2.degree: PhD\n"));
  EXPECT_FALSE(b.doc);
  Diagnostic d = diag(b, "cannot set 'cv.sections.education.2.degree'");
  EXPECT_NE(d.message.find("2 item(s)"), std::string::npos) << d.message;
  EXPECT_EQ(d.loc.line, 2);
  EXPECT_EQ(d.loc.column, 25);
}

TEST(SetPath, APathThroughAScalarIsAnError) {
  auto b = build(headline_cv("set:\n  cv.name.first: Ada\n"));
  EXPECT_FALSE(b.doc);
  Diagnostic d = diag(b, "'cv.name' is a single value");
  EXPECT_EQ(d.loc.column, 11);
}

TEST(SetPath, TheFirstSegmentMustBeCvDesignLocaleOrSettings) {
  auto b = build(headline_cv("set:\n  cvv.headline: X\n"));
  EXPECT_FALSE(b.doc);
  Diagnostic d = diag(b, "not 'cvv'");
  EXPECT_EQ(d.loc.line, 2);
  EXPECT_EQ(d.hint, "did you mean 'cv'?");
}

TEST(SetPath, VariantSetAppliesAfterTopLevelSet) {
  auto b = build(headline_cv("set:\n  cv.headline: Top\nvariants:\n  v:\n    set:\n      cv.headline: Variant\n"), "v");
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.doc->cv.headline.markup, "Variant");
}

TEST(SetPath, OverridesWinOverTopLevelAndVariantSets) {
  LoadOptions o = with_overrides({"cv.headline=Command line"});
  auto b = build(headline_cv("set:\n  cv.headline: Top\nvariants:\n  v:\n    set:\n      cv.headline: Variant\n"), "v",
                 o);
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.doc->cv.headline.markup, "Command line");
  auto plain = b.source->document("", b.diags);
  ASSERT_TRUE(plain) << b.text();
  EXPECT_EQ(plain->cv.headline.markup, "Command line");
}

TEST(SetPath, OverridesAreKeptInACommandLinePseudoFile) {
  LoadOptions o = with_overrides({"cv.headline=A", "design.page.show_footer=false"});
  auto b = build(headline_cv(""), "", o);
  ASSERT_TRUE(b.doc) << b.text();
  const auto& files = b.source->files();
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[1].path, "<command line>");
  EXPECT_EQ(files[1].text, "--set cv.headline=A\n--set design.page.show_footer=false\n");
  EXPECT_EQ(b.source->dependencies(), (Names{"cv.yaml"}));
  EXPECT_FALSE(b.doc->design.page.show_footer);
}

TEST(SetPath, AnOverrideErrorPointsAtItsLineAndFailingSegment) {
  LoadOptions o = with_overrides({"cv.headline=A", "cv.sections.education.9.degree=X"});
  auto b = build(headline_cv(""), "", o);
  EXPECT_FALSE(b.doc);
  Diagnostic d = diag(b, "cannot set 'cv.sections.education.9.degree'");
  EXPECT_EQ(d.path, "<command line>");
  EXPECT_EQ(d.loc.line, 2);
  EXPECT_EQ(d.loc.column, 29);  // "--set cv.sections.education." is 28 characters
}

TEST(SetPath, AnUnknownKeyFromAnOverrideIsReportedOnTheCommandLine) {
  LoadOptions o = with_overrides({"cv.headlin=X"});
  auto b = build(headline_cv(""), "", o);
  EXPECT_FALSE(b.doc);
  Diagnostic d = diag(b, "unknown key 'headlin'");
  EXPECT_EQ(d.path, "<command line>");
  EXPECT_EQ(d.loc.line, 1);
  EXPECT_EQ(d.loc.column, 10);
  EXPECT_EQ(d.hint, "did you mean 'headline'?");
}

TEST(SetPath, AnOverrideOutsideTheFourRootsIsAnError) {
  LoadOptions o = with_overrides({"cv.headline=A", "desing.page.size=a5"});
  auto b = build(headline_cv(""), "", o);
  EXPECT_FALSE(b.source);
  Diagnostic d = diag(b, "not 'desing'");
  EXPECT_EQ(d.path, "<command line>");
  EXPECT_EQ(d.loc.line, 2);
  EXPECT_EQ(d.loc.column, 7);
  EXPECT_EQ(d.hint, "did you mean 'design'?");
}

// ---- extends: ----

const char* kBase = R"(cv:
  name: Ada Lovelace
  headline: Base headline
  location: London
  sections:
    education:
      - institution: MIT
        area: Physics
      - institution: ETH
        area: Maths
    projects:
      - name: Engine
design:
  page:
    size: us-letter
    show_footer: false
)";

TEST(Extends, MapsMergeKeyByKeyAndOtherValuesAreReplacedWhole) {
  TempDir dir;
  write_file(dir, "cv.yaml", kBase);
  write_file(dir, "acme.yaml", R"(extends: cv.yaml
cv:
  headline: Acme headline
  sections:
    education:
      - institution: Oxford
        area: History
design:
  page:
    show_footer: true
)");
  auto b = build_file(dir, "acme.yaml");
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.doc->cv.name.markup, "Ada Lovelace");
  EXPECT_EQ(b.doc->cv.location.markup, "London");
  EXPECT_EQ(b.doc->cv.headline.markup, "Acme headline");
  EXPECT_EQ(section_keys(*b.doc), (Names{"education", "projects"}));
  ASSERT_EQ(section(*b.doc, "education")->entries.size(), 1u);  // a list is replaced, not merged
  EXPECT_EQ(section(*b.doc, "education")->entries[0].institution.markup, "Oxford");
  EXPECT_EQ(b.doc->design.page.size, "us-letter");
  EXPECT_TRUE(b.doc->design.page.show_footer);
}

TEST(Extends, TheExtendingFileNeedsNoCvOfItsOwn) {
  TempDir dir;
  write_file(dir, "cv.yaml", kBase);
  write_file(dir, "short.yaml", "extends: cv.yaml\nsections: [projects]\n");
  auto b = build_file(dir, "short.yaml");
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.doc->cv.name.markup, "Ada Lovelace");
  EXPECT_EQ(section_keys(*b.doc), (Names{"projects"}));
}

TEST(Extends, AChainListsItsFilesInOrder) {
  TempDir dir;
  write_file(dir, "c.yaml", kBase);
  write_file(dir, "b.yaml", "extends: c.yaml\ncv:\n  headline: From b\n  location: Paris\n");
  write_file(dir, "a.yaml", "extends: b.yaml\ncv:\n  headline: From a\n");
  auto b = build_file(dir, "a.yaml");
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.doc->cv.headline.markup, "From a");
  EXPECT_EQ(b.doc->cv.location.markup, "Paris");
  EXPECT_EQ(b.doc->cv.name.markup, "Ada Lovelace");
  Names paths{dir.file("a.yaml"), dir.file("b.yaml"), dir.file("c.yaml")};
  Names listed;
  for (const SourceFile& f : b.source->files()) listed.push_back(f.path);
  EXPECT_EQ(listed, paths);
  EXPECT_EQ(b.source->dependencies(), paths);
  EXPECT_EQ(b.doc->files, paths);
}

TEST(Extends, DependenciesLeaveOutTheCommandLine) {
  TempDir dir;
  write_file(dir, "cv.yaml", kBase);
  write_file(dir, "a.yaml", "extends: cv.yaml\n");
  LoadOptions o = disk_options();
  o.overrides = {"cv.headline=X"};
  auto b = build_file(dir, "a.yaml", "", o);
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.source->files().size(), 3u);
  EXPECT_EQ(b.source->files().back().path, "<command line>");
  EXPECT_EQ(b.source->dependencies(), (Names{dir.file("a.yaml"), dir.file("cv.yaml")}));
}

TEST(Extends, PathsAreRelativeToTheExtendingFile) {
  TempDir dir;
  write_file(dir, ".git/HEAD", "");  // a repository: apps/ may extend ../cv.yaml (confine_test.cpp)
  write_file(dir, "shared/base.yaml", kBase);
  write_file(dir, "cv.yaml", "extends: shared/base.yaml\ncv:\n  location: Zurich\n");
  write_file(dir, "apps/acme.yaml", "extends: ../cv.yaml\ncv:\n  headline: Acme\n");
  auto b = build_file(dir, "apps/acme.yaml");
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.doc->cv.headline.markup, "Acme");
  EXPECT_EQ(b.doc->cv.location.markup, "Zurich");
  EXPECT_EQ(b.doc->cv.name.markup, "Ada Lovelace");
  Names deps = b.source->dependencies();  // how the paths are spelt is not the point here
  ASSERT_EQ(deps.size(), 3u);
  EXPECT_EQ(deps[0], dir.file("apps/acme.yaml"));
  EXPECT_TRUE(same_file(deps[1], dir.file("cv.yaml"))) << deps[1];
  EXPECT_TRUE(same_file(deps[2], dir.file("shared/base.yaml"))) << deps[2];
}

TEST(Extends, ACycleIsAnErrorNamingTheFiles) {
  TempDir dir;
  write_file(dir, "a.yaml", "extends: b.yaml\ncv:\n  name: A\n");
  write_file(dir, "b.yaml", "extends: a.yaml\ncv:\n  name: B\n");
  auto b = build_file(dir, "a.yaml");
  EXPECT_FALSE(b.source);
  Diagnostic d = diag(b, "cycle");
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_NE(d.message.find("a.yaml"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("b.yaml"), std::string::npos) << d.message;
}

TEST(Extends, AChainLongerThanSixteenFilesIsAnError) {
  TempDir dir;
  for (int i = 0; i < 17; ++i) write_file(dir, std::to_string(i) + ".yaml", "extends: " + std::to_string(i + 1) + ".yaml\n");
  write_file(dir, "17.yaml", "cv:\n  name: Ada\n");
  auto b = build_file(dir, "0.yaml");
  EXPECT_FALSE(b.source);
  Diagnostic d = diag(b, "the chain of extends is longer than 16 files");
  EXPECT_EQ(d.path, dir.file("15.yaml"));  // the sixteenth file, which would read a seventeenth
  EXPECT_EQ(d.loc.line, 1);
  // Sixteen files in all are accepted.
  write_file(dir, "15.yaml", "cv:\n  name: Ada\n");
  EXPECT_TRUE(build_file(dir, "0.yaml").doc);
}

TEST(Extends, ACycleAmongTheBasesIsAnError) {
  TempDir dir;
  write_file(dir, "a.yaml", "extends: b.yaml\n");
  write_file(dir, "b.yaml", "extends: c.yaml\n");
  write_file(dir, "c.yaml", "extends: b.yaml\ncv:\n  name: C\n");
  auto b = build_file(dir, "a.yaml");
  EXPECT_FALSE(b.source);
  Diagnostic d = diag(b, "cycle");
  EXPECT_NE(d.message.find("c.yaml"), std::string::npos) << d.message;
  EXPECT_EQ(d.path, dir.file("c.yaml"));
}

TEST(Extends, AFileExtendingItselfIsACycle) {
  TempDir dir;
  write_file(dir, "a.yaml", "extends: a.yaml\ncv:\n  name: A\n");
  auto b = build_file(dir, "a.yaml");
  EXPECT_FALSE(b.source);
  Diagnostic d = diag(b, "cycle");
  EXPECT_NE(d.message.find("a.yaml"), std::string::npos) << d.message;
}

TEST(Extends, AMissingBaseIsAnError) {
  TempDir dir;
  write_file(dir, "a.yaml", "extends: nowhere.yaml\n");
  auto b = build_file(dir, "a.yaml");
  EXPECT_FALSE(b.source);
  Diagnostic d = diag(b, "cannot read '" + dir.file("nowhere.yaml") + "'");
  EXPECT_EQ(d.path, dir.file("a.yaml"));
  EXPECT_EQ(d.loc.line, 1);
}

TEST(Extends, WithoutReadFileExtendsIsAnError) {
  auto b = build("extends: base.yaml\ncv:\n  name: Ada\n");
  EXPECT_FALSE(b.source);
  Diagnostic d = diag(b, "cannot read 'base.yaml'");
  EXPECT_EQ(d.severity, Severity::Error);
}

TEST(Extends, AnErrorInTheBaseCarriesTheBasePath) {
  TempDir dir;
  write_file(dir, "cv.yaml", "cv:\n  name: Ada\n  headlnie: Oops\n");
  write_file(dir, "a.yaml", "extends: cv.yaml\ncv:\n  location: Paris\n");
  auto b = build_file(dir, "a.yaml");
  ASSERT_TRUE(b.source) << b.text();
  EXPECT_FALSE(b.doc);
  Diagnostic d = diag(b, "unknown key 'headlnie'");
  EXPECT_EQ(d.path, dir.file("cv.yaml"));
  EXPECT_EQ(d.loc.line, 3);
  EXPECT_EQ(d.loc.column, 3);
  ASSERT_EQ(d.loc.file, 1);
  EXPECT_EQ(b.source->files()[1].path, dir.file("cv.yaml"));
}

TEST(Extends, AYamlSyntaxErrorInTheBaseCarriesTheBasePath) {
  TempDir dir;
  write_file(dir, "cv.yaml", "cv:\n  name: [Ada\n");
  write_file(dir, "a.yaml", "extends: cv.yaml\n");
  auto b = build_file(dir, "a.yaml");
  EXPECT_FALSE(b.source);
  ASSERT_EQ(b.diags.all().size(), 1u) << b.text();
  const Diagnostic& d = b.diags.all()[0];
  EXPECT_EQ(d.path, dir.file("cv.yaml"));
  EXPECT_EQ(d.loc.file, 1);  // files() would be {a.yaml, cv.yaml}
}

TEST(Extends, AnUnknownVariantOfABaseIsReportedWhereTheVariantsAre) {
  TempDir dir;
  write_file(dir, "cv.yaml", std::string("variants:\n  short:\n    sections: [projects]\n") + kBase);
  write_file(dir, "a.yaml", "extends: cv.yaml\n");
  auto b = build_file(dir, "a.yaml", "shrot");
  ASSERT_TRUE(b.source) << b.text();
  Diagnostic d = diag(b, "no variant named 'shrot'");
  EXPECT_NE(d.hint.find("did you mean 'short'?"), std::string::npos) << d.hint;
  ASSERT_LT(static_cast<std::size_t>(d.loc.file), b.source->files().size());
  EXPECT_EQ(d.path, b.source->files()[d.loc.file].path);  // the path and the line agree
}

TEST(Extends, LocationsInTheBaseNameTheBaseInDocumentFiles) {
  TempDir dir;
  write_file(dir, "cv.yaml", kBase);
  write_file(dir, "a.yaml", "extends: cv.yaml\ncv:\n  headline: Mine\n");
  auto b = build_file(dir, "a.yaml");
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.doc->path_of(b.doc->cv.name.loc), dir.file("cv.yaml"));
  EXPECT_EQ(b.doc->cv.name.loc.line, 2);
  EXPECT_EQ(b.doc->path_of(b.doc->cv.headline.loc), dir.file("a.yaml"));
  EXPECT_EQ(b.doc->cv.headline.loc.line, 3);
}

TEST(Extends, AWarningFromABaseSelectionNamesTheBase) {
  TempDir dir;
  write_file(dir, "cv.yaml", std::string("exclude_tags: [nope]\n") + kBase);
  write_file(dir, "a.yaml", "extends: cv.yaml\n");
  auto b = build_file(dir, "a.yaml");
  ASSERT_TRUE(b.doc) << b.text();
  Diagnostic d = diag(b, "'nope'");
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.path, dir.file("cv.yaml"));
  EXPECT_EQ(d.loc.file, 1);
  EXPECT_EQ(d.loc.line, 1);
  EXPECT_EQ(d.loc.column, 16);
}

}  // namespace
}  // namespace vitae

// Every RenderCV example and ATS corpus file must load without errors (warnings allowed).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/load.h"
#include "../support/files.h"

namespace vitae {
namespace {

namespace fs = std::filesystem;

fs::path compat_dir() { return test_support::corpus_dir(); }

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> yaml_files(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".yaml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

void expect_loads(const fs::path& dir, std::size_t at_least) {
  VITAE_REQUIRE_CORPUS(dir);
  auto files = yaml_files(dir);
  ASSERT_GE(files.size(), at_least);
  for (const fs::path& f : files) {
    SourceFile src{f.filename().string(), read_file(f)};
    Diagnostics diags;
    std::optional<Document> doc = load_document(src, diags);
    EXPECT_FALSE(diags.has_errors()) << format_diagnostics(diags, {&src});
    ASSERT_TRUE(doc) << f;
    EXPECT_FALSE(doc->cv.name.empty()) << f;
    EXPECT_FALSE(doc->cv.sections.empty()) << f;
  }
}

TEST(Examples, RenderCvExamplesLoadWithoutErrors) { expect_loads(compat_dir() / "examples", 9); }

TEST(Examples, AtsCorpusLoadsWithoutErrors) { expect_loads(compat_dir() / "ats-corpus", 4); }

TEST(Examples, ClassicExampleReadsEveryEntryType) {
  fs::path f = compat_dir() / "examples" / "John_Doe_ClassicTheme_CV.yaml";
  VITAE_REQUIRE_CORPUS(f);
  SourceFile src{"classic.yaml", read_file(f)};
  Diagnostics diags;
  auto doc = load_document(src, diags);
  ASSERT_TRUE(doc) << format_diagnostics(diags, {&src});
  std::vector<std::pair<std::string, EntryKind>> expected = {
      {"Welcome to RenderCV", EntryKind::Text}, {"education", EntryKind::Education},
      {"experience", EntryKind::Experience},   {"projects", EntryKind::Normal},
      {"publications", EntryKind::Publication}, {"selected_honors", EntryKind::Bullet},
      {"skills", EntryKind::OneLine},          {"patents", EntryKind::Numbered},
      {"invited_talks", EntryKind::ReversedNumbered}};
  ASSERT_EQ(doc->cv.sections.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(doc->cv.sections[i].key, expected[i].first);
    EXPECT_EQ(doc->cv.sections[i].kind, expected[i].second) << expected[i].first;
  }
  EXPECT_EQ(doc->cv.sections[1].title, "Education");
  EXPECT_EQ(doc->cv.sections[5].title, "Selected Honors");
  // The nested highlights of the Google DeepMind entry (plain continuation lines "- ...").
  const Entry& deepmind = doc->cv.sections[2].entries[2];
  EXPECT_EQ(deepmind.company.markup, "Google DeepMind");
  ASSERT_EQ(deepmind.highlights.size(), 2u);
  EXPECT_EQ(deepmind.highlights[1].text.markup,
            "Published research at top-tier venues with significant academic impact");
  ASSERT_EQ(deepmind.highlights[1].children.size(), 3u);
  EXPECT_EQ(deepmind.highlights[1].children[2].text.markup, "Invited journal extension in JMLR (2023)");
  EXPECT_TRUE(doc->settings.current_date_is_today);
  EXPECT_EQ(doc->cv.social_networks[0].url, "https://linkedin.com/in/rendercv");
}

TEST(Examples, EachThemeExampleLoadsItsOwnLayoutWithoutWarnings) {
  fs::path dir = compat_dir() / "examples";
  VITAE_REQUIRE_CORPUS(dir);
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".yaml") continue;
    SourceFile src{name, read_file(entry.path())};
    Diagnostics diags;
    auto doc = load_document(src, diags);
    ASSERT_TRUE(doc) << name << "\n" << format_diagnostics(diags, {&src});
    EXPECT_EQ(diags.warning_count(), 0u) << name << "\n" << format_diagnostics(diags, {&src});
    // John_Doe_EmberTheme_CV.yaml -> ember
    std::string theme = name.substr(9, name.find("Theme") - 9);
    for (char& c : theme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(doc->design.theme, theme) << name;
    ++seen;
  }
  EXPECT_EQ(seen, 9);
}

}  // namespace
}  // namespace vitae

// Golden dumps of laid-out pages (SILE's approach: compare a text trace of the pages, not
// PDF bytes, so that a failure shows exactly what moved). Every example CV, and RenderCV's
// classic-theme example when shared/ is present, is loaded, laid out in-process with the
// bundled fonts only (no fontconfig: machine-independent) and a fixed "today", and its
// dump_pages() is compared with tests/golden/<name>.txt.
//
// To accept a change on purpose: VITAE_UPDATE_GOLDENS=1 build/tests/test_layout
// --gtest_filter='Golden*', or scripts/update-goldens.sh; then review `git diff tests/golden`.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "layout/layout.h"
#include "../support/files.h"
#include "load/load.h"
#include "model/workers.h"
#include "text/font_library.h"
#include "text/hyphenate.h"

namespace vitae {
namespace {

namespace fs = std::filesystem;

/// "Today" for CVs that do not fix settings.current_date: a constant, never the clock.
constexpr Date kFixedToday{2025, 1, 15, false, {}};

struct GoldenCase {
  std::string name;   ///< the golden's file stem (the CV's file stem, with the layout's)
  fs::path cv;        ///< the CV file
  std::string theme;  ///< a layout to set it in (as `--set design.theme=...`); empty: its own
};

/// How gtest names a case in its messages (instead of a hex dump of the struct).
void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.name; }

std::vector<GoldenCase> golden_cases() {
  std::vector<GoldenCase> out;
  fs::path examples = fs::path(VITAE_SOURCE_DIR) / "data" / "examples";
  for (const auto& e : fs::directory_iterator(examples)) {
    std::string ext = e.path().extension().string();
    if (ext == ".yaml" || ext == ".json") out.push_back({e.path().stem().string(), e.path(), ""});
  }
  // RenderCV's examples (tests/compat), one in each of its themes: a golden per layout.
  // Without the corpus, its classic example stays registered and reports itself (skipped,
  // or failed under CI) rather than vanishing from the list.
  fs::path rcv = test_support::corpus_dir() / "examples";
  if (!fs::is_directory(rcv)) out.push_back({"John_Doe_ClassicTheme_CV", rcv / "John_Doe_ClassicTheme_CV.yaml", ""});
  else
    for (const auto& e : fs::directory_iterator(rcv))
      if (e.path().extension() == ".yaml") out.push_back({e.path().stem().string(), e.path(), ""});
  // The layout no RenderCV file uses, on the example with the most sidebar sections.
  fs::path alex = examples / "alex-morgan.yaml";
  out.push_back({"alex-morgan.sidebar", alex, "sidebar"});
  std::sort(out.begin(), out.end(), [](const GoldenCase& a, const GoldenCase& b) { return a.name < b.name; });
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// A unified-diff-like hunk around the first difference: the common prefix and suffix are
/// cut, three lines of context are kept, and at most `max_lines` lines of each side are shown.
std::string diff_excerpt(const std::string& expected, const std::string& actual, std::size_t max_lines = 12) {
  std::vector<std::string> a = split_lines(expected), b = split_lines(actual);
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  std::size_t ctx = std::min<std::size_t>(pre, 3);
  std::size_t a_end = a.size() - suf, b_end = b.size() - suf;
  std::ostringstream out;
  out << "@@ -" << pre - ctx + 1 << "," << a_end - pre << " +" << pre - ctx + 1 << "," << b_end - pre
      << " @@ (first difference at line " << pre + 1 << "; " << a.size() << " lines expected, " << b.size()
      << " actual)\n";
  for (std::size_t i = pre - ctx; i < pre; ++i) out << "  " << a[i] << "\n";
  for (std::size_t i = pre; i < a_end && i < pre + max_lines; ++i) out << "- " << a[i] << "\n";
  if (a_end - pre > max_lines) out << "- ... (" << a_end - pre - max_lines << " more)\n";
  for (std::size_t i = pre; i < b_end && i < pre + max_lines; ++i) out << "+ " << b[i] << "\n";
  if (b_end - pre > max_lines) out << "+ ... (" << b_end - pre - max_lines << " more)\n";
  return out.str();
}

const char* severity_name(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

/// Loads and lays out one CV as `vitae build` does, but deterministically: bundled fonts
/// only, settings.current_date or else kFixedToday. The golden text is a short header
/// (source, date, every diagnostic: what a reviewer wants to see first), then the dump.
/// `threads` and `all_stats` are for the test that threads change nothing.
std::string golden_text(const GoldenCase& c, const FontLibrary& fonts, unsigned threads = 1,
                        bool all_stats = false) {
  // Lexically: a symlinked checkout must not change the golden.
  std::string rel = c.cv.lexically_normal().lexically_relative(VITAE_SOURCE_DIR).generic_string();
  Diagnostics diags;
  std::string text = read_file(c.cv);
  // The CV's own `set:` block (variants.md) overrides its design, as --set does.
  if (!c.theme.empty()) text += "set:\n  design.theme: " + c.theme + "\n";
  std::optional<Document> doc = load_document(SourceFile{rel, text}, diags);
  std::string out = "# golden dump of " + rel + (c.theme.empty() ? "" : " in the " + c.theme + " layout") +
                    " (tests/layout/golden_test.cpp)\n";
  if (doc) {
    LayoutOptions lo;
    lo.today = doc->settings.current_date ? *doc->settings.current_date : kFixedToday;
    std::shared_ptr<const Hyphenator> hyph;
    if (doc->design.hyphenation) {
      std::string why;
      hyph = Hyphenator::load(doc->locale.bcp47, default_hyphen_dir(), &why);
      if (!hyph) out += "# hyphenation unavailable: " + why + "\n";
    }
    lo.hyphenator = hyph.get();
    Workers workers(threads);
    lo.workers = &workers;
    LayoutResult r = layout_document(*doc, fonts, lo, diags);
    char today[16];
    std::snprintf(today, sizeof today, "%04d-%02d-%02d", lo.today->year, lo.today->month, lo.today->day);
    out += "# today " + std::string(today) + ", " + std::to_string(r.stats.pages) + " page(s), " +
           std::to_string(r.stats.lines) + " lines\n";
    if (all_stats)
      out += "# " + std::to_string(r.stats.overfull_lines) + " " + std::to_string(r.stats.underfull_lines) +
             " " + std::to_string(r.stats.justified_lines) + " " + std::to_string(r.stats.max_ratio) + " " +
             std::to_string(r.stats.sum_ratio) + " " + std::to_string(r.stats.hyphenated_lines) + "\n";
    for (const Diagnostic& d : diags.all())
      out += "# " + std::string(severity_name(d.severity)) + " " + std::to_string(d.loc.line) + ":" +
             std::to_string(d.loc.column) + ": " + d.message + "\n";
    out += dump_pages(r.doc);
  } else {
    for (const Diagnostic& d : diags.all()) out += "# load failed: " + d.message + "\n";
  }
  return out;
}

const FontLibrary& bundled_fonts() {
  // Shared by all cases: loading the faces once keeps the suite fast. FontLibrary is
  // thread-safe and immutable from the caller's side.
  static const FontLibrary fonts(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false});
  return fonts;
}

class Golden : public ::testing::TestWithParam<GoldenCase> {};


TEST_P(Golden, DumpMatches) {
  const GoldenCase& c = GetParam();
  VITAE_REQUIRE_CORPUS(c.cv);
  std::string actual = golden_text(c, bundled_fonts());
  ASSERT_EQ(actual.find("# load failed"), std::string::npos) << actual;
  fs::path golden = fs::path(VITAE_SOURCE_DIR) / "tests" / "golden" / (c.name + ".txt");
  const char* update = std::getenv("VITAE_UPDATE_GOLDENS");
  if (update && std::string(update) == "1") {
    // Rewriting makes every golden pass: never where the result is meant to be a verdict.
    ASSERT_EQ(std::getenv("CI"), nullptr) << "VITAE_UPDATE_GOLDENS=1 is refused when CI is set";
    fs::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << actual;
    GTEST_SKIP() << "updated " << golden.string();
  }
  ASSERT_TRUE(fs::exists(golden)) << golden.string()
                                  << " is missing; create it with scripts/update-goldens.sh and review it";
  std::string expected = read_file(golden);
  if (expected != actual)
    ADD_FAILURE() << "layout of " << c.cv.string() << " differs from " << golden.string() << ":\n"
                  << diff_excerpt(expected, actual)
                  << "If the change is intended: scripts/update-goldens.sh, then review git diff tests/golden.";
}

// Sections set on several threads (LayoutOptions::workers) give the very same pages,
// messages and statistics as one thread.
TEST_P(Golden, ThreadsChangeNothing) {
  const GoldenCase& c = GetParam();
  VITAE_REQUIRE_CORPUS(c.cv);
  std::string one = golden_text(c, bundled_fonts(), 1, true);
  for (unsigned threads : {2u, 5u}) {
    std::string many = golden_text(c, bundled_fonts(), threads, true);
    if (one != many) ADD_FAILURE() << threads << " threads:\n" << diff_excerpt(one, many);
  }
}

std::string case_name(const ::testing::TestParamInfo<GoldenCase>& info) {
  std::string n;
  for (char ch : info.param.name) n += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Examples, Golden, ::testing::ValuesIn(golden_cases()), case_name);

// A golden file no case reads would pass for ever, unchecked.
TEST(GoldenFiles, EveryGoldenFileHasACase) {
  std::set<std::string> cases;
  for (const GoldenCase& c : golden_cases()) cases.insert(c.name + ".txt");
  for (const auto& e : fs::directory_iterator(fs::path(VITAE_SOURCE_DIR) / "tests" / "golden"))
    EXPECT_TRUE(cases.count(e.path().filename().string())) << e.path().string() << " is read by no golden test";
}

// The diff excerpt is what a failing golden shows: it must point at the first change.
TEST(GoldenDiff, ShowsFirstDifferenceWithContext) {
  std::string a = "l1\nl2\nl3\nl4\nl5\nl6\n", b = "l1\nl2\nl3\nl4\nX5\nl6\n";
  std::string d = diff_excerpt(a, b);
  EXPECT_NE(d.find("first difference at line 5"), std::string::npos) << d;
  EXPECT_NE(d.find("- l5\n+ X5\n"), std::string::npos) << d;
  EXPECT_NE(d.find("  l4\n"), std::string::npos) << d;
  EXPECT_EQ(d.find("l1"), std::string::npos) << d;  // only three lines of context
  EXPECT_EQ(d.find("l6"), std::string::npos) << d;  // the common suffix is cut
}

TEST(GoldenDiff, TruncatesLongHunks) {
  std::string a, b;
  for (int i = 0; i < 100; ++i) a += "a" + std::to_string(i) + "\n", b += "b" + std::to_string(i) + "\n";
  std::string d = diff_excerpt(a, b, 5);
  EXPECT_NE(d.find("- ... (95 more)"), std::string::npos) << d;
  EXPECT_NE(d.find("+ ... (95 more)"), std::string::npos) << d;
  EXPECT_LT(split_lines(d).size(), 15u);
}

}  // namespace
}  // namespace vitae

// Hostile inputs (tests/hostile/ plus huge ones generated here): each must give one clear
// error with a location, quickly, and never crash.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "load_test_util.h"
#include "../support/time_scale.h"

namespace vitae {
namespace {

namespace fs = std::filesystem;

std::string read_hostile(const std::string& name) {
  std::ifstream in(fs::path(VITAE_SOURCE_DIR) / "tests" / "hostile" / name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Expectation {
  std::string message;  ///< the first error's message, exactly
  int line, column;
};

/// Loads `text`, checks it fails within a second with `want` as its first error.
void expect_rejected(const std::string& what, std::string text, const Expectation& want) {
  auto start = std::chrono::steady_clock::now();
  auto l = testing::load_text(std::move(text));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 1.0 * testing::kTimeScale) << what;
  EXPECT_FALSE(l.doc) << what;
  ASSERT_TRUE(l.diags.has_errors()) << what;
  const Diagnostic& d = l.diags.all().front();
  EXPECT_EQ(d.message, want.message) << what;
  EXPECT_EQ(d.loc.line, want.line) << what << ": " << d.message;
  EXPECT_EQ(d.loc.column, want.column) << what << ": " << d.message;
  EXPECT_FALSE(l.text().empty());
}

TEST(Hostile, CorpusFiles) {
  const std::vector<std::pair<std::string, Expectation>> cases = {
      {"empty.yaml", {"the file is empty", 1, 1}},
      {"only_comments.yaml", {"the file holds no CV: it is empty or only comments", 1, 1}},
      {"binary.yaml", {"the file contains a NUL byte", 2, 12}},
      {"invalid_utf8.yaml", {"invalid UTF-8 (byte 0xE9)", 2, 12}},
      {"surrogate_utf8.yaml", {"invalid UTF-8 (byte 0xED)", 4, 10}},
      {"tab_indent.yaml", {"a tab is used for indentation", 2, 1}},
      {"unclosed_quote.yaml", {"a quoted string is not closed", 2, 9}},
      {"unclosed_bracket.yaml", {"a '[' is not closed", 4, 13}},
      {"not_a_mapping.yaml",
       {"the top level must be a mapping with the keys cv, design, locale and settings, found a list", 1, 1}},
      {"scalar_document.yaml",
       {"the top level must be a mapping with the keys cv, design, locale and settings, found a string", 1, 1}},
      {"two_documents.yaml", {"a file holds one YAML document; this is a second one", 3, 1}},
      {"billion_laughs.yaml", {"YAML aliases (*name) are not supported", 2, 8}},
      {"unquoted_star.yaml", {"YAML aliases (*name) are not supported", 5, 15}},
  };
  for (const auto& [file, want] : cases) expect_rejected(file, read_hostile(file), want);
}

TEST(Hostile, DeepFlowNesting) {
  std::string text = "cv:\n  name: " + std::string(300000, '[') + std::string(300000, ']') + "\n";
  expect_rejected("flow", text, {"nesting too deep: more than 256 levels", 2, 9 + 254});
}

TEST(Hostile, DeepFlowMappings) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "{a: ";
  expect_rejected("flow mappings", text, {"nesting too deep: more than 256 levels", 1, 1 + 4 * 255});
}

TEST(Hostile, DeepCompactSequences) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "- ";
  text += "x\n";
  expect_rejected("compact", text, {"nesting too deep: more than 256 levels", 1, 1 + 2 * 255});
}

TEST(Hostile, DeepBlockIndentation) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += std::string(i, ' ') + "a:\n";
  expect_rejected("block", text, {"nesting too deep: more than 256 levels", 257, 257});
}

TEST(Hostile, NestingJustBelowTheLimitIsNotRejectedForDepth) {
  std::string text = "cv:\n  name: Ada\n  sections:\n    s:\n      - " + std::string(200, '[') +
                     std::string(200, ']') + "\n";
  auto l = testing::load_text(text);
  ASSERT_TRUE(l.diags.has_errors());
  // The parser accepts this depth; the error is about the entry, not the nesting.
  EXPECT_EQ(l.diags.all().front().message, "an entry must be a string or a mapping, found a list") << l.text();
}

TEST(Hostile, OversizedFile) {
  std::string text = "cv:\n  name: Ada\n  headline: '" + std::string(5 * 1024 * 1024, 'x') + "'\n";
  std::size_t size = text.size();
  expect_rejected("oversized", std::move(text),
                  {"the file is " + std::to_string(size) + " bytes; the limit is 4194304 bytes", 1, 1});
}

TEST(Hostile, SizeLimitComesFromOptions) {
  LoadOptions options;
  options.max_bytes = 10;
  auto l = testing::load_text("cv:\n  name: Ada Lovelace\n", options);
  ASSERT_TRUE(l.diags.has_errors());
  EXPECT_EQ(l.diags.all().front().message, "the file is 25 bytes; the limit is 10 bytes");
}

TEST(Hostile, ManyNodesJustUnderTheSizeLimitLoadFast) {
  // 4 MiB of tiny flow items: the parser's node cap or the CV checks must end it quickly.
  std::string text = "cv:\n  name: Ada\n  sections:\n    s: [";
  while (text.size() < 4 * 1024 * 1024 - 16) text += "a,";
  text += "a]\n";
  auto start = std::chrono::steady_clock::now();
  auto l = testing::load_text(text);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
#ifdef NDEBUG
  EXPECT_LT(seconds, 1.0 * testing::kTimeScale);
#else
  EXPECT_LT(seconds, 3.0 * testing::kTimeScale);  // unoptimised byte loops over 4 MiB
#endif
  ASSERT_TRUE(l.diags.has_errors());
  EXPECT_EQ(l.diags.all().front().message, "the document has more than 100000 YAML nodes");
  EXPECT_TRUE(l.diags.has_errors());
}

TEST(Hostile, HostileMarkupInTextIsKeptRaw) {
  std::string star_soup;
  for (int i = 0; i < 20000; ++i) star_soup += "*a [b](";
  auto l = testing::load_text("cv:\n  name: '" + star_soup + "'\n");
  ASSERT_TRUE(l.doc) << l.text();
  EXPECT_EQ(l.doc->cv.name.markup, star_soup);
}

}  // namespace
}  // namespace vitae

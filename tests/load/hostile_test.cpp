// Hostile inputs (tests/hostile/ plus huge ones generated here): each must give one clear
// error with a location, quickly, and never crash.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load_test_util.h"

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

/// Loads `text`, checks it fails with `want` as its first error. (How fast is not timed
/// here: our machines' speed varies too much. The limits that bound the work are what is
/// checked; bench/ measures speed.)
void expect_rejected(const std::string& what, std::string text, const Expectation& want) {
  auto l = testing::load_text(std::move(text));
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

TEST(Hostile, ManyNodesJustUnderTheSizeLimitStopAtTheNodeCap) {
  // 4 MiB of tiny flow items: the parser's node cap ends it, before a tree of two million
  // nodes is built.
  std::string text = "cv:\n  name: Ada\n  sections:\n    s: [";
  while (text.size() < 4 * 1024 * 1024 - 16) text += "a,";
  text += "a]\n";
  auto l = testing::load_text(text);
  ASSERT_TRUE(l.diags.has_errors());
  EXPECT_EQ(l.diags.all().front().message, "the document has more than 100000 YAML nodes");
  EXPECT_TRUE(l.diags.has_errors());
}

TEST(Hostile, HostileMarkupInTextIsKeptRaw) {
  std::string star_soup;
  for (int i = 0; i < 9000; ++i) star_soup += "*a [b](";  // 63,000 bytes: under the string limit
  auto l = testing::load_text("cv:\n  name: '" + star_soup + "'\n");
  ASSERT_TRUE(l.doc) << l.text();
  EXPECT_EQ(l.doc->cv.name.markup, star_soup);
}

TEST(Hostile, AStringLongerThanTheLimitIsAnErrorAtIt) {
  std::string text = "cv:\n  name: Ada\n  sections:\n    about:\n      - " + std::string(64 * 1024 + 1, 'x') + "\n";
  expect_rejected("long string", text, {"this string is 65537 bytes long; the limit is 65536 bytes", 5, 9});
  // Quoted, in a flow list of a highlight: the same.
  std::string quoted = "cv:\n  name: Ada\n  sections:\n    s:\n      - company: X\n        highlights: ['" +
                       std::string(64 * 1024 + 1, 'y') + "']\n";
  expect_rejected("quoted", quoted, {"this string is 65537 bytes long; the limit is 65536 bytes", 6, 22});
  // At the limit: accepted.
  auto l = testing::load_text("cv:\n  name: Ada\n  sections:\n    about:\n      - " + std::string(64 * 1024, 'x') + "\n");
  EXPECT_TRUE(l.doc) << l.text();
}

}  // namespace
}  // namespace vitae

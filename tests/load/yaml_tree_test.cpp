// The YAML tree built from yaml-cpp's events: node kinds, null, the plain flag, positions
// (bytes and code points), characters YAML 1.1 reads differently from YAML 1.2, aliases,
// documents and the nesting limit.
#include <gtest/gtest.h>

#include "load/reader.h"
#include "load/yaml_tree.h"
#include "load_test_util.h"

namespace vitae {
namespace {

using load::YNode;

std::string at(SourceLoc loc) { return std::to_string(loc.line) + ":" + std::to_string(loc.column); }

/// Parses `text`; fails the test (and returns an empty node) when it does not parse.
YNode parse(std::string_view text) {
  Diagnostics diags;
  std::optional<YNode> root = load::parse_yaml_tree(text, "t.yaml", diags);
  EXPECT_TRUE(root) << format_diagnostics(diags, {});
  EXPECT_FALSE(diags.has_errors());
  return root ? std::move(*root) : YNode{};
}

/// The first error when `text` does not parse.
Diagnostic first_error(std::string_view text) {
  Diagnostics diags;
  EXPECT_FALSE(load::parse_yaml_tree(text, "t.yaml", diags)) << text;
  return diags.all().empty() ? Diagnostic{} : diags.all().front();
}

const YNode& value_of(const YNode& map, std::string_view key) {
  static const YNode missing;
  const YNode* v = load::find_field(map, key);
  EXPECT_TRUE(v) << key;
  return v ? *v : missing;
}

TEST(YamlTree, NullIsAnEmptyValueOrAPlainNullWord) {
  YNode root = parse("a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: &anchor\ng: [ ]\n");
  for (const char* key : {"a", "b", "c", "d", "e", "f"}) EXPECT_TRUE(value_of(root, key).is_null()) << key;
  EXPECT_TRUE(value_of(root, "g").is_seq());
}

TEST(YamlTree, QuotedOrTaggedNullWordsAreStrings) {
  YNode root = parse("a: 'null'\nb: \"~\"\nc: !!str null\nd: !!str\ne: nul\nf: nULL\n");
  EXPECT_EQ(value_of(root, "a").value, "null");
  EXPECT_EQ(value_of(root, "b").value, "~");
  EXPECT_EQ(value_of(root, "c").value, "null");
  EXPECT_TRUE(value_of(root, "d").is_scalar());  // a tag without content is an empty string
  EXPECT_EQ(value_of(root, "d").value, "");
  EXPECT_EQ(value_of(root, "e").value, "nul");
  EXPECT_EQ(value_of(root, "f").value, "nULL");
}

TEST(YamlTree, PlainMeansUnquotedUntaggedAndNotABlockScalar) {
  YNode root = parse("a: x\nb: 'x'\nc: \"x\"\nd: |\n  x\ne: !!str x\nf: 12\n");
  EXPECT_TRUE(value_of(root, "a").plain);
  EXPECT_FALSE(value_of(root, "b").plain);
  EXPECT_FALSE(value_of(root, "c").plain);
  EXPECT_FALSE(value_of(root, "d").plain);
  EXPECT_EQ(value_of(root, "d").value, "x\n");
  EXPECT_FALSE(value_of(root, "e").plain);
  EXPECT_TRUE(value_of(root, "f").plain);
  EXPECT_EQ(value_of(root, "f").value, "12");  // no type resolution: every scalar is text
}

TEST(YamlTree, PositionsAreBytesAndCodePointColumns) {
  std::string text = "k\xC3\xA9y: v\xC3\xA4l\nn\xC3\xA4me: \"\xE6\x97\xA5\xE6\x9C\xAC\"\n";
  YNode root = parse(text);
  ASSERT_EQ(root.entries.size(), 2u);
  const auto& [key1, value1] = root.entries[0];
  EXPECT_EQ(at(key1.loc), "1:1");
  EXPECT_EQ(at(value1.loc), "1:6");
  EXPECT_EQ(value1.offset, 6u);
  EXPECT_EQ(value1.value, "v\xC3\xA4l");
  const auto& [key2, value2] = root.entries[1];
  EXPECT_EQ(key2.offset, text.find("n\xC3\xA4me"));
  EXPECT_EQ(at(value2.loc), "2:7");
  EXPECT_EQ(value2.offset, text.find('"'));
}

TEST(YamlTree, FourByteCharactersCountAsOneColumn) {
  YNode root = parse("\xF0\x9F\x98\x80: v\xF0\x9F\x98\x80\nb: [\xF0\x9F\x98\x80, w]\n");
  EXPECT_EQ(at(root.entries[0].second.loc), "1:4");
  EXPECT_EQ(root.entries[0].second.offset, 6u);
  const YNode& b = value_of(root, "b");
  EXPECT_EQ(at(b.items.at(1).loc), "2:8");
  EXPECT_EQ(b.items.at(1).offset, 22u);
}

TEST(YamlTree, AByteOrderMarkIsSkippedButKeptInOffsets) {
  YNode root = parse("\xEF\xBB\xBF" "cv:\n  name: Ada\n");
  ASSERT_TRUE(root.is_map());
  EXPECT_EQ(root.entries[0].first.offset, 3u);
  const YNode& name = value_of(value_of(root, "cv"), "name");
  EXPECT_EQ(at(name.loc), "2:9");
  EXPECT_EQ(name.offset, 15u);
}

TEST(YamlTree, AnEmptyValueIsPlacedRightAfterItsKey) {
  YNode root = parse("cv:\n  headline:\n  name: Ada\n");
  const YNode& headline = value_of(value_of(root, "cv"), "headline");
  EXPECT_TRUE(headline.is_null());
  EXPECT_EQ(at(headline.loc), "2:12");
}

TEST(YamlTree, CrLfLineEndings) {
  YNode root = parse("cv:\r\n  name: Ada\r\n  x: [a,\r\n    b]\r\n");
  const YNode& cv = value_of(root, "cv");
  EXPECT_EQ(value_of(cv, "name").value, "Ada");
  EXPECT_EQ(value_of(cv, "x").items.size(), 2u);
  EXPECT_EQ(at(value_of(cv, "x").items[1].loc), "4:5");
}

TEST(YamlTree, JsonWithEscapesAndNoSpaceAfterColons) {
  YNode root = parse(R"({"cv":{"name":"Ada","url":"https:\/\/example.com","n":[1,null,"\u00e9"]}})");
  const YNode& cv = value_of(root, "cv");
  EXPECT_EQ(value_of(cv, "url").value, "https://example.com");
  const YNode& n = value_of(cv, "n");
  ASSERT_EQ(n.items.size(), 3u);
  EXPECT_TRUE(n.items[1].is_null());
  EXPECT_EQ(n.items[2].value, "\xC3\xA9");
}

// YAML 1.1 breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR and refuses control
// characters; YAML 1.2 (RenderCV's parser, yaml-cpp) reads them as text, and so must vitae.
TEST(YamlTree, LineSeparatorsAndControlCharactersAreText) {
  const std::string nel = "\xC2\x85", ls = "\xE2\x80\xA8", ps = "\xE2\x80\xA9";
  const std::string controls = "\x07\x0C\x7F\xC2\x80\xEF\xBF\xBE";
  YNode root = parse("a: x" + nel + "y" + ls + "z" + ps + "\nb: \"q" + ls + "r\"\nc: |\n  s" + ls +
                     "t\nd: " + controls + " end\ne: after\n");
  EXPECT_EQ(value_of(root, "a").value, "x" + nel + "y" + ls + "z" + ps);
  EXPECT_EQ(value_of(root, "b").value, "q" + ls + "r");
  EXPECT_EQ(value_of(root, "c").value, "s" + ls + "t\n");
  EXPECT_EQ(value_of(root, "d").value, controls + " end");
  EXPECT_EQ(at(value_of(root, "e").loc), "6:4");
}

// YAML 1.2 reads a tab after a list's dash as a separating space (YAML 1.1 parsers stop there).
TEST(YamlTree, ATabAfterAListDashSeparatesLikeASpace) {
  YNode root = parse("a:\n  -\tOne\n  - \tTwo\n");
  const YNode& a = value_of(root, "a");
  ASSERT_EQ(a.items.size(), 2u);
  EXPECT_EQ(a.items[0].value, "One");
  EXPECT_EQ(at(a.items[0].loc), "2:5");
  EXPECT_EQ(a.items[1].value, "Two");
  // A list nested on the dash's line is indented by what follows the dash, and YAML 1.2
  // indents with spaces only: "-\t- Three" is an error there (as in RenderCV's parser).
  Diagnostic d = first_error("a:\n  -\t- Three\n");
  EXPECT_EQ(d.message, "unexpected list item '-' here");
  EXPECT_EQ(at(d.loc), "2:5");
}

TEST(YamlTree, AnEmptyValueBeforeACommentIsPlacedAfterItsKey) {
  YNode root = parse("cv:\n  headline:   # none yet\n  # another\n  name: Ada\n  list:\n    -\n    - x\n  n: ~\n");
  const YNode& cv = value_of(root, "cv");
  EXPECT_EQ(at(value_of(cv, "headline").loc), "2:12");
  EXPECT_EQ(at(value_of(cv, "list").items.at(0).loc), "6:6");
  EXPECT_EQ(at(value_of(cv, "n").loc), "8:6");
}

// Placing an empty value looks back from where yaml-cpp marks it; that walk must not
// rescan a long line for every value. A 4 MB line of 49,000 keys with empty values took
// quadratic time (minutes) before; the test's own timeout catches a return of that.
TEST(YamlTree, ALongLineOfEmptyValuesIsReadInOnePass) {
  std::string text = "{";
  for (int i = 0; i < 49000; ++i) text += (i ? ", k" : "k") + std::to_string(i) + std::string(72, 'x');
  text += "}\n";
  ASSERT_GT(text.size(), 3u * 1024 * 1024);
  YNode root = parse(text);
  ASSERT_EQ(root.entries.size(), 49000u);
  EXPECT_TRUE(root.entries.back().second.is_null());
}

TEST(YamlTree, ATabAfterADashInsideAScalarStaysText) {
  YNode root = parse("a: |\n  -\tkeep\nb:\n  -\tItem\nc: \"q\n  -\tr\"\nd: p\n  -\ts\n");
  EXPECT_EQ(value_of(root, "a").value, "-\tkeep\n");
  EXPECT_EQ(value_of(root, "b").items.at(0).value, "Item");
  EXPECT_EQ(value_of(root, "c").value, "q -\tr");
  EXPECT_EQ(value_of(root, "d").value, "p -\ts");
}

TEST(YamlTree, ErrorsAfterATabAfterADashAreReportedOnce) {
  Diagnostics diags;
  EXPECT_FALSE(load::parse_yaml_tree("a: |\n  -\tkeep\nb:\n  -\tItem\nc: [\n", "t.yaml", diags));
  ASSERT_EQ(diags.error_count(), 1u);
  EXPECT_EQ(diags.all().front().message, "a '[' is not closed");
  EXPECT_EQ(at(diags.all().front().loc), "5:4");
}

TEST(YamlTree, PrivateUseAndControlCharactersTogetherAreText) {
  YNode root = parse("a: \xF3\xB0\x80\x85\nb: Ada\x07 \xF3\xB0\x80\x80\n");
  EXPECT_EQ(value_of(root, "a").value, "\xF3\xB0\x80\x85");
  EXPECT_EQ(value_of(root, "b").value, "Ada\x07 \xF3\xB0\x80\x80");
}

TEST(YamlTree, AliasesAreRefusedWithAHintThatFitsTheCause) {
  Diagnostic defined = first_error("a: &x [1]\nb: *x\n");
  EXPECT_EQ(defined.message, "YAML aliases (*name) are not supported");
  EXPECT_EQ(at(defined.loc), "2:4");
  EXPECT_NE(defined.hint.find("write the value out in full"), std::string::npos);
  Diagnostic undefined = first_error("a: *bold\n");
  EXPECT_EQ(undefined.message, "YAML aliases (*name) are not supported");
  EXPECT_EQ(undefined.hint, "a value starting with '*' must be quoted, e.g. '*italic* text'");
}

TEST(YamlTree, OneDocumentOnly) {
  EXPECT_TRUE(parse("---\na: b\n...\n").is_map());
  EXPECT_TRUE(parse("# only a comment\n").is_null());
  Diagnostic d = first_error("---\n---\n");
  EXPECT_EQ(d.message, "a file holds one YAML document; this is a second one");
  EXPECT_EQ(at(d.loc), "2:1");
}

TEST(YamlTree, NestingIsLimitedEvenWhereTheEstimateMissesIt) {
  // check_nesting takes the quote for the start of a string and skips the brackets after it;
  // the parser reads a plain "x 'y" and then nests 1000 lists. yaml-cpp reads each '[' left
  // open as a list holding a one-pair mapping (two collections), so the 257th collection (the
  // root, cv, the outer list and 2 x 127 inner ones) opens at the 127th inner '['.
  std::string text = "cv:\n  name: [x 'y, " + std::string(1000, '[') + "\n";
  auto l = testing::load_text(text);
  ASSERT_TRUE(l.diags.has_errors());
  EXPECT_EQ(l.diags.all().front().message, "nesting too deep: more than 256 levels");
  EXPECT_EQ(at(l.diags.all().front().loc), "2:" + std::to_string(15 + 127));
}

}  // namespace
}  // namespace vitae

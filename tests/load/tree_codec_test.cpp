// The encoding of parsed trees that carries the built-in layouts: it gives back exactly the
// tree the parser made, refuses damaged bytes, and every layout's compiled tree is its text
// parsed now.
#include <gtest/gtest.h>

#include "load/builtin_layouts.h"
#include "load/tree_codec.h"
#include "load/yaml_tree.h"

namespace vitae {
namespace {

using load::YNode;

/// Same kinds, values, plain flags and positions, node by node.
void expect_same(const YNode& a, const YNode& b, const std::string& where = "root") {
  ASSERT_EQ(a.kind, b.kind) << where;
  EXPECT_EQ(a.value, b.value) << where;
  EXPECT_EQ(a.plain, b.plain) << where;
  EXPECT_EQ(a.loc.line, b.loc.line) << where;
  EXPECT_EQ(a.loc.column, b.loc.column) << where;
  EXPECT_EQ(a.offset, b.offset) << where;
  ASSERT_EQ(a.items.size(), b.items.size()) << where;
  for (std::size_t i = 0; i < a.items.size(); ++i) expect_same(a.items[i], b.items[i], where + "/" + std::to_string(i));
  ASSERT_EQ(a.entries.size(), b.entries.size()) << where;
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    expect_same(a.entries[i].first, b.entries[i].first, where + "/key" + std::to_string(i));
    expect_same(a.entries[i].second, b.entries[i].second, where + "/" + a.entries[i].first.value);
  }
}

YNode parse(std::string_view text) {
  Diagnostics diags;
  std::optional<YNode> root = load::parse_yaml_tree(text, "t.yaml", diags);
  EXPECT_TRUE(root);
  return root ? *root : YNode{};
}

TEST(TreeCodec, GivesBackTheParsedTree) {
  YNode tree = parse("a: plain\nb: 'quoted'\nc:\nd: [1, ~, {e: \"\\u00e9\"}]\nf: |\n  block\n" +
                     std::string(300, 'x') + ": long key\n");
  std::optional<YNode> back = load::decode_tree(load::encode_tree(tree));
  ASSERT_TRUE(back);
  expect_same(tree, *back);
}

TEST(TreeCodec, RefusesDamagedBytes) {
  std::string bytes = load::encode_tree(parse("a: [b, c]\n"));
  for (std::size_t cut = 0; cut < bytes.size(); ++cut)
    EXPECT_FALSE(load::decode_tree(std::string_view(bytes).substr(0, cut))) << cut;
  EXPECT_FALSE(load::decode_tree(bytes + "x"));
  EXPECT_FALSE(load::decode_tree("\x07"));  // no such kind
}

TEST(TreeCodec, EachBuiltInLayoutsTreeIsItsTextParsedNow) {
  ASSERT_FALSE(builtin_layouts().empty());
  for (const BuiltinLayout& l : builtin_layouts()) {
    std::optional<YNode> compiled = load::decode_tree(l.tree);
    ASSERT_TRUE(compiled) << l.name;
    expect_same(parse(l.text), *compiled, std::string(l.name));
  }
}

}  // namespace
}  // namespace vitae

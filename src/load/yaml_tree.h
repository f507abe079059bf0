// A YAML document as a plain tree with source positions. Built from libyaml's parser events
// so that no libyaml type leaves yaml_tree.cpp, every node (including empty values) has a
// location, and aliases can be refused before anything walks the tree.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vitae/diagnostics.h"

namespace vitae::load {

/// One node of a parsed YAML document.
struct YNode {
  enum class Kind { Null, Scalar, Sequence, Map };
  /// Null: an empty value, or a plain ~, null, Null or NULL (YAML 1.2's core schema).
  Kind kind = Kind::Null;
  /// Declared, not defaulted: clang with libstdc++ 12 cannot decide whether a defaulted
  /// one is implicit while std::pair<YNode, YNode> below is still incomplete (the
  /// sanitizer and fuzzing builds use clang; docs/reliability.md).
  YNode() {}
  std::string value;     ///< the scalar's text (Scalar only)
  bool plain = false;    ///< a plain (unquoted, non-block, untagged) scalar
  SourceLoc loc;         ///< where the node starts (line and column from 1)
  std::size_t offset = 0;  ///< byte offset of the node's start in the source
  std::vector<YNode> items;                      ///< Sequence items
  std::vector<std::pair<YNode, YNode>> entries;  ///< Map entries, in source order

  bool is_null() const { return kind == Kind::Null; }
  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_seq() const { return kind == Kind::Sequence; }
  bool is_map() const { return kind == Kind::Map; }
};

/// "a mapping", "a list", "a string", "nothing": for "expected X, found Y" messages.
const char* kind_phrase(const YNode& node);

/// Parses `text` (YAML or JSON; valid UTF-8 without NUL bytes, as check_input ensures).
/// Syntax errors, aliases, more than one document, too many nodes and (as a backstop to
/// check_nesting) too deep nesting become errors in `diags` (positions in `path`); returns
/// the document's root, or nothing on error. A stream with no document gives a Null root.
std::optional<YNode> parse_yaml_tree(std::string_view text, const std::string& path,
                                     Diagnostics& diags);

/// Line and column (from 1, columns counted in code points) of byte `offset` in `text`.
/// Scans from the start: for one-off use.
SourceLoc loc_of_offset(std::string_view text, std::size_t offset);

/// Byte offsets to line:column for many lookups in one text. Lookups in increasing order
/// (as a parser makes them) cost amortised O(1) even when the text is one huge line.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  SourceLoc at(std::size_t offset);

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;  ///< byte offset of each line's first byte
  std::size_t cursor_offset_ = 0;    ///< the last lookup, to continue counting from
  SourceLoc cursor_{1, 1};
};

}  // namespace vitae::load

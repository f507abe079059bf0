// Reading values out of a YNode tree: type checks, unknown keys, duplicate keys, with every
// problem reported at the node that caused it. Used by all the section readers.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/yaml_tree.h"
#include "vitae/diagnostics.h"
#include "vitae/model.h"

namespace vitae::load {

/// Where diagnostics go while one file is read: its path and the collector.
class Reader {
 public:
  Reader(std::string path, Diagnostics& diags, std::string_view source = {})
      : path_(std::move(path)), diags_(diags), source_(source) {}

  const std::string& path() const { return path_; }
  /// The text being read (for the few checks that look at how a value was written).
  std::string_view source() const { return source_; }
  Diagnostics& diags() { return diags_; }

  void error(SourceLoc loc, std::string message, std::string hint = {});
  void warning(SourceLoc loc, std::string message, std::string hint = {});

  /// Reports "`what`: expected `expected`, found <kind>" at `node`.
  void type_error(const YNode& node, std::string_view what, std::string_view expected);

  /// True when `node` is a mapping; otherwise reports a type error (unless it is Null and
  /// `null_ok`) and returns false.
  bool expect_map(const YNode& node, std::string_view what, bool null_ok = true);

  /// Calls `fn(key, value)` for each entry of `map` whose key is in `allowed`, in source
  /// order. Reports non-string keys, duplicates and unknown keys ("unknown key 'x' in
  /// `context`" with a did-you-mean hint). When `unknown_is_warning`, unknown keys warn.
  void for_each_field(const YNode& map, const std::vector<std::string>& allowed,
                      std::string_view context,
                      const std::function<void(const std::string&, const YNode&)>& fn,
                      bool unknown_is_warning = false);

  /// Like for_each_field, passing the key node (for its location) instead of its text.
  void for_each_entry(const YNode& map, const std::vector<std::string>& allowed,
                      std::string_view context,
                      const std::function<void(const YNode&, const YNode&)>& fn,
                      bool unknown_is_warning = false);

  /// A scalar as Text; nothing for Null; a type error otherwise.
  std::optional<Text> text(const YNode& node, std::string_view what);
  /// A scalar as a string; nothing for Null; a type error otherwise.
  std::optional<std::string> string(const YNode& node, std::string_view what);
  /// true/false (also yes/no, on/off, 1/0, any case); nothing for Null.
  std::optional<bool> boolean(const YNode& node, std::string_view what);
  /// A list of scalars; nothing for Null; a type error for anything else.
  std::optional<std::vector<Text>> text_list(const YNode& node, std::string_view what);
  /// Like text_list, without locations.
  std::optional<std::vector<std::string>> string_list(const YNode& node, std::string_view what);

 private:
  std::string path_;
  Diagnostics& diags_;
  std::string_view source_;
};

/// vitae's `tags:` extension: a list of single words.
std::vector<std::string> read_tags(const YNode& node, Reader& r);

/// The value of `key` in `map`, or null when absent. Read-only: never inserts.
const YNode* find_field(const YNode& map, std::string_view key);

}  // namespace vitae::load

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

/// Where diagnostics go while a CV is read: the paths and texts of its files (more than one
/// when it extends others; SourceLoc::file picks one) and the collector.
class Reader {
 public:
  struct File {
    std::string path;
    std::string_view text;
  };
  Reader(std::string path, Diagnostics& diags, std::string_view source = {})
      : files_{{std::move(path), source}}, diags_(diags) {}
  Reader(std::vector<File> files, Diagnostics& diags) : files_(std::move(files)), diags_(diags) {
    if (files_.empty()) files_.push_back({});
  }

  /// The path of the file being built.
  const std::string& path() const { return files_[0].path; }
  /// The path of the file `loc` is in.
  const std::string& path_of(SourceLoc loc) const { return file_of(loc).path; }
  /// The text `loc` is in (for the few checks that look at how a value was written).
  std::string_view source(SourceLoc loc) const { return file_of(loc).text; }
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
  const File& file_of(SourceLoc loc) const {
    return loc.file > 0 && static_cast<std::size_t>(loc.file) < files_.size() ? files_[loc.file] : files_[0];
  }

  std::vector<File> files_;
  Diagnostics& diags_;
};

/// vitae's `tags:` extension: a list of single words.
std::vector<std::string> read_tags(const YNode& node, Reader& r);
/// Like read_tags, keeping where each tag was written; `what` names the list in messages.
std::vector<Text> read_tag_list(const YNode& node, Reader& r, std::string_view what);

/// The value of `key` in `map`, or null when absent. Read-only: never inserts.
const YNode* find_field(const YNode& map, std::string_view key);

}  // namespace vitae::load

// Edits of a parsed YAML tree, made before it is read into a Document: marking which file
// each node came from, laying one file over the file it extends, and replacing a value
// named by a key path (`set:` in a CV, `--set KEY=VALUE` on the command line).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/yaml_tree.h"

namespace vitae::load {

/// Marks every node under `node` (keys included) as written in file `file` (SourceLoc::file).
void set_file(YNode& node, int file);

/// Lays `over` over `base`, as `extends` does: where both are mappings, each key of `over`
/// replaces the same key of `base` (mappings merged again, key by key, to any depth), and
/// keys `base` lacks are appended in `over`'s order; anything else in `over` (a scalar, a
/// list, null) replaces what `base` had, whole. A key written twice in `over` is kept twice,
/// so the reader still reports the duplicate.
void merge_over(YNode& base, YNode over);

/// A dotted key path such as `cv.sections.education.0.degree`: map keys, and list items
/// by index (as RenderCV's command-line overrides name them).
struct KeyPath {
  std::string text;                   ///< as written
  std::vector<std::string> segments;
  std::vector<SourceLoc> locs;        ///< where each segment starts
};

/// Splits `text` at dots. `loc` is where the text starts (on one line). Nothing, and
/// `error` set, for an empty path or an empty segment.
std::optional<KeyPath> parse_key_path(std::string_view text, SourceLoc loc, std::string* error);

struct EditError {
  SourceLoc loc;
  std::string message, hint;
};

/// Replaces the value at `path` in `root` with `value`. Missing mapping keys are created
/// (so a variant may set a value its base leaves out; an unknown key is then reported by
/// the reader, with a did-you-mean hint, at the path's place). A list item must exist, a
/// key that would be indexed must exist, and nothing is set inside a scalar: those are
/// errors, at the segment that fails.
std::optional<EditError> set_at_path(YNode& root, const KeyPath& path, YNode value);

}  // namespace vitae::load

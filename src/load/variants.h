// Tailored variants: which sections, entries and highlights a build keeps, chosen by tags,
// and in which order its sections come (docs/variants.md is the contract).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "load/reader.h"
#include "load/tree_edit.h"
#include "vitae/model.h"

namespace vitae::load {

/// A selection: the CV's top-level `include_tags`, `exclude_tags` and `sections`, or a
/// variant's. Tags and names keep where they were written, for warnings.
struct Selection {
  std::optional<std::vector<Text>> include_tags;  ///< unset: every tag may stay
  std::optional<std::vector<Text>> exclude_tags;
  std::optional<std::vector<Text>> sections;      ///< unset: every section, in source order

  /// `over`'s keys replace this one's, key by key (a variant over the top level).
  Selection overridden_by(const Selection& over) const;
  bool empty() const { return !include_tags && !exclude_tags && !sections; }
};

/// One value a variant sets: a key path and the value it gets.
struct SetValue {
  KeyPath path;
  YNode value;
};

/// One entry of `variants:`.
struct Variant {
  std::string name;
  SourceLoc loc;
  Selection selection;
  std::vector<SetValue> set;
};

/// The keys a selection is written with, at the top level and in a variant.
extern const std::vector<std::string> kSelectionKeys;  // include_tags, exclude_tags, sections

/// Reads one selection key (`key` is in kSelectionKeys) into `sel`.
void read_selection_key(const std::string& key, const YNode& value, Selection& sel, Reader& r);

/// Reads a `set:` mapping of key paths to values. Paths must start at cv, design, locale
/// or settings.
std::vector<SetValue> read_set(const YNode& node, Reader& r);

/// Reads `variants:`, a mapping from names (usable in file names) to selections and sets.
std::vector<Variant> read_variants(const YNode& node, Reader& r);

/// Keeps what `sel` selects, in place, as docs/variants.md says: an item (section, entry,
/// highlight) goes when it carries an excluded tag, or when `include_tags` is given and it
/// carries tags but none of them; what is inside an item that goes, goes with it; a section
/// left without entries goes; `sections` then picks and orders the sections by key.
/// Warns about a tag in the selection that no item of `doc` carries, and reports a section
/// name `doc` does not have as an error.
void apply_selection(Document& doc, const Selection& sel, Reader& r);

}  // namespace vitae::load

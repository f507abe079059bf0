#include "load/tree_edit.h"

#include <charconv>

#include "load/did_you_mean.h"

namespace vitae::load {

void set_file(YNode& node, int file) {
  node.loc.file = file;
  for (YNode& item : node.items) set_file(item, file);
  for (auto& [k, v] : node.entries) {
    set_file(k, file);
    set_file(v, file);
  }
}

namespace {

// The index of the first entry of `map` whose key is the scalar `key`, not in `taken`.
std::optional<std::size_t> find_key(const YNode& map, const std::string& key, const std::vector<bool>& taken) {
  for (std::size_t i = 0; i < map.entries.size(); ++i)
    if (!taken[i] && map.entries[i].first.is_scalar() && map.entries[i].first.value == key) return i;
  return std::nullopt;
}

}  // namespace

void merge_over(YNode& base, YNode over) {
  if (!base.is_map() || !over.is_map()) {
    base = std::move(over);
    return;
  }
  // Entries of `base` already replaced by this merge: a second `over` entry with the same
  // key is appended (a duplicate the reader reports), not merged into the first.
  std::vector<bool> replaced(base.entries.size(), false);
  for (auto& [key, value] : over.entries) {
    std::optional<std::size_t> at = key.is_scalar() ? find_key(base, key.value, replaced) : std::nullopt;
    if (!at) {
      base.entries.emplace_back(std::move(key), std::move(value));
      replaced.push_back(true);
      continue;
    }
    replaced[*at] = true;
    base.entries[*at].first = std::move(key);  // errors about the key point where it was last written
    merge_over(base.entries[*at].second, std::move(value));
  }
}

std::optional<KeyPath> parse_key_path(std::string_view text, SourceLoc loc, std::string* error) {
  KeyPath path;
  path.text = std::string(text);
  if (text.empty()) return *error = "the key path is empty", std::nullopt;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = text.find('.', start);
    std::string_view seg = text.substr(start, dot == std::string_view::npos ? text.npos : dot - start);
    if (seg.empty()) return *error = "the key path '" + path.text + "' has an empty part", std::nullopt;
    path.segments.emplace_back(seg);
    path.locs.push_back({loc.line, loc.column + static_cast<int>(start), loc.file});
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return path;
}

namespace {

std::optional<std::size_t> as_index(const std::string& s) {
  std::size_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string prefix(const KeyPath& path, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i ? "." : "") + path.segments[i];
  return out;
}

std::vector<std::string> scalar_keys(const YNode& map) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : map.entries)
    if (k.is_scalar()) keys.push_back(k.value);
  return keys;
}

// The child of map `node` named by segment `i`, created when missing (unless the next
// segment is an index: a list cannot be made up).
YNode* map_child(YNode& node, const KeyPath& path, std::size_t i, EditError* error) {
  const std::string& seg = path.segments[i];
  for (auto& [k, v] : node.entries)
    if (k.is_scalar() && k.value == seg) return &v;
  if (i + 1 < path.segments.size() && as_index(path.segments[i + 1])) {
    std::string where = i ? "'" + prefix(path, i) + "'" : "the top level";
    *error = {path.locs[i], "cannot set '" + path.text + "': " + where + " has no '" + seg + "'",
              unknown_name_hint(seg, scalar_keys(node))};
    return nullptr;
  }
  YNode key;
  key.kind = YNode::Kind::Scalar;
  key.value = seg;
  key.loc = path.locs[i];
  YNode empty;
  empty.loc = path.locs[i];
  node.entries.emplace_back(std::move(key), std::move(empty));
  return &node.entries.back().second;
}

}  // namespace

std::optional<EditError> set_at_path(YNode& root, const KeyPath& path, YNode value) {
  YNode* node = &root;
  for (std::size_t i = 0; i < path.segments.size(); ++i) {
    const std::string& seg = path.segments[i];
    if (node->is_null()) node->kind = YNode::Kind::Map;  // `design:` with nothing under it
    if (node->is_map()) {
      EditError error;
      node = map_child(*node, path, i, &error);
      if (!node) return error;
    } else if (node->is_seq()) {
      std::optional<std::size_t> index = as_index(seg);
      std::string list = "'" + prefix(path, i) + "'";
      if (!index)
        return EditError{path.locs[i], "cannot set '" + path.text + "': " + list + " is a list, and '" + seg +
                                           "' is not an item number",
                         "list items are numbered from 0: " + prefix(path, i) + ".0"};
      if (*index >= node->items.size())
        return EditError{path.locs[i],
                         "cannot set '" + path.text + "': " + list + " has " + std::to_string(node->items.size()) +
                             " item(s), numbered from 0",
                         {}};
      node = &node->items[*index];
    } else {
      return EditError{path.locs[i],
                       "cannot set '" + path.text + "': '" + prefix(path, i) + "' is a single value, not a mapping",
                       {}};
    }
  }
  *node = std::move(value);
  return std::nullopt;
}

}  // namespace vitae::load

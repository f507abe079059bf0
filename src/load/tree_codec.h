// A parsed YAML tree as compact bytes, and back. The built-in layouts are parsed when vitae
// is compiled (tools/embed_layouts.cpp) and carried as these bytes, so that a build decodes
// them (a linear read) instead of parsing YAML, which costs about 1,250 instructions a byte
// with yaml-cpp (docs/performance.md, "The loader on yaml-cpp").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "load/yaml_tree.h"

namespace vitae::load {

/// `node` and everything under it: kinds, values, the plain flag and positions (line,
/// column, byte offset; not the file index).
std::string encode_tree(const YNode& node);

/// The tree encode_tree wrote; nothing if `bytes` is not such a tree (truncated, say).
std::optional<YNode> decode_tree(std::string_view bytes);

}  // namespace vitae::load

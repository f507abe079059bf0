// The built-in layouts: layouts/*.yaml, compiled into the binary by cmake/embed_layouts.cpp,
// each already parsed (load/tree_codec.h).
#pragma once

#include <string_view>
#include <vector>

namespace vitae {

struct BuiltinLayout {
  std::string_view name;  ///< file base name: "classic"
  std::string_view text;  ///< the YAML text (a `design:` mapping), for diagnostics
  std::string_view tree;  ///< the text parsed, as encode_tree wrote it
};

const std::vector<BuiltinLayout>& builtin_layouts();

}  // namespace vitae

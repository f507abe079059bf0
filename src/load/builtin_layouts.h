// The built-in layouts: layouts/*.yaml, compiled into the binary by cmake/embed_layouts.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace vitae {

struct BuiltinLayout {
  std::string_view name;  ///< file base name: "classic"
  std::string_view text;  ///< the YAML text (a `design:` mapping)
};

const std::vector<BuiltinLayout>& builtin_layouts();

}  // namespace vitae

// yaml-cpp's syntax errors ("illegal map value", "end of map not found"), said the way a
// person editing a CV would understand them, at the place a person would look.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "vitae/diagnostics.h"

namespace vitae::load {

/// A syntax error as yaml-cpp reports it, with its mark turned into a byte offset.
struct YamlError {
  std::string_view problem;  ///< yaml-cpp's message, e.g. "illegal map value" (YAML::ErrorMsg)
  std::size_t at = 0;        ///< byte offset of the problem
  std::optional<std::size_t> open_flow_at;  ///< byte offset of the innermost '[' or '{' still open
};

/// The message, the hint and the byte offset to report the error at.
struct ExplainedError {
  std::string message;
  std::string hint;
  std::size_t at = 0;
};

/// Explains `error`, found in `text`.
ExplainedError explain_yaml_error(const YamlError& error, std::string_view text);

/// The first tab in the indentation of line `line` (1-based) or the line before: yaml-cpp
/// reports a tab-indented line as some other error ("illegal map value", "illegal block
/// entry").
std::optional<SourceLoc> tab_in_indentation(std::string_view text, int line);

}  // namespace vitae::load

// libyaml's syntax errors ("did not find expected key" "while parsing a block mapping"),
// said the way a person editing a CV would understand them, at the place a person would look.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "vitae/diagnostics.h"

namespace vitae::load {

/// A syntax error as libyaml reports it, with its marks turned into byte offsets.
struct YamlError {
  std::string_view problem;  ///< what is wrong, e.g. "found unexpected end of stream"
  std::string_view context;  ///< what was being read, e.g. "while scanning a quoted scalar"; may be empty
  std::size_t problem_at = 0;  ///< byte offset of the problem
  std::size_t context_at = 0;  ///< byte offset of the construct's start (e.g. the open quote)
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

/// The first tab in the indentation of line `line` (1-based) or the line before: libyaml
/// reports a tab-indented line as some other error ("found character that cannot start
/// any token", "did not find expected key").
std::optional<SourceLoc> tab_in_indentation(std::string_view text, int line);

}  // namespace vitae::load

// Checks on the raw bytes of a CV, made before any YAML parsing: size, encoding, nesting.
// They turn hostile input (binary files, invalid UTF-8, megabytes of brackets) into one
// clear error with a position, and keep the parser away from input it handles badly.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "vitae/diagnostics.h"

namespace vitae::load {

/// A problem found in the raw text: where it is, what it is, and what to do.
struct InputProblem {
  SourceLoc loc;
  std::string message;
  std::string hint;
};

/// Deepest nesting accepted (block indentation levels, list dashes and brackets together).
/// A CV needs fewer than 10. check_nesting estimates it before parsing, so that megabytes of
/// brackets fail fast; the tree builder enforces it exactly (parse_yaml_tree).
inline constexpr int kMaxNesting = 256;

/// Longest string accepted (a key or a value), in bytes. A CV's longest paragraph is a few
/// hundred words; 64 KiB is some 10,000, and the limit keeps one value (set as one
/// paragraph, one line-breaking problem) from costing the time of a book.
inline constexpr std::size_t kMaxStringBytes = 64 * 1024;

struct YNode;

/// The first string of `root` (keys and values, in document order) longer than
/// `max_bytes`, at its position.
std::optional<InputProblem> check_string_lengths(const YNode& root, std::size_t max_bytes = kMaxStringBytes);

/// The first NUL byte or invalid UTF-8 sequence (overlong forms, surrogates and code points
/// beyond U+10FFFF are invalid too), or nothing.
std::optional<InputProblem> check_encoding(std::string_view text);

/// Estimates the nesting depth line by line without parsing, and reports the first place
/// where it exceeds `max_depth`. Quoted strings and comments are skipped; the estimate
/// may overcount slightly (block scalars), never undercount brackets.
std::optional<InputProblem> check_nesting(std::string_view text, int max_depth = kMaxNesting);

/// Size, emptiness, encoding and nesting, in that order; the first problem found.
std::optional<InputProblem> check_input(std::string_view text, std::size_t max_bytes);

}  // namespace vitae::load

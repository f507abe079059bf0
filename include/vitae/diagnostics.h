// Diagnostics: errors and warnings with a source position, printed in compiler style.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vitae {

/// A position in a source file. Lines and columns count from 1; 0 means "unknown".
/// `file` tells which of a build's source files the position is in, when a CV is read from
/// several (a variant file and the CV it extends): an index into Document::files, 0 for
/// the file being built.
struct SourceLoc {
  int line = 0;
  int column = 0;
  int file = 0;
};

/// A source file held in memory: its path as the user named it, and its bytes.
struct SourceFile {
  std::string path;
  std::string text;
};

enum class Severity { Error, Warning, Note };

/// One message for the user: `path:line:col: error: message`, then the source line,
/// a caret under the column, and an optional `hint:` line.
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string path;
  SourceLoc loc;
  std::string message;
  std::string hint;
};

/// Collects the diagnostics of one build. Not thread-safe: one per build.
/// After `max_errors` errors further errors are counted but not stored, so a
/// hostile file cannot flood the terminal.
class Diagnostics {
 public:
  explicit Diagnostics(std::size_t max_errors = 50) : max_errors_(max_errors) {}

  void error(std::string path, SourceLoc loc, std::string message, std::string hint = {});
  void warning(std::string path, SourceLoc loc, std::string message, std::string hint = {});
  void add(Diagnostic d);

  bool has_errors() const { return error_count_ > 0; }
  std::size_t error_count() const { return error_count_; }
  std::size_t warning_count() const { return warning_count_; }
  /// Errors counted beyond the cap and not stored.
  std::size_t dropped() const { return dropped_; }
  const std::vector<Diagnostic>& all() const { return items_; }

 private:
  std::size_t max_errors_;
  std::size_t error_count_ = 0;
  std::size_t warning_count_ = 0;
  std::size_t dropped_ = 0;
  std::vector<Diagnostic> items_;
};

/// Formats one diagnostic. When `source` is the file the diagnostic points into,
/// the offending line and a caret follow the message line. Ends with a newline.
std::string format_diagnostic(const Diagnostic& d, const SourceFile* source);

/// Formats all diagnostics (and a "N more errors not shown" line if some were dropped).
std::string format_diagnostics(const Diagnostics& diags, const std::vector<const SourceFile*>& sources);

}  // namespace vitae

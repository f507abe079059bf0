#include "vitae/diagnostics.h"

#include <algorithm>

namespace vitae {

void Diagnostics::error(std::string path, SourceLoc loc, std::string message, std::string hint) {
  add({Severity::Error, std::move(path), loc, std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string path, SourceLoc loc, std::string message, std::string hint) {
  add({Severity::Warning, std::move(path), loc, std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::Error) {
    ++error_count_;
    if (error_count_ > max_errors_) {
      ++dropped_;
      return;
    }
  } else if (d.severity == Severity::Warning) {
    ++warning_count_;
    // Warnings share the cap so a pathological file cannot print without bound.
    if (warning_count_ > max_errors_ * 4) return;
  }
  items_.push_back(std::move(d));
}

namespace {

const char* severity_word(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

// Returns line `n` (1-based) of `text`, without its line ending; empty if out of range.
std::string_view line_of(std::string_view text, int n) {
  size_t start = 0;
  for (int i = 1; i < n; ++i) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  std::string_view line = text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// Width of the caret's indent: source tabs are kept as tabs so the caret lines up in a
// terminal; other bytes count one per code point (UTF-8 continuation bytes are skipped).
std::string caret_indent(std::string_view line, int column) {
  std::string out;
  int col = 1;
  for (size_t i = 0; i < line.size() && col < column; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    out += (c == '\t') ? '\t' : ' ';
    ++col;
  }
  while (col++ < column) out += ' ';
  return out;
}

bool printable_line(std::string_view line) {
  if (line.size() > 500) return false;
  return std::none_of(line.begin(), line.end(), [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u < 0x20 && c != '\t';
  });
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d, const SourceFile* source) {
  std::string out = d.path;
  if (d.loc.line > 0) {
    out += ':' + std::to_string(d.loc.line);
    if (d.loc.column > 0) out += ':' + std::to_string(d.loc.column);
  }
  out += out.empty() ? "" : ": ";
  out += severity_word(d.severity);
  out += ": " + d.message + '\n';
  if (source && d.loc.line > 0) {
    std::string_view line = line_of(source->text, d.loc.line);
    if (!line.empty() && printable_line(line)) {
      out += "  ";
      out += line;
      out += "\n  " + caret_indent(line, std::max(d.loc.column, 1)) + "^\n";
    }
  }
  if (!d.hint.empty()) out += "  hint: " + d.hint + '\n';
  return out;
}

std::string format_diagnostics(const Diagnostics& diags, const std::vector<const SourceFile*>& sources) {
  std::string out;
  for (const Diagnostic& d : diags.all()) {
    const SourceFile* src = nullptr;
    for (const SourceFile* s : sources)
      if (s && s->path == d.path) src = s;
    out += format_diagnostic(d, src);
  }
  if (diags.dropped() > 0)
    out += std::to_string(diags.dropped()) + " more error(s) not shown\n";
  return out;
}

}  // namespace vitae

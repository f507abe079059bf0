#include "build/build.h"

#include <charconv>

#include "load/load.h"

namespace vitae {

std::optional<BuildResult> build_document(const SourceFile& source, const BuildConfig& config,
                                          Diagnostics& diags) {
  std::optional<Document> doc = load_document(source, diags);
  if (!doc || diags.has_errors()) return std::nullopt;
  BuildResult result;
  if (config.check_only) return result;
  diags.error(source.path, {}, "PDF output is not implemented yet", "use `vitae check` for now");
  return std::nullopt;
}

namespace {

// std::to_chars, not printf: output must not depend on the C locale.
std::string fixed3(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
  return std::string(buf, r.ptr);
}

}  // namespace

std::string format_stats(const BuildStats& s) {
  std::string out;
  auto line = [&out](const char* key, const std::string& value) {
    out += key;
    out += ": " + value + '\n';
  };
  line("pages", std::to_string(s.pages));
  line("lines", std::to_string(s.lines));
  line("hyphenated lines", std::to_string(s.hyphenated_lines));
  line("consecutive hyphens", std::to_string(s.consecutive_hyphens));
  line("overfull lines", std::to_string(s.overfull_lines));
  line("underfull lines", std::to_string(s.underfull_lines));
  line("largest adjustment ratio", fixed3(s.max_adjustment_ratio));
  line("mean adjustment ratio", fixed3(s.mean_adjustment_ratio));
  return out;
}

}  // namespace vitae

// SystemFonts: the fontconfig lookups the FontLibrary needs, behind a header free of
// fontconfig types. Initialised lazily on first use, since FcInitLoadConfigAndFonts costs
// 4-12 ms (measured, see shared/notes/library-facts.md). Thread-safe (one mutex).
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace vitae {

/// Owns one fontconfig configuration (not the process-global one), created on first use.
class SystemFonts {
 public:
  SystemFonts();
  ~SystemFonts();
  SystemFonts(const SystemFonts&) = delete;
  SystemFonts& operator=(const SystemFonts&) = delete;

  /// File of the best face of `family` (case-insensitive exact family match), or empty.
  std::string find_family(const std::string& family, bool bold, bool italic) const;
  /// Files of faces that may cover `c`, best first (fontconfig's sort order), at most `limit`.
  std::vector<std::string> find_for_codepoint(char32_t c, bool bold, bool italic,
                                              std::size_t limit) const;
  /// All installed family names, sorted and unique.
  std::vector<std::string> families() const;
  /// Whether fontconfig has been loaded yet.
  bool initialised() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vitae

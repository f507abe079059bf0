// Font files named by a CV, confined to the project root. See font_paths.h.
#include "load/font_paths.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "load/project_root.h"

namespace vitae::load {
namespace {

namespace fs = std::filesystem;

// The extensions FontLibrary takes as a file (has_font_extension in src/text).
bool has_font_extension(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  for (std::string_view ext : {".ttf", ".otf", ".ttc", ".otc"})
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) return true;
  return false;
}

void check_one(const FontChoice& choice, const FontPathSource& source, Reader& r) {
  const int file = choice.loc.file;
  if (choice.family.empty() || file < 0 || static_cast<std::size_t>(file) >= source.files.size()) return;
  const std::string& naming = source.files[file].path;
  if (naming == "<command line>") return;  // the user's own words: not confined
  const fs::path dir = file == 0 && source.main_from_stdin ? fs::path() : fs::path(naming).parent_path();
  const fs::path path = dir / choice.family;
  std::error_code ec;
  const bool names_file = has_font_extension(choice.family) || choice.family.find('/') != std::string::npos ||
                          fs::is_regular_file(path, ec);
  if (!names_file) return;
  if (auto why = outside_root(path.string(), source.root))
    r.error(choice.loc, "design.typography.font_family: " + *why, outside_root_hint());
}

}  // namespace

void check_font_paths(const Document& doc, const FontPathSource& source, Reader& r) {
  const PerRole<FontChoice>& f = doc.design.typography.font_family;
  // Several roles often share one value (typography.font_family sets them all): once each.
  std::vector<SourceLoc> seen;
  for (const FontChoice* choice : f.all()) {
    const SourceLoc& l = choice->loc;
    if (std::any_of(seen.begin(), seen.end(), [&](const SourceLoc& s) {
          return s.file == l.file && s.line == l.line && s.column == l.column;
        }))
      continue;
    seen.push_back(l);
    check_one(*choice, source, r);
  }
}

}  // namespace vitae::load

// FontManifest: the bundled families as fonts/families.tsv lists them (fonts/README.md
// describes the format): each family's files by weight and style, the other names that
// resolve to it, and the stand-ins for families vitae cannot ship.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitae {

/// One bundled family.
struct ManifestFamily {
  std::string name;  ///< as written ("Source Sans 3")
  /// Files relative to the font directory, indexed [bold][italic]; empty: not shipped.
  /// The regular face is always there.
  std::array<std::array<std::string, 2>, 2> files;
  int line = 0;

  /// The file serving a request: the face asked for, else the nearest shipped one (bold
  /// italic -> bold -> italic -> regular; italic -> regular; bold -> regular).
  const std::string& file(bool bold, bool italic) const;
};

/// What a name resolves to.
struct ManifestName {
  std::size_t family = 0;  ///< index into FontManifest::families
  /// A different design standing in for a family we cannot ship (the caller warns).
  bool stand_in = false;
  int line = 0;
};

struct FontManifest {
  std::vector<ManifestFamily> families;  ///< in the file's order
  /// Every name, lower case: the families' own names, their aliases, the stand-ins.
  std::map<std::string, ManifestName, std::less<>> names;

  /// The entry for a family name (any case), or null.
  const ManifestName* find(std::string_view name) const;
  /// The family a name resolves to without a stand-in, or null.
  const ManifestFamily* family_named(std::string_view name) const;
};

/// ASCII lower case (family names are matched case-insensitively).
std::string lower_ascii(std::string_view s);

/// Name of the manifest file in the font directory.
inline constexpr const char* kFontManifestFile = "families.tsv";

/// Parses a manifest. On a malformed line returns nothing and sets `error` to
/// "<path>:<line>: <what is wrong>".
std::optional<FontManifest> parse_font_manifest(std::string_view text, const std::string& path,
                                                std::string* error);

/// Reads and parses `<font_dir>/families.tsv`; errors as parse_font_manifest, or
/// "cannot read the bundled-font manifest '<path>': <reason>".
std::optional<FontManifest> read_font_manifest(const std::string& font_dir, std::string* error);

}  // namespace vitae

// FontLibrary: finds and loads font faces (bundled fonts/, fontconfig, file paths) once,
// and shares them. Thread-safe; meant to live for a whole batch of builds.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "text/font.h"

namespace vitae {

/// Loads one face from a font file. Returns null and sets `error` when the file is
/// missing, unreadable, a collection, or not a font.
std::shared_ptr<const Font> load_font_file(const std::string& path, std::string* error);

/// The two weights a CV design asks for.
enum class FontWeight { Regular, Bold };
/// The two styles a CV design asks for.
enum class FontStyle { Upright, Italic };

/// How a FontLibrary finds fonts.
struct FontLibraryConfig {
  /// Directory holding the bundled fonts: families.tsv (the manifest, fonts/README.md) and
  /// the folders it names. Empty: default_font_dir().
  std::string font_dir;
  /// Whether system fonts may be looked up with fontconfig (families not bundled, and
  /// fallback for characters no bundled font has). Off gives machine-independent results.
  bool use_fontconfig = true;
};

/// The bundled-font directory: $VITAE_FONT_DIR if set, else where `cmake --install` puts
/// the fonts relative to the running executable (../share/vitae/fonts) or ../fonts next to
/// it (the first holding families.tsv), else the source tree's fonts/ (compile time: the
/// build tree's program).
std::string default_font_dir();

/// A request for one face of a family.
struct FontRequest {
  /// A family name ("Lato", "serif", "Source Sans 3") or a font file path
  /// ("fonts/My.otf"; relative to `base_dir`).
  std::string family;
  FontWeight weight = FontWeight::Regular;
  FontStyle style = FontStyle::Upright;
  /// Directory relative font file paths are resolved against (the CV's directory).
  std::string base_dir;
};

/// The answer to a FontRequest. Either `font` is set, or `error` (and maybe `hint`) is.
struct ResolvedFont {
  std::shared_ptr<const Font> font;
  /// The family asked for is not available and a stand-in was used (e.g. RenderCV's
  /// "Fontin" -> "Gentium Book Plus"); the caller should warn. `note` says what happened.
  bool substituted = false;
  std::string note;
  std::string error;  ///< e.g. "font family 'Latto' not found"
  std::string hint;   ///< e.g. "did you mean 'Lato'?"
};

/// Resolves family names to shared, immutable fonts. Order: bundled families and their
/// aliases (serif, sans-serif, ...; fonts/families.tsv, read once, on first use), then a
/// file path, then fontconfig (initialised lazily, only when a family is not bundled: it
/// costs 4-12 ms), then the manifest's stand-ins (substituted). A face the family does not
/// ship is served by the nearest one it does (bold italic -> bold -> italic -> regular).
/// Each file is loaded once. All member functions are thread-safe.
class FontLibrary {
 public:
  explicit FontLibrary(FontLibraryConfig config = {});
  ~FontLibrary();
  FontLibrary(const FontLibrary&) = delete;
  FontLibrary& operator=(const FontLibrary&) = delete;

  /// Finds the face for a request; never throws.
  ResolvedFont resolve(const FontRequest& request) const;
  /// fontconfig's families, sorted; empty when fontconfig is off.
  std::vector<std::string> system_families() const;

  /// Loads a font file through the cache (same path -> same Font object).
  std::shared_ptr<const Font> load(const std::string& path, std::string* error) const;

  /// The fonts to try, in order, for characters `primary` lacks: the families 'sans-serif'
  /// and 'serif' name in the manifest, in the same weight and style (Lato <-> Linux
  /// Libertine O; for another font, the one of its kind first). Does not include `primary`,
  /// nor fontconfig (see system_fallback).
  std::vector<std::shared_ptr<const Font>> fallbacks(const Font& primary, FontWeight weight,
                                                     FontStyle style) const;

  /// A system font (fontconfig) that has code point `c`, preferring the weight and style;
  /// null if none has it or fontconfig is disabled. Results are cached per code point.
  std::shared_ptr<const Font> system_fallback(char32_t c, FontWeight weight,
                                              FontStyle style) const;

  /// Names of the bundled families, in the manifest's order ("Lato", "Linux Libertine O",
  /// "Source Sans 3", ...); empty if the manifest cannot be read.
  std::vector<std::string> bundled_families() const;
  /// Why the manifest cannot be read or parsed ("<dir>/families.tsv:7: ..."), or empty.
  std::string manifest_error() const;
  /// The bundled-font directory in use.
  const std::string& font_dir() const;
  /// Whether fontconfig has been initialised (for tests: bundled fonts must not need it).
  bool system_fonts_initialised() const;
  /// How many font files are loaded (for tests: fonts are loaded only when needed).
  std::size_t fonts_loaded() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vitae

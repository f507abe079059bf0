// FontLibrary: family resolution (bundled, file path, fontconfig), the shared font cache,
// and the fallback fonts used by itemisation.
#include "text/font_library.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <tuple>

#include "text/font_manifest.h"
#include "text/system_fonts.h"

namespace vitae {
namespace {

namespace fs = std::filesystem;

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

bool has_font_extension(const std::string& s) {
  const std::string l = lower_ascii(s);
  auto ends = [&](const char* ext) {
    const std::string e(ext);
    return l.size() > e.size() && l.compare(l.size() - e.size(), e.size(), e) == 0;
  };
  return ends(".ttf") || ends(".otf") || ends(".ttc") || ends(".otc");
}

/// Levenshtein distance, case-insensitive (Wagner-Fischer, one row).
std::size_t edit_distance(const std::string& a0, const std::string& b0) {
  const std::string a = lower_ascii(a0), b = lower_ascii(b0);
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

/// "did you mean ...?" from the candidates within a third of the name's length.
std::string closest_hint(const std::string& family, std::vector<std::string> candidates,
                         const FontManifest& manifest) {
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<std::pair<std::size_t, std::string>> scored;
  const std::size_t limit = std::max<std::size_t>(2, family.size() / 3);
  for (const std::string& c : candidates) {
    const std::size_t d = edit_distance(family, c);
    if (d <= limit) scored.emplace_back(d, c);
  }
  std::sort(scored.begin(), scored.end());
  if (scored.size() > 3) scored.resize(3);
  std::string hint;
  for (std::size_t i = 0; i < scored.size(); ++i)
    hint += (i ? (i + 1 == scored.size() ? " or '" : ", '") : "'") + scored[i].second + "'";
  if (!hint.empty()) return "did you mean " + hint + "?";
  hint = "bundled families are ";
  for (std::size_t i = 0; i < manifest.families.size(); ++i)
    hint += (i ? (i + 1 == manifest.families.size() ? " and '" : ", '") : "'") +
            manifest.families[i].name + "'";
  std::string generic;
  for (const char* g : {"sans-serif", "serif"})
    if (manifest.family_named(g)) generic += (generic.empty() ? "'" : " and '") + std::string(g) + "'";
  if (!generic.empty()) hint += " (or " + generic + ")";
  return hint + "; a .ttf/.otf file path also works";
}

}  // namespace

std::string default_font_dir() {
  if (const char* env = std::getenv("VITAE_FONT_DIR"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // Installed (bin/../share/vitae/fonts, wherever the tree was moved), then the fonts
    // beside a program in a copy of the repository.
    for (const char* rel : {VITAE_FONT_RELDIR, "../fonts"}) {
      const fs::path candidate = exe.parent_path() / rel;
      if (fs::is_regular_file(candidate / kFontManifestFile, ec))
        return fs::weakly_canonical(candidate, ec).string();
    }
  }
  return VITAE_FONT_DIR;
}

struct FontLibrary::Impl {
  FontLibraryConfig config;
  SystemFonts system;
  mutable std::mutex cache_mutex;
  mutable std::map<std::string, std::shared_ptr<const Font>> cache;  // canonical path -> font
  /// The same fonts by the path as asked for: resolving a path costs a readlink per
  /// component, and a build asks for the same few bundled files dozens of times.
  mutable std::map<std::string, std::shared_ptr<const Font>> by_given_path;
  mutable std::mutex fallback_mutex;
  mutable std::map<std::tuple<char32_t, bool, bool>, std::shared_ptr<const Font>> fallback_cache;
  /// families.tsv, read on first use; immutable after.
  mutable std::once_flag manifest_once;
  mutable std::optional<FontManifest> manifest_data;
  mutable std::string manifest_error;

  /// The manifest, or null with `manifest_error` set.
  const FontManifest* manifest() const;
  std::shared_ptr<const Font> bundled(const ManifestFamily& fam, FontWeight w, FontStyle s,
                                      std::string* error) const;
  ResolvedFont from_bundled(const ManifestFamily& fam, const FontRequest& request) const;
  ResolvedFont from_file(const std::string& family, const std::string& base_dir) const;
  ResolvedFont not_found(const std::string& family, const FontManifest& manifest) const;
  std::shared_ptr<const Font> load(const std::string& path, std::string* error) const;
};

const FontManifest* FontLibrary::Impl::manifest() const {
  std::call_once(manifest_once, [this] {
    manifest_data = read_font_manifest(config.font_dir, &manifest_error);
  });
  return manifest_data ? &*manifest_data : nullptr;
}

std::shared_ptr<const Font> FontLibrary::Impl::load(const std::string& path,
                                                    std::string* error) const {
  std::lock_guard lock(cache_mutex);
  if (auto it = by_given_path.find(path); it != by_given_path.end()) return it->second;
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  const std::string key = ec ? path : canonical.string();
  auto it = cache.find(key);
  auto font = it != cache.end() ? it->second : load_font_file(path, error);
  if (!font) return font;  // failures are not cached: the file may appear later
  cache.emplace(key, font);
  by_given_path.emplace(path, font);
  return font;
}

std::shared_ptr<const Font> FontLibrary::Impl::bundled(const ManifestFamily& fam, FontWeight w,
                                                       FontStyle s, std::string* error) const {
  const std::string& file = fam.file(w == FontWeight::Bold, s == FontStyle::Italic);
  return load((fs::path(config.font_dir) / file).string(), error);
}

ResolvedFont FontLibrary::Impl::from_bundled(const ManifestFamily& fam,
                                             const FontRequest& request) const {
  ResolvedFont r;
  std::string err;
  r.font = bundled(fam, request.weight, request.style, &err);
  if (!r.font) {
    r.error = "bundled font '" + fam.name + "' cannot be loaded: " + err;
    r.hint = "set VITAE_FONT_DIR to the directory holding " + std::string(kFontManifestFile) +
             " and the font folders it names";
  }
  return r;
}

ResolvedFont FontLibrary::Impl::from_file(const std::string& family,
                                          const std::string& base_dir) const {
  ResolvedFont r;
  fs::path p(family);
  if (p.is_relative() && !base_dir.empty()) p = fs::path(base_dir) / p;
  std::string err;
  r.font = load(p.string(), &err);
  if (!r.font) r.error = err;
  return r;
}

ResolvedFont FontLibrary::Impl::not_found(const std::string& family,
                                          const FontManifest& manifest) const {
  ResolvedFont r;
  r.error = "font family '" + family + "' not found";
  std::vector<std::string> candidates;
  for (const ManifestFamily& f : manifest.families) candidates.push_back(f.name);
  for (const auto& [name, entry] : manifest.names)
    if (!entry.stand_in && name != lower_ascii(manifest.families[entry.family].name))
      candidates.push_back(name);
  if (config.use_fontconfig) {
    auto sys = system.families();
    candidates.insert(candidates.end(), sys.begin(), sys.end());
  }
  r.hint = closest_hint(family, std::move(candidates), manifest);
  return r;
}

std::vector<std::string> FontLibrary::system_families() const {
  return impl_->config.use_fontconfig ? impl_->system.families() : std::vector<std::string>{};
}

FontLibrary::FontLibrary(FontLibraryConfig config) : impl_(std::make_unique<Impl>()) {
  if (config.font_dir.empty()) config.font_dir = default_font_dir();
  impl_->config = std::move(config);
}

FontLibrary::~FontLibrary() = default;

ResolvedFont FontLibrary::resolve(const FontRequest& request) const {
  ResolvedFont r;
  try {
    const std::string family = trim(request.family);
    if (family.empty()) {
      r.error = "empty font family name";
      return r;
    }
    const FontManifest* manifest = impl_->manifest();
    const ManifestName* entry = manifest ? manifest->find(family) : nullptr;
    if (entry && !entry->stand_in)
      return impl_->from_bundled(manifest->families[entry->family], request);
    std::error_code ec;
    const fs::path as_path = fs::path(request.base_dir) / family;
    if (has_font_extension(family) || fs::is_regular_file(as_path, ec) ||
        fs::is_regular_file(family, ec))
      return impl_->from_file(family, request.base_dir);
    if (!manifest) {  // a family name, and nothing says which are bundled: never guess
      r.error = impl_->manifest_error;
      r.hint = "set VITAE_FONT_DIR to the directory holding vitae's fonts and its " +
               std::string(kFontManifestFile);
      return r;
    }
    // An installed font of the very family beats a stand-in for it.
    if (impl_->config.use_fontconfig) {
      const std::string file = impl_->system.find_family(
          family, request.weight == FontWeight::Bold, request.style == FontStyle::Italic);
      if (!file.empty()) {
        std::string err;
        r.font = impl_->load(file, &err);
        if (!r.font) r.error = "font family '" + family + "': " + err;
        return r;
      }
    }
    if (entry) {
      const ManifestFamily& stand_in = manifest->families[entry->family];
      r = impl_->from_bundled(stand_in, request);
      if (r.font) {
        r.substituted = true;
        r.note = "font family '" + family + "' is not available; using '" + stand_in.name +
                 "' instead";
      }
      return r;
    }
    return impl_->not_found(family, *manifest);
  } catch (const std::exception& e) {  // filesystem or allocation failures: never crash
    r = ResolvedFont{};
    r.error = "cannot resolve font family '" + request.family + "': " + e.what();
    return r;
  }
}

std::shared_ptr<const Font> FontLibrary::load(const std::string& path, std::string* error) const {
  try {
    return impl_->load(path, error);
  } catch (const std::exception& e) {
    if (error) *error = e.what();
    return nullptr;
  }
}

std::vector<std::shared_ptr<const Font>> FontLibrary::fallbacks(const Font& primary,
                                                                FontWeight weight,
                                                                FontStyle style) const {
  std::vector<std::shared_ptr<const Font>> out;
  const FontManifest* manifest = impl_->manifest();
  if (!manifest) return out;
  // The fallback families are those the generic names resolve to (Lato and Libertinus
  // Serif). The other one first; for any other primary, the one of the same kind
  // (serif or sans) first, then the other.
  const ManifestFamily* sans = manifest->family_named("sans-serif");
  const ManifestFamily* serif = manifest->family_named("serif");
  const ManifestFamily* own = manifest->family_named(primary.family());
  const bool serif_first = own && own == sans     ? true
                           : own && own == serif ? false
                                                 : primary.metrics().is_serif;
  for (const ManifestFamily* fam : serif_first ? std::array{serif, sans} : std::array{sans, serif}) {
    if (!fam || fam == own) continue;
    std::string err;
    if (auto f = impl_->bundled(*fam, weight, style, &err); f && f.get() != &primary)
      out.push_back(std::move(f));
  }
  return out;
}

std::shared_ptr<const Font> FontLibrary::system_fallback(char32_t c, FontWeight weight,
                                                         FontStyle style) const {
  if (!impl_->config.use_fontconfig) return nullptr;
  const bool bold = weight == FontWeight::Bold, italic = style == FontStyle::Italic;
  const auto key = std::make_tuple(c, bold, italic);
  {
    std::lock_guard lock(impl_->fallback_mutex);
    if (auto it = impl_->fallback_cache.find(key); it != impl_->fallback_cache.end())
      return it->second;
  }
  std::shared_ptr<const Font> found;
  for (const std::string& file : impl_->system.find_for_codepoint(c, bold, italic, 8)) {
    std::string err;
    auto f = impl_->load(file, &err);
    if (f && f->has_codepoint(c)) {
      found = std::move(f);
      break;
    }
  }
  std::lock_guard lock(impl_->fallback_mutex);
  impl_->fallback_cache.emplace(key, found);
  return found;
}

std::vector<std::string> FontLibrary::bundled_families() const {
  std::vector<std::string> names;
  if (const FontManifest* manifest = impl_->manifest())
    for (const ManifestFamily& f : manifest->families) names.push_back(f.name);
  return names;
}

std::string FontLibrary::manifest_error() const {
  return impl_->manifest() ? std::string() : impl_->manifest_error;
}

const std::string& FontLibrary::font_dir() const { return impl_->config.font_dir; }

bool FontLibrary::system_fonts_initialised() const { return impl_->system.initialised(); }

std::size_t FontLibrary::fonts_loaded() const {
  std::lock_guard lock(impl_->cache_mutex);
  return impl_->cache.size();
}

}  // namespace vitae

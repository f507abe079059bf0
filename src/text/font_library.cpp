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
#include <tuple>

#include "text/system_fonts.h"

namespace vitae {
namespace {

namespace fs = std::filesystem;

constexpr const char* kLato = "Lato";
constexpr const char* kLibertine = "Linux Libertine O";

/// A bundled family: its files, indexed [bold][italic], relative to the font directory.
struct BundledFamily {
  const char* name;
  std::array<std::array<const char*, 2>, 2> files;
};

constexpr std::array<BundledFamily, 2> kBundled = {{
    {kLato, {{{"lato/Lato-Regular.ttf", "lato/Lato-Italic.ttf"},
              {"lato/Lato-Bold.ttf", "lato/Lato-BoldItalic.ttf"}}}},
    {kLibertine, {{{"libertine/LinLibertine_R.otf", "libertine/LinLibertine_RI.otf"},
                   {"libertine/LinLibertine_RB.otf", "libertine/LinLibertine_RBI.otf"}}}},
}};

/// Names (lower case) that resolve to a bundled family. `substitute` marks a different
/// design standing in for one we cannot ship; the caller warns about those.
struct Alias {
  const char* name;
  const char* family;
  bool substitute;
};

constexpr std::array<Alias, 9> kAliases = {{
    {"lato", kLato, false},
    {"sans-serif", kLato, false},
    {"sans", kLato, false},
    {"linux libertine o", kLibertine, false},
    {"linux libertine", kLibertine, false},
    {"libertine", kLibertine, false},
    {"serif", kLibertine, false},
    // RenderCV's default family; not packaged in Debian, and Lato is the nearest humanist sans.
    {"source sans 3", kLato, true},
    {"source sans pro", kLato, true},
}};

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

const Alias* find_alias(const std::string& family) {
  const std::string key = lower(family);
  for (const Alias& a : kAliases)
    if (key == a.name) return &a;
  return nullptr;
}

const BundledFamily* find_bundled(const std::string& name) {
  for (const BundledFamily& b : kBundled)
    if (name == b.name) return &b;
  return nullptr;
}

bool has_font_extension(const std::string& s) {
  const std::string l = lower(s);
  auto ends = [&](const char* ext) {
    const std::string e(ext);
    return l.size() > e.size() && l.compare(l.size() - e.size(), e.size(), e) == 0;
  };
  return ends(".ttf") || ends(".otf") || ends(".ttc") || ends(".otc");
}

/// Levenshtein distance, case-insensitive (Wagner-Fischer, one row).
std::size_t edit_distance(const std::string& a0, const std::string& b0) {
  const std::string a = lower(a0), b = lower(b0);
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
std::string closest_hint(const std::string& family, std::vector<std::string> candidates) {
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
  return std::string("bundled families are '") + kLato + "' and '" + kLibertine +
         "' (or 'sans-serif' and 'serif'); a .ttf/.otf file path also works";
}

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

}  // namespace

std::string default_font_dir() {
  if (const char* env = std::getenv("VITAE_FONT_DIR"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const char* rel : {"../share/vitae/fonts", "../fonts"}) {
      const fs::path candidate = exe.parent_path() / rel;
      if (is_dir(candidate / "lato")) return fs::weakly_canonical(candidate, ec).string();
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

  std::shared_ptr<const Font> bundled(const BundledFamily& fam, FontWeight w, FontStyle s,
                                      std::string* error) const;
  ResolvedFont from_file(const std::string& family, const std::string& base_dir) const;
  ResolvedFont not_found(const std::string& family) const;
  std::shared_ptr<const Font> load(const std::string& path, std::string* error) const;
};

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

std::shared_ptr<const Font> FontLibrary::Impl::bundled(const BundledFamily& fam, FontWeight w,
                                                       FontStyle s, std::string* error) const {
  const char* file = fam.files[w == FontWeight::Bold][s == FontStyle::Italic];
  return load((fs::path(config.font_dir) / file).string(), error);
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

ResolvedFont FontLibrary::Impl::not_found(const std::string& family) const {
  ResolvedFont r;
  r.error = "font family '" + family + "' not found";
  std::vector<std::string> candidates;
  for (const BundledFamily& b : kBundled) candidates.emplace_back(b.name);
  for (const Alias& a : kAliases)
    if (!a.substitute) candidates.emplace_back(a.name);
  if (config.use_fontconfig) {
    auto sys = system.families();
    candidates.insert(candidates.end(), sys.begin(), sys.end());
  }
  r.hint = closest_hint(family, std::move(candidates));
  return r;
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
    if (const Alias* alias = find_alias(family)) {
      std::string err;
      r.font = impl_->bundled(*find_bundled(alias->family), request.weight, request.style, &err);
      if (!r.font) {
        r.error = "bundled font '" + std::string(alias->family) + "' cannot be loaded: " + err;
        r.hint = "set VITAE_FONT_DIR to the directory holding lato/ and libertine/";
      } else if (alias->substitute) {
        r.substituted = true;
        r.note = "font family '" + family + "' is not available; using '" + alias->family +
                 "' instead";
      }
      return r;
    }
    std::error_code ec;
    const fs::path as_path = fs::path(request.base_dir) / family;
    if (has_font_extension(family) || fs::is_regular_file(as_path, ec) ||
        fs::is_regular_file(family, ec))
      return impl_->from_file(family, request.base_dir);
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
    return impl_->not_found(family);
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
  // The other bundled family first; for a non-bundled primary, the bundled family of the
  // same kind (serif or sans) first, then the other.
  std::vector<const BundledFamily*> order;
  const bool serif_first = primary.family() == kLato ? true
                           : primary.family() == kLibertine ? false
                                                            : primary.metrics().is_serif;
  order.push_back(find_bundled(serif_first ? kLibertine : kLato));
  order.push_back(find_bundled(serif_first ? kLato : kLibertine));
  for (const BundledFamily* fam : order) {
    if (fam->name == primary.family()) continue;
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
  for (const BundledFamily& b : kBundled) names.emplace_back(b.name);
  return names;
}

const std::string& FontLibrary::font_dir() const { return impl_->config.font_dir; }

bool FontLibrary::system_fonts_initialised() const { return impl_->system.initialised(); }

std::size_t FontLibrary::fonts_loaded() const {
  std::lock_guard lock(impl_->cache_mutex);
  return impl_->cache.size();
}

}  // namespace vitae

// SystemFonts: fontconfig lookups (family match, coverage fallback, family list).
#include "text/system_fonts.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <mutex>
#include <strings.h>

namespace vitae {

struct SystemFonts::Impl {
  mutable std::mutex mutex;
  mutable FcConfig* config = nullptr;  // created on first use, under `mutex`
  mutable bool tried = false;

  /// The configuration, loading it on first call. Caller holds `mutex`.
  FcConfig* get() const {
    if (!tried) {
      tried = true;
      config = FcInitLoadConfigAndFonts();
    }
    return config;
  }
};

namespace {

/// Owning wrappers so every early return frees fontconfig objects.
struct PatternPtr {
  FcPattern* p;
  explicit PatternPtr(FcPattern* q) : p(q) {}
  ~PatternPtr() { if (p) FcPatternDestroy(p); }
  PatternPtr(const PatternPtr&) = delete;
  PatternPtr& operator=(const PatternPtr&) = delete;
};

FcPattern* make_pattern(const char* family, bool bold, bool italic) {
  FcPattern* pat = FcPatternCreate();
  if (family) FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
  FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pat, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  // Scalable outline fonts only: bitmap fonts cannot be embedded as glyph outlines.
  FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
  return pat;
}

/// The file of a single-face match (collections, index > 0, are skipped: not supported).
std::string file_of(FcPattern* font) {
  FcChar8* file = nullptr;
  int index = 0;
  if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch) return {};
  FcPatternGetInteger(font, FC_INDEX, 0, &index);
  if (index != 0) return {};
  return reinterpret_cast<const char*>(file);
}

bool has_family(FcPattern* font, const std::string& family) {
  FcChar8* name = nullptr;
  for (int n = 0; FcPatternGetString(font, FC_FAMILY, n, &name) == FcResultMatch; ++n) {
    if (strcasecmp(reinterpret_cast<const char*>(name), family.c_str()) == 0) return true;
  }
  return false;
}

}  // namespace

SystemFonts::SystemFonts() : impl_(std::make_unique<Impl>()) {}

SystemFonts::~SystemFonts() {
  if (impl_->config) FcConfigDestroy(impl_->config);
}

bool SystemFonts::initialised() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->tried;
}

std::string SystemFonts::find_family(const std::string& family, bool bold, bool italic) const {
  std::lock_guard lock(impl_->mutex);
  FcConfig* config = impl_->get();
  if (!config) return {};
  PatternPtr pat(make_pattern(family.c_str(), bold, italic));
  FcConfigSubstitute(config, pat.p, FcMatchPattern);
  FcDefaultSubstitute(pat.p);
  FcResult result = FcResultNoMatch;
  // FcFontMatch always returns *some* font; accept it only if its family is the one asked.
  PatternPtr match(FcFontMatch(config, pat.p, &result));
  if (!match.p || !has_family(match.p, family)) return {};
  return file_of(match.p);
}

std::vector<std::string> SystemFonts::find_for_codepoint(char32_t c, bool bold, bool italic,
                                                         std::size_t limit) const {
  std::lock_guard lock(impl_->mutex);
  std::vector<std::string> files;
  FcConfig* config = impl_->get();
  if (!config) return files;
  PatternPtr pat(make_pattern(nullptr, bold, italic));
  FcCharSet* cs = FcCharSetCreate();
  FcCharSetAddChar(cs, static_cast<FcChar32>(c));
  FcPatternAddCharSet(pat.p, FC_CHARSET, cs);
  FcCharSetDestroy(cs);  // the pattern holds its own reference
  FcConfigSubstitute(config, pat.p, FcMatchPattern);
  FcDefaultSubstitute(pat.p);
  FcResult result = FcResultNoMatch;
  FcFontSet* set = FcFontSort(config, pat.p, FcTrue, nullptr, &result);
  if (!set) return files;
  for (int i = 0; i < set->nfont && files.size() < limit; ++i) {
    FcCharSet* fcs = nullptr;
    if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &fcs) != FcResultMatch) continue;
    if (!FcCharSetHasChar(fcs, static_cast<FcChar32>(c))) continue;
    std::string file = file_of(set->fonts[i]);
    if (!file.empty()) files.push_back(std::move(file));
  }
  FcFontSetDestroy(set);
  return files;
}

std::vector<std::string> SystemFonts::families() const {
  std::lock_guard lock(impl_->mutex);
  std::vector<std::string> names;
  FcConfig* config = impl_->get();
  if (!config) return names;
  PatternPtr pat(FcPatternCreate());
  FcObjectSet* os = FcObjectSetBuild(FC_FAMILY, static_cast<char*>(nullptr));
  FcFontSet* set = FcFontList(config, pat.p, os);
  FcObjectSetDestroy(os);
  if (!set) return names;
  for (int i = 0; i < set->nfont; ++i) {
    FcChar8* name = nullptr;
    for (int n = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, n, &name) == FcResultMatch; ++n)
      names.emplace_back(reinterpret_cast<const char*>(name));
  }
  FcFontSetDestroy(set);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace vitae

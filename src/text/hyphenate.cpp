// Hyphenation with libhyphen: pattern-file lookup, case folding, break positions.
#include "text/hyphenate.h"

#include "model/utf8.h"

#include <hyphen.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

#include "text/itemize.h"  // decode_utf8

namespace vitae {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxWordBytes = 128;

/// Splits a BCP 47 tag ("en-US", "sr_Latn_RS") into subtags in the case the pattern
/// file names use: language lower, script title, region upper.
std::vector<std::string> subtags(const std::string& tag) {
  std::vector<std::string> parts;
  std::string cur;
  for (char ch : tag + "-") {
    if (ch == '-' || ch == '_') {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
    } else {
      cur += ch;
    }
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string& p = parts[i];
    for (std::size_t k = 0; k < p.size(); ++k) {
      const auto c = static_cast<unsigned char>(p[k]);
      const bool upper = i > 0 && (p.size() == 2 || (p.size() == 4 && k == 0));
      p[k] = static_cast<char>(upper ? std::toupper(c) : std::tolower(c));
    }
  }
  return parts;
}

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

/// The arrays libhyphen may allocate for non-standard hyphenation, freed on scope exit.
struct NonStandard {
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  std::size_t size;
  explicit NonStandard(std::size_t n) : size(n) {}
  ~NonStandard() {
    if (rep)
      for (std::size_t i = 0; i < size; ++i) std::free(rep[i]);
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
  NonStandard(const NonStandard&) = delete;
  NonStandard& operator=(const NonStandard&) = delete;
};

}  // namespace

/// Owns the loaded libhyphen dictionary.
struct Hyphenator::Dict {
  HyphenDict* dict;
  explicit Dict(HyphenDict* d) : dict(d) {}
  ~Dict() { hnj_hyphen_free(dict); }
  Dict(const Dict&) = delete;
  Dict& operator=(const Dict&) = delete;
};

std::string default_hyphen_dir() {
  if (const char* env = std::getenv("VITAE_HYPHEN_DIR"); env && *env) return env;
  return VITAE_HYPHEN_DIR;
}

std::string find_hyphen_patterns(const std::string& language, const std::string& dir) {
  const std::vector<std::string> parts = subtags(language);
  if (parts.empty()) return {};
  std::vector<std::string> names;
  std::string all = parts[0];
  for (std::size_t i = 1; i < parts.size(); ++i) all += "_" + parts[i];
  names.push_back(all);
  if (parts.size() == 3) names.push_back(parts[0] + "_" + parts[2]);  // drop the script
  names.push_back(parts[0]);
  for (const std::string& n : names)
    if (fs::path p = fs::path(dir) / ("hyph_" + n + ".dic"); is_file(p)) return p.string();
  // "de" with only hyph_de_DE.dic installed: take the first regional file, in name order.
  std::vector<std::string> regional;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("hyph_" + parts[0] + "_", 0) == 0 && name.size() > 4 &&
        name.compare(name.size() - 4, 4, ".dic") == 0)
      regional.push_back(entry.path().string());
  }
  std::sort(regional.begin(), regional.end());
  return regional.empty() ? std::string() : regional.front();
}

Hyphenator::Hyphenator(std::string language, std::string path, std::unique_ptr<Dict> dict)
    : language_(std::move(language)), path_(std::move(path)), dict_(std::move(dict)) {}

Hyphenator::~Hyphenator() = default;

std::shared_ptr<const Hyphenator> Hyphenator::load(const std::string& language,
                                                   const std::string& dir, std::string* error) {
  const std::string path = find_hyphen_patterns(language, dir);
  if (path.empty()) {
    if (error)
      *error = "no hyphenation patterns for language '" + language + "' in " + dir +
               " (install the hyphen-* package for it, or turn hyphenation off)";
    return nullptr;
  }
  HyphenDict* dict = hnj_hyphen_load(path.c_str());
  if (!dict) {
    if (error) *error = "cannot read hyphenation patterns '" + path + "'";
    return nullptr;
  }
  auto owned = std::make_unique<Dict>(dict);
  return std::shared_ptr<const Hyphenator>(new Hyphenator(language, path, std::move(owned)));
}

std::vector<std::size_t> Hyphenator::hyphenate(std::string_view word, HyphenationMins mins) const {
  std::vector<std::size_t> breaks;
  if (word.empty() || word.size() > kMaxWordBytes) return breaks;
  // Fold case and record where each character starts in the caller's bytes: libhyphen
  // reports UTF-8 dictionaries' results per character (hnj_hyphen_norm).
  std::string folded;
  std::vector<std::size_t> char_start;
  for (std::size_t pos = 0; pos < word.size();) {
    char_start.push_back(pos);
    const char32_t c = decode_utf8(word, pos);
    if (c == 0xFFFD || c == 0) return breaks;
    append_utf8(folded, dict_->dict->utf8 ? simple_lower(c) : c);
  }
  if (!dict_->dict->utf8 && folded.size() != char_start.size()) return breaks;  // 8-bit dict
  const int n = static_cast<int>(folded.size());
  std::vector<char> hyphens(folded.size() + 5, '0');
  NonStandard ns(folded.size());
  hnj_hyphen_hyphenate3(dict_->dict, folded.c_str(), n, hyphens.data(), nullptr, &ns.rep, &ns.pos,
                        &ns.cut, mins.left, mins.right, mins.left, mins.right);
  // hyphens[i] odd: a break after character i.
  for (std::size_t i = 0; i + 1 < char_start.size(); ++i) {
    if (!(hyphens[i] & 1)) continue;
    if (ns.rep && ns.rep[i]) continue;  // non-standard (replacement) break: not offered
    breaks.push_back(char_start[i + 1]);
  }
  return breaks;
}

struct HyphenatorCache::Impl {
  std::string dir;
  mutable std::mutex mutex;
  mutable std::map<std::string, std::shared_ptr<const Hyphenator>> loaded;  // by tag
};

HyphenatorCache::HyphenatorCache(std::string dir) : impl_(std::make_unique<Impl>()) {
  impl_->dir = dir.empty() ? default_hyphen_dir() : std::move(dir);
}

HyphenatorCache::~HyphenatorCache() = default;

std::shared_ptr<const Hyphenator> HyphenatorCache::get(const std::string& language,
                                                       std::string* error) const {
  std::lock_guard lock(impl_->mutex);
  if (auto it = impl_->loaded.find(language); it != impl_->loaded.end()) return it->second;
  auto h = Hyphenator::load(language, impl_->dir, error);
  if (h) impl_->loaded.emplace(language, h);
  return h;
}

}  // namespace vitae

// Hyphenation: where a word may be broken, from Liang's patterns (TeX's hyphenation
// algorithm, "Word Hy-phen-a-tion by Com-put-er", 1983) as implemented by libhyphen,
// with the pattern files of Debian's hyphen-* packages.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vitae {

/// The pattern directory: $VITAE_HYPHEN_DIR if set, else the compile-time default
/// (/usr/share/hyphen).
std::string default_hyphen_dir();

/// The pattern file for a BCP 47 tag ("en-US" -> hyph_en_US.dic, "de" -> hyph_de.dic or
/// else the first hyph_de_*.dic), or empty if `dir` has none.
std::string find_hyphen_patterns(const std::string& language, const std::string& dir);

/// Minimum characters before the first and after the last break of a word, as TeX's
/// \lefthyphenmin and \righthyphenmin (plain TeX: 2 and 3). A pattern file's own
/// LEFTHYPHENMIN/RIGHTHYPHENMIN act as a floor (libhyphen takes the larger).
struct HyphenationMins {
  int left = 2;
  int right = 3;
};

/// One language's patterns, loaded once; immutable and thread-safe. libhyphen's
/// hnj_hyphen_hyphenate3 only reads the dictionary (its state machine walk in
/// hnj_hyphen_hyph_ writes only to buffers it allocates per call; checked in hyphen.c
/// 2.8.8), so no lock is taken; a test hyphenates from several threads.
class Hyphenator {
 public:
  /// Loads the patterns for `language` from `dir`. Null and `error` set if there are none
  /// or the file cannot be read.
  static std::shared_ptr<const Hyphenator> load(const std::string& language,
                                                const std::string& dir, std::string* error);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// Allowed breaks in `word` (UTF-8, letters only: the caller strips punctuation) as
  /// byte offsets b, 0 < b < word.size(): the word may break between byte b-1 and b.
  /// Ascending. Case-insensitive for Latin and Cyrillic letters. Non-standard breaks
  /// (German "Schiff-fahrt" replacements) are not offered. Words over 128 bytes, or
  /// containing invalid UTF-8, get none.
  std::vector<std::size_t> hyphenate(std::string_view word, HyphenationMins mins = {}) const;

  const std::string& language() const { return language_; }
  const std::string& path() const { return path_; }

 private:
  struct Dict;
  Hyphenator(std::string language, std::string path, std::unique_ptr<Dict> dict);
  std::string language_;
  std::string path_;
  std::unique_ptr<Dict> dict_;
};

/// Loads each language's patterns once and shares them. Thread-safe.
class HyphenatorCache {
 public:
  /// Patterns are looked up in `dir` (empty: default_hyphen_dir()).
  explicit HyphenatorCache(std::string dir = {});
  ~HyphenatorCache();
  HyphenatorCache(const HyphenatorCache&) = delete;
  HyphenatorCache& operator=(const HyphenatorCache&) = delete;

  /// The hyphenator for a BCP 47 tag; null and `error` set (every time) if unavailable.
  std::shared_ptr<const Hyphenator> get(const std::string& language, std::string* error) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vitae

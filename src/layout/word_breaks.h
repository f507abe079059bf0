// Where a word may break inside: after explicit hyphens, at sensible points of URLs and
// e-mail addresses (no hyphen drawn), at hyphenation points (a hyphen drawn), and as a
// last resort anywhere, inside a part of a word too wide for the line.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "vitae/length.h"

namespace vitae {

class Hyphenator;

struct WordBreak {
  std::size_t offset = 0;  ///< byte offset in the word: the break comes before this byte
  int penalty = 0;
  bool hyphen = false;     ///< a hyphen is drawn at the line end (flagged penalty)
};

struct WordBreakConfig {
  Abs line_width;                  ///< a word wider than this may break anywhere
  bool allow_hyphenation = false;
  /// After an explicit hyphen. TeX's \exhyphenpenalty is 50; a CV is read by machines
  /// first and poppler's pdftotext joins "sub-" and "millisecond" into "submillisecond"
  /// at a line end, so such breaks are a late resort here.
  int explicit_hyphen_penalty = 500;
  int hyphen_penalty = 50;           ///< TeX's \hyphenpenalty
  int url_penalty = 100;             ///< after / . ? & @ in URLs and addresses
  int anywhere_penalty = 5000;       ///< last resort, between any two characters
};

/// The natural width, in its style, of the word's bytes [from, to).
using WidthOf = std::function<Abs(std::size_t from, std::size_t to)>;

/// The break opportunities inside `word` (no spaces in it), ascending by offset.
/// `word_width` is the word's natural width in its style; `width_of` measures a part of it,
/// asked only for a word wider than the line.
std::vector<WordBreak> word_breaks(std::string_view word, const WordBreakConfig& config,
                                   const Hyphenator* hyphenator, Abs word_width, const WidthOf& width_of);

}  // namespace vitae

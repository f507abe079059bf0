// Building item lists for justified and ragged-right paragraphs from words and spaces,
// so that the layout engine need not know TeX's glue tricks.
#pragma once

#include <cstdint>
#include <vector>

#include "linebreak/item.h"
#include "vitae/length.h"

namespace vitae::linebreak {

/// How lines are filled.
enum class Alignment : uint8_t {
  /// Interword glue stretches and shrinks so that every line but the last fills the measure.
  Justified,
  /// Interword spaces keep their natural width; each line ends with glue 0pt plus
  /// `ragged_stretch`, so total fit evens out the rag (plain TeX's \raggedright).
  RaggedRight,
};

/// TeX's \parfillskip: the glue that ends the last line.
struct ParFillSkip {
  /// True: 0pt plus 1fil (TeX's default), the last line may be any length.
  /// False: `width` plus `stretch` (finite), e.g. to keep the last line at least so long.
  bool fil = true;
  Abs width;
  Abs stretch;
};

/// Style of one paragraph's items.
struct ParagraphStyle {
  Alignment alignment = Alignment::Justified;
  /// RaggedRight only: the stretch available at each line end. plain TeX's \raggedright
  /// uses 2em (\rightskip=0pt plus 2em); 0 makes every non-final line infinitely bad.
  Abs ragged_stretch;
  ParFillSkip parfillskip;
};

/// Appends TeX's paragraph end: \penalty10000 \hskip\parfillskip \penalty-10000 (TeX §816).
/// The penalty keeps the line from breaking before the fill glue; the last one forces the
/// final break.
void append_paragraph_end(std::vector<Item>& items, const ParFillSkip& fill = {});

/// Accumulates a paragraph's items. Ragged-right uses the item pattern of Knuth & Plass
/// (1981, "ragged right"): a space is glue(0, g) penalty(0) glue(w, -g), so a line broken
/// at the space ends with glue stretchable by g, while unbroken the stretches cancel. This
/// has the same badness per line as plain TeX's \rightskip=0pt plus g with rigid spaces,
/// but keeps everything in the items: the breaker needs no \rightskip parameter and the
/// caller sets the lines with set_width() alone, whatever the alignment.
class ParagraphBuilder {
 public:
  explicit ParagraphBuilder(const ParagraphStyle& style = {});
  /// Room for `items` items, so that a paragraph of known size grows its list only once.
  void reserve(std::size_t items) { items_.reserve(items); }

  /// A word, a glyph run, an indent: unbreakable material of the given width.
  void add_box(Abs width, uint32_t payload = kNoPayload);
  /// A breakable interword space. Justified: glue(width, stretch, shrink). Ragged: the
  /// space is rigid (stretch and shrink are ignored, as \raggedright's \spaceskip).
  /// A space at the start or right after another space is ignored, as TeX's input does.
  void add_space(Abs width, Abs stretch, Abs shrink, uint32_t payload = kNoPayload);
  /// A non-breaking space (TeX's tie ~): \penalty10000 then the space's glue.
  void add_tie(Abs width, Abs stretch, Abs shrink, uint32_t payload = kNoPayload);
  /// A possible break inside a word: a hyphenation point (flagged, width = the hyphen's,
  /// penalty e.g. \hyphenpenalty=50), or a break in a URL after "/" or "." (not flagged,
  /// width 0, some penalty). `width` is drawn only when the break is taken.
  void add_break_opportunity(int penalty, Abs width = Abs::zero(), bool flagged = false,
                             uint32_t payload = kNoPayload);
  /// A forced line break inside the paragraph (\hfil\break: the broken line is not
  /// stretched).
  void add_line_break();
  /// Ends the paragraph and returns its items, leaving the builder empty for the next one.
  /// Removes a trailing space and a trailing line break first (TeX removes the last glue at
  /// \par, §1096; a \break before \par would make an empty underfull line). An empty
  /// paragraph (nothing added) gives an empty list.
  std::vector<Item> finish();
  /// The items added so far.
  const std::vector<Item>& items() const { return items_; }

 private:
  ParagraphStyle style_;
  std::vector<Item> items_;
  /// Start of the trailing space or line break that finish() removes.
  std::size_t trailing_from_ = 0;
  bool trailing_space_ = false;
  bool trailing_break_ = false;
};

}  // namespace vitae::linebreak

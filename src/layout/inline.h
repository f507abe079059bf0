// Inline layout: a paragraph of styled text into lines. Text is cut into words and pieces,
// shaped (through text/), turned into boxes, glue and penalties, broken into lines with
// Knuth-Plass (linebreak/), and each line is set into glyph runs.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "layout/frame.h"
#include "model/deadline.h"
#include "text/font.h"
#include "text/itemize.h"

namespace vitae {

class ParagraphCache;
class Shaper;
class Hyphenator;
namespace linebreak {
class LineBreaker;
}

/// How one piece of text looks.
struct TextStyle {
  std::shared_ptr<const Font> font;
  /// Fonts to try, in order, for characters `font` lacks (font first).
  FontChain chain;
  Abs size = Abs::pt(10);
  Color color;
  std::vector<std::string> features;  ///< OpenType features, e.g. "smcp", "onum"
  bool bold = false, italic = false;  ///< as asked for (for system fallback)
  bool underline = false;  ///< a rule below the text (links, with design.links.underline)
  Abs rise;                ///< the baseline raised by this much (the external-link icon)
};

/// A run of text in one style, possibly a link.
struct StyledText {
  std::string text;
  TextStyle style;
  std::string link;  ///< URI, empty if none
};

enum class Align { Justify, Left, Right, Center };

/// Everything that shapes a paragraph.
struct ParagraphSpec {
  std::vector<StyledText> spans;
  Abs width;
  Align align = Align::Left;
  /// Space between the bottom edge (baseline) of a line and the top edge (cap height) of
  /// the next one, as in Typst's `par(leading)`; RenderCV's typography.line_spacing.
  Abs leading = Abs::pt(6);
  bool hyphenate = false;
  SourceLoc loc;  ///< where the text came from (for warnings)
};

/// One set line: its frame has height = the line's top edge (cap height) above the
/// baseline; the baseline is at the frame's bottom.
struct SetLine {
  Frame frame;
  Abs natural_width;
  double ratio = 0;        ///< adjustment ratio of the line's glue
  bool overfull = false;   ///< by more than 0.1pt
  Abs overfull_by;
  bool underfull = false;  ///< badness above TeX's \hbadness (1000): a loose line
  int badness = 0;
  bool hyphenated = false;
  /// The line ends inside a word wider than the line, between two letters and with no
  /// hyphen: the last resort of word_breaks.h, which the user is told of.
  bool broken_in_word = false;
};

/// The result of breaking a paragraph.
struct SetParagraph {
  std::vector<SetLine> lines;
  /// Code points no font has, with the byte offset into the paragraph's text.
  std::vector<std::pair<char32_t, std::size_t>> missing;
  /// How the lines were set: the spec's alignment, or Left where a too-loose justified
  /// paragraph fell back to ragged-right.
  Align align = Align::Left;
};

/// One thread's services for inline layout: its way into the cache of shaped words, the
/// hyphenator.
struct InlineContext {
  Shaper* shaper = nullptr;
  const Hyphenator* hyphenator = nullptr;  ///< null: hyphenation unavailable
  linebreak::LineBreaker* breaker = nullptr;  ///< reused scratch space; null: a fresh one
  /// Paragraphs already set, shared by threads and builds (a batch's variants); null: none.
  ParagraphCache* paragraphs = nullptr;
  /// The build's time limit, checked before each paragraph; null: none.
  const Deadline* deadline = nullptr;
};

/// Typesets a paragraph into lines. Never fails: words wider than the line are broken
/// anywhere as a last resort, and what still does not fit is reported as overfull.
SetParagraph set_paragraph(const ParagraphSpec& spec, const InlineContext& ctx);

/// The cap height of a style's font at its size: the top edge of a line.
Abs cap_height(const TextStyle& style);
/// The x-height of a style's font at its size.
Abs x_height(const TextStyle& style);
/// The descender depth (positive) of a style's font at its size.
Abs descent(const TextStyle& style);

}  // namespace vitae

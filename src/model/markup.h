// Inline markup of CV text: **bold**, *italic*, [text](url) links and backslash escapes,
// the subset of Markdown RenderCV documents. A pure function: the model keeps Text.markup
// raw, and the layout stage parses it when it builds paragraphs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vitae {

/// A run of text with one style. Adjacent runs always differ in style or link.
struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
  std::string link;  ///< the URL when the run is (part of) a link's text; empty otherwise

  bool operator==(const Span&) const = default;
};

/// Parses `markup` into spans. Rules (a CommonMark subset):
///  - `**x**` bold, `*x*` italic, `***x***` both; they nest (`**a *b* c**`). An opener must
///    be followed, and a closer preceded, by a non-space, so "5 * 3 * 2" stays literal.
///    An unmatched delimiter is literal text.
///  - `[text](url)` a link; the text may carry emphasis; the URL is taken verbatim up to
///    the matching `)` (balanced parentheses allowed). A `[` without `](...)` is literal.
///  - `\` before an ASCII punctuation character makes that character literal; any other
///    backslash is literal.
/// Never fails: any string is valid markup.
std::vector<Span> parse_markup(std::string_view markup);

/// The text of `markup` without its markup (the concatenated span texts).
std::string markup_plain_text(std::string_view markup);

}  // namespace vitae

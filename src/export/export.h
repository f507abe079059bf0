// Export: the CV as plain text and as Markdown, for application portals that want the CV
// pasted into a form or uploaded as text. Functions of the document model alone (no fonts,
// no layout, no PDF): the same words in the same order as the PDF, because both read the CV
// through the same templates and field helpers (model/fields.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/fields.h"
#include "vitae/model.h"

namespace vitae {

/// What the exports need besides the document.
struct ExportOptions {
  /// The date an open-ended entry's time span runs to, as the PDF shows it (the build's
  /// visible_date); unset: such spans are left out, as in the PDF.
  std::optional<Date> today;
};

/// One block of an entry's body, as inline markup.
struct OutlineBlock {
  enum class Kind { Paragraph, Item } kind = Kind::Paragraph;
  std::string markup;
  int depth = 0;       ///< an item's nesting (highlights of highlights), 0 at the top
  /// An item's number ("3."), empty for a bullet. A paragraph with a number counts down
  /// (reversed numbering): Markdown's lists only count up, so it is no list item.
  std::string marker;
};

/// One entry: the main template's first line as its title, the side columns (degree,
/// location, date, time span) as its facts, then its body in template order.
struct OutlineEntry {
  std::string title;               ///< markup; empty for one-paragraph entries
  std::vector<std::string> facts;  ///< markup, in the order above
  std::vector<OutlineBlock> body;
  /// An entry of a list-like section (one-line, bullet, numbered): no blank line between
  /// it and the next, as the PDF sets them close together.
  bool tight = false;
};

struct OutlineSection {
  std::string title;
  std::vector<OutlineEntry> entries;
};

/// The CV's content in reading order, the format-neutral half of both exports.
struct Outline {
  std::string name, headline;  ///< markup
  std::vector<Connection> contacts;
  std::vector<OutlineSection> sections;  ///< in the PDF's reading order
};

/// Walks the document as the PDF's layout does (templates, keywords in bold, sidebar
/// columns in reading order). Page furniture (footer, top note, photo) is left out.
Outline outline_of(const Document& doc, const ExportOptions& options);

/// The CV as UTF-8 plain text: no markup, each link as "text (url)" unless the text is
/// the URL, section titles underlined, highlights as "- " lists. Lines are not wrapped:
/// portals reflow them.
std::string export_text(const Document& doc, const ExportOptions& options);

/// The CV as CommonMark: the name a level-1 heading, sections level 2, entries level 3,
/// bold, italic and links kept as Markdown, every other Markdown character escaped.
std::string export_markdown(const Document& doc, const ExportOptions& options);

/// Inline markup as plain text (the txt export's rule for links).
std::string markup_to_text(const std::string& markup);

/// Inline markup as CommonMark inline content.
std::string markup_to_markdown(const std::string& markup);

}  // namespace vitae

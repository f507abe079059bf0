// Laid-out pages: the contract between the layout engine and the PDF writer.
// Everything is positioned; the writer only translates coordinates and encodes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vitae/length.h"
#include "vitae/model.h"

namespace vitae {

class Font;  // src/text/font.h: one loaded font face, immutable and shared.

/// A point on a page. Origin at the top-left corner, y grows downwards (as in layout);
/// the PDF writer flips y.
struct Point {
  Abs x, y;
};

/// One shaped glyph. `cluster` is a byte offset into the owning run's `text`; the glyphs
/// of one cluster are consecutive, and the cluster's text runs from `cluster` to the next
/// larger cluster value in the run (or the end of `text`).
struct Glyph {
  uint16_t id = 0;
  Abs x_advance;
  Abs x_offset, y_offset;  ///< from HarfBuzz (mark positioning); y up
  uint32_t cluster = 0;
};

/// Glyphs in one font, size and colour, drawn from `origin` (on the baseline) rightwards.
struct GlyphRun {
  std::shared_ptr<const Font> font;
  Abs size;
  Color color;
  Point origin;
  std::string text;  ///< the source text these glyphs stand for (UTF-8)
  std::vector<Glyph> glyphs;
  /// When set, text extractors should read this instead of the glyphs' text: the two
  /// halves of a hyphenated word carry the whole word on the first half and "" on the second.
  std::optional<std::string> actual_text;

  Abs width() const {
    Abs w;
    for (const Glyph& g : glyphs) w += g.x_advance;
    return w;
  }
};

/// A filled rectangle (rules, underlines).
struct Rule {
  Point origin;  ///< top-left
  Abs width, height;
  Color color;
};

/// A filled circle: list bullets are drawn, not typeset, so that text extractors see the
/// item's text alone and every line of a hanging-indent item starts at the same x.
struct Disc {
  Point center;
  Abs radius;
  Color color;
};

/// A clickable area linking to a URI (mailto:, tel:, https:).
struct LinkArea {
  Point origin;  ///< top-left
  Abs width, height;
  std::string uri;
};

/// An image drawn into a rectangle (the header's photo). The image is shared, immutable,
/// and read once by the loader: the writer embeds its bytes and never opens the file.
struct PlacedImage {
  Point origin;  ///< top-left
  Abs width, height;
  std::shared_ptr<const ImageFile> image;
};

/// A bookmark target: one per section heading.
struct Anchor {
  std::string title;
  int level = 0;  ///< 0 for sections
  Abs y;          ///< where a bookmark to the heading shows the page from (a little above it)
};

struct Page {
  Abs width, height;
  std::vector<GlyphRun> runs;
  std::vector<Rule> rules;
  std::vector<LinkArea> links;
  std::vector<Anchor> anchors;
  std::vector<Disc> discs;
  std::vector<PlacedImage> images;
};

/// Document metadata for the PDF Info dictionary and XMP.
struct DocumentInfo {
  std::string title, author, subject, keywords;
  std::string lang = "en-US";            ///< BCP 47
  std::optional<int64_t> date;           ///< seconds since the Unix epoch; unset: no date written
};

/// The engine's result: pages of positioned items, plus metadata.
struct LaidOutDocument {
  std::vector<Page> pages;
  DocumentInfo info;
};

/// A readable, deterministic text dump of laid-out pages (fonts, glyph runs with positions
/// and text, rules, links, anchors, images), for golden tests. Lengths are printed in points with
/// two decimals.
std::string dump_pages(const LaidOutDocument& doc);

}  // namespace vitae

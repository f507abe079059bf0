// The layout engine's entry point: a Document in, pages of positioned glyphs out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout/stats.h"
#include "vitae/diagnostics.h"
#include "vitae/model.h"
#include "vitae/pages.h"

namespace vitae {

class FontLibrary;
class Hyphenator;
class ParagraphCache;
class ShapeCache;
class Workers;
class Deadline;

/// The default LayoutOptions::page_limit.
inline constexpr int kMaxPagesBuilt = 500;

struct LayoutOptions {
  /// The date the CV shows as "today" (top note, open-ended time spans); unset: none.
  std::optional<Date> today;
  /// Hyphenation patterns for the document's language; null: no hyphenation.
  const Hyphenator* hyphenator = nullptr;
  /// Shaped words to reuse across layouts (variants of one CV, fitting to N pages): the
  /// caller keeps it between runs. Thread-safe: layouts running in parallel may share it.
  /// Null: a fresh cache for this layout.
  ShapeCache* shape_cache = nullptr;
  /// Paragraphs already set, kept across layouts the same way (paragraph_cache.h); null:
  /// none. The result does not depend on it.
  ParagraphCache* paragraph_cache = nullptr;
  /// Helper threads to set sections on besides the caller's (see realize); null for builds
  /// that already run in parallel, such as the variants of a batch. The helpers shape
  /// through the same cache. The result does not depend on it.
  Workers* workers = nullptr;
  /// The build's time limit (model/deadline.h), checked per paragraph and per page: past
  /// it, layout_document throws DeadlinePassed. Null: none.
  const Deadline* deadline = nullptr;
  /// More pages than this is an error (reported where the content passes the limit): a CV,
  /// however long, is not a book, and the limit bounds the work and the PDF of a runaway input.
  int page_limit = kMaxPagesBuilt;
};

struct LayoutResult {
  LaidOutDocument doc;
  LayoutStats stats;
  /// Per page, the height its content takes below the top margin: the tallest column's,
  /// page 1's header included (fitting measures how full the last page is).
  std::vector<Abs> page_used;
  /// Every font file the layout used, sorted: each role's faces and every font a glyph was
  /// drawn from (fallbacks too). A depfile lists them.
  std::vector<std::string> font_files;
};

/// Lays out a validated document. Problems (missing fonts or glyphs, overfull lines,
/// content taller than a page) go to `diags`; the result is always complete.
LayoutResult layout_document(const Document& doc, const FontLibrary& fonts, const LayoutOptions& options,
                             Diagnostics& diags);

}  // namespace vitae

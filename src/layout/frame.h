// Frame: positioned content (glyph runs, rules, links, anchors, images) relative to its top-left
// corner. Blocks build frames; pagination places them on pages.
#pragma once

#include <vector>

#include "vitae/pages.h"

namespace vitae {

struct Frame {
  Abs width;
  Abs height;  ///< from the top to the baseline of the last line (plus any depth below)
  std::vector<GlyphRun> runs;
  std::vector<Rule> rules;
  std::vector<LinkArea> links;
  std::vector<Anchor> anchors;
  std::vector<Disc> discs;
  std::vector<PlacedImage> images;

  /// Puts `child`'s content into this frame, shifted by `offset`: moved from a child that
  /// is not needed afterwards (frames nest four deep, line to page, and every level used
  /// to copy every glyph run again), copied from one that is.
  void place(Frame&& child, Point offset);
  void place(const Frame& child, Point offset);
  /// Puts this frame's content on `page`, shifted by `offset`; moved out of a frame that
  /// is not needed afterwards.
  void place_on(Page& page, Point offset) &&;
  void place_on(Page& page, Point offset) const&;
};

}  // namespace vitae

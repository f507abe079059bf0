// Frame: positioned content (glyph runs, rules, links, anchors) relative to its top-left
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

  /// Copies `child`'s content into this frame, shifted by `offset`.
  void place(const Frame& child, Point offset);
  /// Moves this frame's content into `page`, shifted by `offset`.
  void place_on(Page& page, Point offset) const;
};

}  // namespace vitae

// The result of line breaking: where each line starts and ends, and how to set its glue.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "linebreak/item.h"
#include "vitae/length.h"

namespace vitae::linebreak {

/// TeX's fitness classes (TeX §817), by the badness of a line set with its glue.
enum class Fitness : uint8_t {
  VeryLoose = 0,  ///< stretched, badness > 99
  Loose = 1,      ///< stretched, badness 13..99
  Decent = 2,     ///< badness <= 12
  Tight = 3,      ///< shrunk, badness > 12
};

/// One line of the broken paragraph. Its items are [start, end): `end` is the index of the
/// break item, which is not part of the line, except that when it is a penalty its width
/// (the hyphen) is drawn at the end of the line. `end == items.size()` when the list did not
/// end with a forced break. Items discarded after a break (glue, penalties) lie between the
/// previous line's `end` and this line's `start` and are not drawn.
struct Line {
  std::size_t start = 0;
  std::size_t end = 0;
  /// Width the line must fill (from BreakParams::line_widths).
  Abs width;
  /// Natural width of the line's items, including the penalty width at `end`.
  Abs natural_width;
  /// Glue set ratio, as TeX's hpack (TeX §658-§665): > 0 stretches glue of order
  /// `stretch_order` by ratio*stretch; < 0 shrinks every glue by -ratio*shrink (never
  /// below -1: an overfull line is set at full shrink). The emergency stretch of the third
  /// pass is not real glue and is not included (as in TeX, where it only affects badness).
  double ratio = 0;
  /// Order of the glue that stretches (the highest order with nonzero total stretch).
  Order stretch_order = Order::Normal;
  /// Badness of the line as set (TeX §108): 0 when infinite stretch absorbs the slack,
  /// 10000 when it cannot be filled, 1000000 when overfull (as TeX's hpack reports it).
  int badness = 0;
  /// Fitness class the breaker assigned (computed with the emergency stretch, if any).
  Fitness fitness = Fitness::Decent;
  /// The line ends at a flagged penalty (it ends with a hyphen).
  bool hyphenated = false;
  /// The line is wider than `width` even at full shrink, by `overfull_by` > hfuzz.
  bool overfull = false;
  Abs overfull_by;
  /// The line's badness exceeds BreakParams::hbadness (too loose).
  bool underfull = false;
  /// Demerits of this line alone, as the breaker counted them (TeX §859); 0 for a line
  /// forced by the last-resort rule (TeX's artificial_demerits).
  int64_t demerits = 0;
};

/// The outcome of breaking one paragraph.
struct BreakResult {
  std::vector<Line> lines;
  /// Pass that produced the breaks: 1 (pretolerance, no hyphenation), 2 (tolerance,
  /// hyphenation), 3 (emergency stretch). 0 for an empty paragraph.
  int pass = 0;
  /// Sum of the lines' demerits.
  int64_t total_demerits = 0;
  /// True when some line could not be made feasible (TeX's last resort kept an overfull
  /// or underfull line rather than failing).
  bool used_last_resort = false;
  /// Candidate lines rated (TeX §851: one per active node and legal breakpoint), over all
  /// passes: the algorithm's work. The active list holds the breaks a line can still start
  /// from, so on a fixed measure it stays short and this grows linearly with the paragraph.
  std::size_t lines_rated = 0;

  /// The break positions: item index of each line's end.
  std::vector<std::size_t> breaks() const;
  /// Number of overfull lines.
  std::size_t overfull_count() const;
};

/// The width glue `item` takes in `line` (TeX §625: width plus ratio times the stretch of
/// the line's glue order, or minus ratio times shrink). Boxes and penalties: their width.
Abs set_width(const Item& item, const Line& line);

}  // namespace vitae::linebreak

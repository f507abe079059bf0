// Parameters of the line breaker: TeX's paragraph parameters, with plain.tex's defaults.
#pragma once

#include <vector>

#include "vitae/length.h"

namespace vitae::linebreak {

/// Paragraph-breaking parameters. Defaults are plain TeX's (plain.tex) unless noted.
/// Hyphen penalties live on the items (Item::penalty), as in TeX's discretionaries.
struct BreakParams {
  /// Width of each line: line i (0-based) has line_widths[i]; the last value repeats for
  /// all later lines. Models TeX's \hsize/\hangindent/\parshape (only the widths: the
  /// caller applies the matching left indents when it places the lines).
  /// Empty means "every line is 0pt wide" (everything overfull): always set it.
  std::vector<Abs> line_widths;
  /// Badness limit of the first pass (\pretolerance=100). Negative skips the first pass.
  int pretolerance = 100;
  /// Badness limit of the second and emergency passes (\tolerance=200).
  int tolerance = 200;
  /// Added to each line's badness before squaring (\linepenalty=10, TeX §859).
  int line_penalty = 10;
  /// Added when adjacent lines' fitness classes differ by more than one (\adjdemerits).
  int adj_demerits = 10000;
  /// Added when two consecutive lines end at flagged breaks (\doublehyphendemerits).
  int double_hyphen_demerits = 10000;
  /// Added when the second-last line ends at a flagged break (\finalhyphendemerits).
  int final_hyphen_demerits = 5000;
  /// Extra finite stretch assumed on every line in the third pass (\emergencystretch,
  /// TeX §863). Zero (plain's default) means there is no third pass.
  Abs emergency_stretch;
  /// Desired change of the number of lines from the optimum (\looseness, TeX §875).
  int looseness = 0;
  /// Whether flagged penalties (hyphenation points) may be used from the second pass on.
  /// They are never used in the first pass (TeX §863). False: never hyphenate.
  bool hyphenate = true;
  /// Lines with badness above this are reported underfull (\hbadness=1000). Reporting only.
  int hbadness = 1000;
  /// Lines exceeding their width by more than this are reported overfull (\hfuzz=0.1pt).
  Abs hfuzz = Abs::pt(0.1);

  /// Width of line `index` (0-based), applying the "last value repeats" rule.
  Abs line_width(std::size_t index) const {
    if (line_widths.empty()) return Abs::zero();
    return index < line_widths.size() ? line_widths[index] : line_widths.back();
  }
};

}  // namespace vitae::linebreak

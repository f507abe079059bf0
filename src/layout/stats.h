// Typesetting statistics gathered while laying out (reported by vitae build --stats).
#pragma once

namespace vitae {

struct LayoutStats {
  int pages = 0;
  int lines = 0;
  int hyphenated_lines = 0;
  int consecutive_hyphens = 0;
  int overfull_lines = 0;
  int underfull_lines = 0;
  double max_ratio = 0;  ///< largest |adjustment ratio| of a justified line
  double sum_ratio = 0;  ///< sum of |ratio| over justified lines (for the mean)
  int justified_lines = 0;
};

}  // namespace vitae

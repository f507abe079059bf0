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

  /// Adds the line statistics of another part of the same document (pages excepted).
  void merge(const LayoutStats& o) {
    lines += o.lines;
    hyphenated_lines += o.hyphenated_lines;
    consecutive_hyphens += o.consecutive_hyphens;
    overfull_lines += o.overfull_lines;
    underfull_lines += o.underfull_lines;
    max_ratio = max_ratio > o.max_ratio ? max_ratio : o.max_ratio;
    sum_ratio += o.sum_ratio;
    justified_lines += o.justified_lines;
  }
};

}  // namespace vitae

// Running totals of widths, stretch and shrink over an item list (internal to the stage).
// The Knuth-Plass paper keeps such sums (TW, TY, TZ) in each active node; TeX keeps deltas
// between active nodes (TeX §819, §832). Prefix sums give the same line totals with one
// subtraction, and the same array serves for setting the chosen lines.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "linebreak/item.h"

namespace vitae::linebreak::detail {

/// Tolerance (in points) below which a length or stretch is taken as zero. Prefix sums
/// of non-dyadic values do not cancel exactly; TeX's unit, 1sp, is 1.5e-5pt.
inline constexpr double kEpsilon = 1e-6;

/// Sums over a run of items, in points. Penalty widths are not included: they count only
/// on the line that ends at the penalty.
struct Totals {
  double width = 0;
  double shrink = 0;
  double stretch[kOrders] = {0, 0, 0, 0};

  Totals operator-(const Totals& o) const {
    Totals t;
    t.width = width - o.width;
    t.shrink = shrink - o.shrink;
    for (int k = 0; k < kOrders; ++k) t.stretch[k] = stretch[k] - o.stretch[k];
    return t;
  }
  /// True when some glue of infinite order stretches (TeX §852's fil/fill/filll test).
  bool has_infinite_stretch() const {
    for (int k = 1; k < kOrders; ++k) {
      if (stretch[k] > kEpsilon || stretch[k] < -kEpsilon) return true;
    }
    return false;
  }
};

/// Fills `out` with n+1 prefix totals: out[i] sums items [0, i).
void compute_prefix_totals(std::span<const Item> items, std::vector<Totals>& out);

/// First item of the line that follows a break at `b`: glue and non-forced penalties after
/// a break are discarded up to the next box or forced break (TeX §879; the stop at a forced
/// penalty is the paper's rule, so that consecutive forced breaks give empty lines).
std::size_t line_start_after(std::span<const Item> items, std::size_t b);

/// Width that a break at `cur` adds to the line ending there: a penalty's width (a hyphen).
inline double break_width_at(std::span<const Item> items, std::size_t cur) {
  return cur < items.size() && items[cur].is_penalty() ? items[cur].width.to_pt() : 0.0;
}

}  // namespace vitae::linebreak::detail

// Setting the chosen lines: natural width, glue ratio, badness and over/underfull reports
// (internal to the stage; TeX does this in hpack, §649-§667, after post_line_break).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "linebreak/item.h"
#include "linebreak/params.h"
#include "linebreak/result.h"
#include "linebreak/totals.h"

namespace vitae::linebreak::detail {

/// A break chosen by the breaker, with what the breaker knew about the line ending there.
struct ChosenBreak {
  std::size_t position = 0;       ///< item index of the break (items.size(): end of list)
  Fitness fitness = Fitness::Decent;
  int64_t line_demerits = 0;
  bool artificial = false;        ///< kept by TeX's last resort (artificial_demerits)
};

/// Appends one Line per chosen break to `out.lines` and sums the demerits.
void set_lines(std::span<const Item> items, const std::vector<Totals>& prefix,
               const BreakParams& params, std::span<const ChosenBreak> breaks,
               BreakResult& out);

}  // namespace vitae::linebreak::detail

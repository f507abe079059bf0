#include "linebreak/totals.h"

namespace vitae::linebreak::detail {

void compute_prefix_totals(std::span<const Item> items, std::vector<Totals>& out) {
  out.resize(items.size() + 1);
  Totals run;
  out[0] = run;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    if (it.is_box()) {
      run.width += it.width.to_pt();
    } else if (it.is_glue()) {
      run.width += it.width.to_pt();
      run.shrink += it.shrink.to_pt();
      run.stretch[static_cast<int>(it.stretch_order)] += it.stretch.to_pt();
    }
    out[i + 1] = run;
  }
}

std::size_t line_start_after(std::span<const Item> items, std::size_t b) {
  if (b >= items.size()) return items.size();
  std::size_t s = b + 1;
  while (s < items.size() && !items[s].is_box() && !items[s].is_forced_break()) ++s;
  return s;
}

}  // namespace vitae::linebreak::detail

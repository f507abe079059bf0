#include "linebreak/result.h"

namespace vitae::linebreak {

std::vector<std::size_t> BreakResult::breaks() const {
  std::vector<std::size_t> out;
  out.reserve(lines.size());
  for (const Line& l : lines) out.push_back(l.end);
  return out;
}

std::size_t BreakResult::overfull_count() const {
  std::size_t n = 0;
  for (const Line& l : lines) n += l.overfull ? 1 : 0;
  return n;
}

Abs set_width(const Item& item, const Line& line) {
  if (!item.is_glue()) return item.width;
  if (line.ratio > 0) {
    return item.stretch_order == line.stretch_order ? item.width + item.stretch * line.ratio
                                                    : item.width;
  }
  if (line.ratio < 0) return item.width + item.shrink * line.ratio;
  return item.width;
}

}  // namespace vitae::linebreak

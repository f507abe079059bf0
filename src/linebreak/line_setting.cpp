#include "linebreak/line_setting.h"

#include <algorithm>

#include "linebreak/badness.h"

namespace vitae::linebreak::detail {
namespace {

/// TeX's hpack reports an overfull box with badness 1000000 (TeX §664).
constexpr int kOverfullBadness = 1000000;

/// Highest stretch order with nonzero total (TeX §659).
Order stretch_order_of(const Totals& t) {
  for (int k = kOrders - 1; k > 0; --k) {
    if (t.stretch[k] > kEpsilon || t.stretch[k] < -kEpsilon) return static_cast<Order>(k);
  }
  return Order::Normal;
}

/// Fills the glue-setting fields of `line` from its totals (TeX §658-§667).
void set_glue(const Totals& t, double natural, const BreakParams& params, Line& line) {
  const double x = line.width.to_pt() - natural;  // TeX's x: positive means stretch
  if (x > kEpsilon) {
    line.stretch_order = stretch_order_of(t);
    const double s = t.stretch[static_cast<int>(line.stretch_order)];
    if (s > kEpsilon) line.ratio = x / s;
    line.badness = line.stretch_order != Order::Normal ? 0 : badness(x, s);
    line.underfull = line.badness > params.hbadness;
  } else if (x < -kEpsilon) {
    if (t.shrink > kEpsilon) line.ratio = -std::min(1.0, -x / t.shrink);
    const double excess = -x - std::max(0.0, t.shrink);
    if (excess > kEpsilon) {
      line.badness = kOverfullBadness;
      line.overfull_by = Abs::pt(excess);
      line.overfull = excess > params.hfuzz.to_pt();
    } else {
      line.badness = badness(-x, t.shrink);
    }
  }
}

}  // namespace

void set_lines(std::span<const Item> items, const std::vector<Totals>& prefix,
               const BreakParams& params, std::span<const ChosenBreak> breaks,
               BreakResult& out) {
  out.lines.reserve(out.lines.size() + breaks.size());
  std::size_t start = 0;
  for (const ChosenBreak& br : breaks) {
    Line line;
    line.start = start;
    line.end = std::max(br.position, start);
    line.width = params.line_width(out.lines.size());
    const Totals t = prefix[line.end] - prefix[line.start];
    const double natural = t.width + break_width_at(items, line.end);
    line.natural_width = Abs::pt(natural);
    set_glue(t, natural, params, line);
    line.fitness = br.fitness;
    line.hyphenated = line.end < items.size() && items[line.end].is_penalty() &&
                      items[line.end].flagged;
    line.demerits = br.line_demerits;
    out.total_demerits += br.line_demerits;
    out.used_last_resort = out.used_last_resort || br.artificial;
    out.lines.push_back(line);
    start = line_start_after(items, line.end);
  }
}

}  // namespace vitae::linebreak::detail

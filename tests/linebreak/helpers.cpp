#include "helpers.h"

#include <algorithm>
#include <functional>

namespace vitae::linebreak::testing {
namespace {

std::size_t start_after(std::span<const Item> items, std::size_t b) {
  std::size_t s = b + 1;
  while (s < items.size() && !items[s].is_box() && !items[s].is_forced_break()) ++s;
  return s;
}

struct Sums {
  double width = 0, stretch = 0, shrink = 0, fil = 0;
};

Sums sum(std::span<const Item> items, std::size_t start, std::size_t end) {
  Sums s;
  for (std::size_t i = start; i < end && i < items.size(); ++i) {
    const Item& it = items[i];
    if (it.is_penalty()) continue;
    s.width += it.width.to_pt();
    if (it.is_glue()) {
      s.shrink += it.shrink.to_pt();
      (it.stretch_order == Order::Normal ? s.stretch : s.fil) += it.stretch.to_pt();
    }
  }
  if (end < items.size() && items[end].is_penalty()) s.width += items[end].width.to_pt();
  return s;
}

}  // namespace

std::vector<std::size_t> legal_breaks(std::span<const Item> items, bool allow_flagged) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    if (it.is_glue() && i > 0 && items[i - 1].is_box()) out.push_back(i);
    if (it.is_penalty() && it.penalty < kInfPenalty && (allow_flagged || !it.flagged)) {
      out.push_back(i);
    }
  }
  return out;
}

Rating rate(std::span<const Item> items, std::size_t start, std::size_t end, double width) {
  const Sums s = sum(items, start, end);
  const double x = width - s.width;
  Rating r;
  if (x > 1e-6) {
    r.badness = s.fil > 1e-6 ? 0 : badness(x, s.stretch);
    r.fitness = stretch_fitness(r.badness);
  } else if (x < -1e-6) {
    r.badness = -x > s.shrink + 1e-6 ? kInfBad + 1 : badness(-x, s.shrink);
    r.fitness = shrink_fitness(r.badness);
  }
  return r;
}

std::vector<std::size_t> first_fit(std::span<const Item> items, const BreakParams& params,
                                   bool allow_flagged) {
  std::vector<std::size_t> breaks;
  const std::vector<std::size_t> legal = legal_breaks(items, allow_flagged);
  std::size_t start = 0;
  // The last breakpoint that fitted; kNone when there is none. (A sentinel rather than
  // std::optional: GCC 12 warns, wrongly, that the optional may be used uninitialized.)
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t candidate = kNone;
  for (std::size_t k = 0; k < legal.size(); ++k) {
    const std::size_t b = legal[k];
    if (b < start) continue;
    const double width = params.line_width(breaks.size()).to_pt();
    const bool fits = rate(items, start, b, width).badness <= kInfBad;
    if (!fits && candidate != kNone) {  // break at the last breakpoint that fitted, retry b
      breaks.push_back(candidate);
      start = start_after(items, candidate);
      candidate = kNone;
      --k;
      continue;
    }
    if (items[b].is_forced_break() || !fits) {
      breaks.push_back(b);
      start = start_after(items, b);
      candidate = kNone;
      continue;
    }
    candidate = b;
  }
  return breaks;
}

std::optional<int64_t> evaluate(std::span<const Item> items, const BreakParams& params,
                                std::span<const std::size_t> breaks, int threshold) {
  int64_t total = 0;
  std::size_t start = 0;
  Fitness prev_fit = Fitness::Decent;
  bool prev_hyph = false;
  for (std::size_t i = 0; i < breaks.size(); ++i) {
    const std::size_t b = breaks[i];
    const Rating r = rate(items, start, b, params.line_width(i).to_pt());
    if (r.badness > threshold) return std::nullopt;
    DemeritsInput in;
    in.badness = r.badness;
    in.penalty = b < items.size() && items[b].is_penalty() ? items[b].penalty : 0;
    in.hyphenated = b < items.size() && items[b].is_penalty() && items[b].flagged;
    in.prev_hyphenated = prev_hyph;
    in.is_last = i + 1 == breaks.size();
    in.fitness = r.fitness;
    in.prev_fitness = prev_fit;
    total += line_demerits(in, params);
    prev_fit = r.fitness;
    prev_hyph = in.hyphenated;
    start = start_after(items, b);
  }
  return total;
}

std::optional<int64_t> brute_force_best(std::span<const Item> items, const BreakParams& params,
                                        int threshold, bool allow_flagged) {
  const std::vector<std::size_t> legal = legal_breaks(items, allow_flagged);
  std::vector<std::size_t> chosen;
  std::optional<int64_t> best;
  // Tries every sequence of breaks; a line may not pass a forced break.
  std::function<void(std::size_t, std::size_t)> search = [&](std::size_t start,
                                                             std::size_t from) {
    for (std::size_t k = from; k < legal.size(); ++k) {
      const std::size_t b = legal[k];
      if (b < start) continue;
      chosen.push_back(b);
      if (b + 1 == items.size()) {
        if (auto d = evaluate(items, params, chosen, threshold)) {
          if (!best || *d < *best) best = d;
        }
      } else {
        search(start_after(items, b), k + 1);
      }
      chosen.pop_back();
      if (items[b].is_forced_break()) return;
      if (rate(items, start, b, params.line_width(chosen.size()).to_pt()).badness > kInfBad) {
        return;  // lines only get longer from here
      }
    }
  };
  search(0, 0);
  return best;
}

int Lcg::range(int lo, int hi) {
  state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
  const uint64_t span = static_cast<uint64_t>(hi - lo + 1);
  return lo + static_cast<int>((state_ >> 33) % span);
}

std::vector<double> text_lengths(std::span<const Item> items,
                                 std::span<const std::size_t> breaks) {
  std::vector<double> out;
  std::size_t start = 0;
  for (const std::size_t b : breaks) {
    std::size_t last = std::min(b, items.size());
    while (last > start && !items[last - 1].is_box()) --last;  // trailing white space
    double w = 0;
    for (std::size_t i = start; i < last; ++i) {
      if (!items[i].is_penalty()) w += items[i].width.to_pt();
    }
    if (b < items.size() && items[b].is_penalty()) w += items[b].width.to_pt();
    out.push_back(w);
    start = start_after(items, b);
  }
  return out;
}

double variance(std::span<const double> v) {
  if (v.empty()) return 0;
  double mean = 0;
  for (double x : v) mean += x;
  mean /= static_cast<double>(v.size());
  double var = 0;
  for (double x : v) var += (x - mean) * (x - mean);
  return var / static_cast<double>(v.size());
}

}  // namespace vitae::linebreak::testing

// Test helpers for the line breaker: a first-fit breaker to compare against, a demerits
// evaluator for arbitrary break sequences, an exhaustive optimum for small paragraphs, and
// a deterministic word generator.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "linebreak/linebreak.h"

namespace vitae::linebreak::testing {

/// Legal breakpoints of a list (TeX §868): glue after a box, penalties below 10000;
/// flagged penalties only when `allow_flagged`.
std::vector<std::size_t> legal_breaks(std::span<const Item> items, bool allow_flagged);

/// First fit: each line takes as many items as fit at full shrink, breaking at the last
/// breakpoint that fits (what word processors do). Returns break positions; a line that
/// fits nothing breaks at the first breakpoint (overfull).
std::vector<std::size_t> first_fit(std::span<const Item> items, const BreakParams& params,
                                   bool allow_flagged = true);

/// Badness (kInfBad + 1 when overfull) and fitness of the line [start, end).
struct Rating {
  int badness = 0;
  Fitness fitness = Fitness::Decent;
};
Rating rate(std::span<const Item> items, std::size_t start, std::size_t end, double width);

/// Total demerits of the break sequence per TeX §859 (no emergency stretch), or nullopt
/// when a line is infeasible at `threshold`.
std::optional<int64_t> evaluate(std::span<const Item> items, const BreakParams& params,
                                std::span<const std::size_t> breaks, int threshold);

/// The least total demerits over all break sequences whose lines are all feasible at
/// `threshold`, by exhaustive search (small paragraphs only).
std::optional<int64_t> brute_force_best(std::span<const Item> items, const BreakParams& params,
                                        int threshold, bool allow_flagged);

/// A deterministic pseudo-random generator (a 64-bit LCG), identical on every platform.
class Lcg {
 public:
  explicit Lcg(uint64_t seed) : state_(seed) {}
  /// Uniform integer in [lo, hi].
  int range(int lo, int hi);

 private:
  uint64_t state_;
};

/// Natural width of each line's text (from its first to its last box, plus the hyphen),
/// for the lines ending at `breaks`: what the eye sees of a ragged-right line.
std::vector<double> text_lengths(std::span<const Item> items,
                                 std::span<const std::size_t> breaks);

/// Population variance.
double variance(std::span<const double> v);

}  // namespace vitae::linebreak::testing

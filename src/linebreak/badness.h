// Badness, fitness and demerits: the cost functions of TeX's line breaker.
// Pure functions, exposed so that tests and other breakers share one definition.
#pragma once

#include <cstdint>

#include "linebreak/result.h"

namespace vitae::linebreak {

/// TeX's inf_bad: the badness of a line that cannot be filled.
inline constexpr int kInfBad = 10000;

/// Badness of stretching (or shrinking) glue of total `s` points by `t` points (TeX §108):
/// about 100 (t/s)^3, 0 when t <= 0, kInfBad when s <= 0 or t/s > 1290/297 (so badness
/// jumps from ~8190 to 10000). Computed with TeX's integer formula on scaled points, so
/// fitness classes and feasibility match TeX's at the boundaries.
int badness(double t, double s);

/// Fitness class of a stretched line of badness `b` (TeX §851-§853).
Fitness stretch_fitness(int b);
/// Fitness class of a shrunk line of badness `b` (TeX §853).
Fitness shrink_fitness(int b);

/// The parts of one line's demerits that depend on its neighbours (TeX §859).
struct DemeritsInput {
  int badness = 0;       ///< of this line
  int penalty = 0;       ///< of the break ending it (clamped to kEjectPenalty below)
  bool hyphenated = false;       ///< this line ends at a flagged penalty
  bool prev_hyphenated = false;  ///< the previous line ended at a flagged penalty
  bool is_last = false;          ///< this line ends the paragraph
  Fitness fitness = Fitness::Decent;
  Fitness prev_fitness = Fitness::Decent;  ///< Decent for the first line (TeX §864)
};

struct BreakParams;

/// Demerits of one line (TeX §859): (line_penalty + b)^2 (capped at 10^8), plus pi^2 for a
/// positive penalty, minus pi^2 for a negative non-forced one, plus double_hyphen_demerits
/// for two hyphenated lines in a row or final_hyphen_demerits when the second-last line is
/// hyphenated, plus adj_demerits when fitness classes differ by more than one.
int64_t line_demerits(const DemeritsInput& in, const BreakParams& params);

}  // namespace vitae::linebreak

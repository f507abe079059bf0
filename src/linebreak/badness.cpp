#include "linebreak/badness.h"

#include <cmath>
#include <cstdlib>

#include "linebreak/params.h"

namespace vitae::linebreak {

int badness(double t, double s) {
  // TeX §108, exactly, on lengths rounded to scaled points (1sp = 2^-16pt): r = 297 t / s
  // approximates the cube root of 100 t^3 / s^3 times 297, and 297^3 / 100 ~ 2^18.
  const int64_t ts = std::llround(t * 65536.0);
  const int64_t ss = std::llround(s * 65536.0);
  if (ts <= 0) return 0;
  if (ss <= 0) return kInfBad;
  int64_t r;
  if (ts <= 7230584) {
    r = ts * 297 / ss;
  } else if (ss >= 1663497) {
    r = ts / (ss / 297);
  } else {
    r = ts;
  }
  if (r > 1290) return kInfBad;  // 1290^3 < 2^31 < 1291^3
  return static_cast<int>((r * r * r + 0400000) / 01000000);
}

Fitness stretch_fitness(int b) {
  // TeX §852: "if b > 12 then if b > 99 then very_loose_fit else loose_fit else decent_fit".
  if (b > 99) return Fitness::VeryLoose;
  if (b > 12) return Fitness::Loose;
  return Fitness::Decent;
}

Fitness shrink_fitness(int b) {
  // TeX §853: "if b > 12 then tight_fit else decent_fit".
  return b > 12 ? Fitness::Tight : Fitness::Decent;
}

int64_t line_demerits(const DemeritsInput& in, const BreakParams& params) {
  // TeX §859, term by term.
  int64_t d = static_cast<int64_t>(params.line_penalty) + in.badness;
  d = std::llabs(d) >= 10000 ? 100000000 : d * d;
  const int64_t pi = in.penalty;
  if (pi > 0) {
    d += pi * pi;
  } else if (pi > kEjectPenalty) {
    d -= pi * pi;
  }
  // TeX calls try_break(eject_penalty, hyphenated) at the paragraph's end (§873), so the
  // end counts as "hyphenated" and a hyphen on the second-last line costs
  // final_hyphen_demerits instead of double_hyphen_demerits.
  if (in.prev_hyphenated) {
    if (in.is_last) {
      d += params.final_hyphen_demerits;
    } else if (in.hyphenated) {
      d += params.double_hyphen_demerits;
    }
  }
  const int diff = static_cast<int>(in.fitness) - static_cast<int>(in.prev_fitness);
  if (std::abs(diff) > 1) d += params.adj_demerits;
  return d;
}

}  // namespace vitae::linebreak

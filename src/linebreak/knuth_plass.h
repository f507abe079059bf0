// The Knuth-Plass total-fit line breaker, as TeX implements it (TeX: The Program §813-§890).
#pragma once

#include <memory>
#include <span>

#include "linebreak/item.h"
#include "linebreak/params.h"
#include "linebreak/result.h"

namespace vitae::linebreak {

/// Breaks paragraphs into lines. Holds reusable scratch buffers (active/passive node arenas,
/// prefix sums), so one LineBreaker per thread breaking many paragraphs allocates almost
/// nothing after the first. Not thread-safe; cheap to create.
class LineBreaker {
 public:
  LineBreaker();
  ~LineBreaker();
  LineBreaker(LineBreaker&&) noexcept;
  LineBreaker& operator=(LineBreaker&&) noexcept;

  /// Chooses the breaks of `items` minimising total demerits, trying TeX's passes in order
  /// (TeX §863): (1) pretolerance without flagged breaks, (2) tolerance with them,
  /// (3) tolerance plus emergency_stretch. When no pass finds a feasible solution, the last
  /// pass keeps TeX's last resort (an overfull or underfull line) rather than failing.
  /// `items` should end with a forced break (see append_paragraph_end); if it does not,
  /// the end of the list acts as one and the last line's `end` is items.size().
  /// Never throws except std::bad_alloc.
  BreakResult break_lines(std::span<const Item> items, const BreakParams& params);

  /// Opaque scratch space (defined in knuth_plass.cpp).
  struct Workspace;

 private:
  std::unique_ptr<Workspace> ws_;
};

/// Convenience: breaks one paragraph with a fresh LineBreaker.
BreakResult break_lines(std::span<const Item> items, const BreakParams& params);

}  // namespace vitae::linebreak

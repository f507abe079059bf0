// Knuth & Plass's total-fit algorithm, following TeX: The Program, part 38-39
// ("Breaking paragraphs into lines", §813-§890). Section numbers below are TeX's.
// Departures from TeX, all deliberate:
//  - line totals come from prefix sums (the paper's TW/TY/TZ) instead of delta nodes;
//  - discarding after a break stops at a forced break (the paper's rule), see totals.h;
//  - a break before the start of the line it would end (inside the discarded run after
//    the previous break) is not considered: such a line would have negative width;
//  - TeX's last resort (§854) gives zero "artificial" demerits to the line it keeps; we do
//    so only when that line is infeasible, so reported demerits of feasible lines are real;
//  - there are no discretionaries with pre/post/no-break texts: a flagged penalty with a
//    width models the usual "hyphen on break, nothing otherwise" case.
#include "linebreak/knuth_plass.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <limits>
#include <vector>

#include "linebreak/badness.h"
#include "linebreak/line_setting.h"
#include "linebreak/totals.h"

namespace vitae::linebreak {
namespace detail {

/// TeX's awful_bad: more demerits than any real paragraph.
constexpr int64_t kAwfulBad = std::numeric_limits<int64_t>::max() / 4;
/// End of the active list / no node.
constexpr int32_t kNone = -1;
/// A line number larger than any real one (TeX's max_halfword).
constexpr int64_t kMaxLine = std::numeric_limits<int32_t>::max();

/// An active breakpoint (TeX §819): a break after which a line may start.
struct ActiveNode {
  int32_t next = kNone;     ///< link in the active list, sorted by line number
  int32_t passive = kNone;  ///< break_node: the passive node of this break (kNone: start)
  int32_t line = 1;         ///< line_number: number of the line that starts here (1-based)
  uint32_t start = 0;       ///< first item of that line (after discarded items)
  Fitness fitness = Fitness::Decent;
  bool hyphenated = false;  ///< type(r) = hyphenated: the line ending here is flagged
  int64_t total_demerits = 0;
};

/// A breakpoint that was once active (TeX §821), kept to recover the chosen chain.
struct PassiveNode {
  uint32_t position = 0;  ///< cur_break
  int32_t prev = kNone;   ///< prev_break
  int64_t total_demerits = 0;
  Fitness fitness = Fitness::Decent;
  bool artificial = false;
};

/// What distinguishes TeX's passes (§863).
struct PassConfig {
  int threshold = 0;               ///< pretolerance or tolerance, at most inf_bad
  bool allow_flagged = false;      ///< second_pass and hyphenation enabled
  bool final_pass = false;         ///< keep the last active node rather than fail
  double background_stretch = 0;   ///< emergency stretch on every line (pass 3)
  int64_t easy_line = 0;           ///< lines after this one all have the same width (§848)
};

}  // namespace detail

using namespace detail;

/// Scratch buffers reused across paragraphs.
struct LineBreaker::Workspace {
  std::vector<Totals> prefix;
  std::vector<ActiveNode> active;  ///< arena; [0] is the head of the active list
  int32_t free_list = kNone;       ///< recycled arena slots, linked through `next`
  std::vector<PassiveNode> passive;
  std::vector<ChosenBreak> chain;
};

namespace detail {
namespace {

/// One pass of the algorithm over the items (TeX §863's loop body).
class PassRunner {
 public:
  PassRunner(LineBreaker::Workspace& ws, std::span<const Item> items,
             const BreakParams& params, const PassConfig& cfg)
      : ws_(ws), items_(items), params_(params), cfg_(cfg) {
    const std::size_t n = items.size();
    last_ = n > 0 && items[n - 1].is_forced_break() ? n - 1 : n;
  }

  /// This pass's share of BreakResult::lines_rated.
  std::size_t lines_rated() const { return lines_rated_; }

  /// Runs the pass. On success returns true and fills ws.chain with the chosen breaks.
  bool run() {
    start_paragraph();
    for (std::size_t cur = 0; cur < items_.size() && ws_.active[0].next != kNone; ++cur) {
      const Item& it = items_[cur];
      if (it.is_glue()) {
        // §868: glue is a legal breakpoint when it follows a non-discardable item.
        if (cur > 0 && items_[cur - 1].is_box()) try_break(cur, 0, false);
      } else if (it.is_penalty() && (!it.flagged || cfg_.allow_flagged)) {
        try_break(cur, it.penalty, it.flagged);
      }
    }
    // §873: the end of the list acts as a forced break when no item forced one.
    if (last_ == items_.size() && ws_.active[0].next != kNone) {
      try_break(last_, kEjectPenalty, false);
    }
    if (ws_.active[0].next == kNone) return false;
    bool accepted = false;
    const int32_t best = choose_best(accepted);
    if (!accepted) return false;
    collect_chain(best);
    return true;
  }

 private:
  /// §864: the active list holds one node, the paragraph's beginning.
  void start_paragraph() {
    ws_.active.clear();
    ws_.active.push_back(ActiveNode{});  // head
    ws_.free_list = kNone;
    ws_.passive.clear();
    const int32_t q = alloc_active();
    ws_.active[q] = ActiveNode{};
    ws_.active[0].next = q;
    minimal_demerits_.fill(kAwfulBad);
    minimum_demerits_ = kAwfulBad;
  }

  int32_t alloc_active() {
    if (ws_.free_list != kNone) {
      const int32_t q = ws_.free_list;
      ws_.free_list = ws_.active[q].next;
      return q;
    }
    ws_.active.emplace_back();
    return static_cast<int32_t>(ws_.active.size() - 1);
  }

  /// §860: unlinks r (whose predecessor is prev_r) and recycles its slot.
  void deactivate(int32_t prev_r, int32_t r) {
    ws_.active[prev_r].next = ws_.active[r].next;
    ws_.active[r].next = ws_.free_list;
    ws_.free_list = r;
  }

  void try_break(std::size_t cur, int pi, bool flagged);
  int32_t create_active_nodes(int32_t prev_r, int32_t r, std::size_t cur, bool flagged,
                              uint32_t start);
  void rate_line(const ActiveNode& a, std::size_t cur, double line_width, int& b,
                 Fitness& fit) const;
  void record_feasible(const ActiveNode& a, std::size_t cur, int pi, int b, Fitness fit,
                       bool flagged, bool artificial);
  int32_t choose_best(bool& accepted) const;
  void collect_chain(int32_t best);

  LineBreaker::Workspace& ws_;
  std::span<const Item> items_;
  const BreakParams& params_;
  PassConfig cfg_;
  std::size_t last_ = 0;  ///< position of the paragraph's final break
  // §833: the best way found so far to reach the current breakpoint, per fitness class.
  std::array<int64_t, 4> minimal_demerits_{};
  std::array<int32_t, 4> best_place_{};
  std::array<int32_t, 4> best_pl_line_{};
  std::array<bool, 4> best_artificial_{};
  int64_t minimum_demerits_ = kAwfulBad;
  std::size_t lines_rated_ = 0;
};

/// §829: tries a break at `cur` with penalty `pi` against every active node.
void PassRunner::try_break(std::size_t cur, int pi, bool flagged) {
  if (pi >= kInfPenalty) return;  // §831
  pi = std::max(pi, kEjectPenalty);
  const bool forced = pi == kEjectPenalty;
  std::vector<ActiveNode>& act = ws_.active;
  int32_t prev_r = 0;
  int32_t r = act[0].next;
  int64_t old_l = 0;
  bool no_break_yet = true;
  uint32_t break_start = 0;
  double line_width = 0;
  for (;;) {
    const int64_t l = r == kNone ? kMaxLine : act[r].line;
    if (l > old_l) {
      // §835: before moving to a longer line number (or at the end of the list), turn the
      // best breaks found at `cur` into new active nodes. Lines past easy_line are all
      // alike, so their candidates are pooled (the old_l != easy_line test).
      if (minimum_demerits_ < kAwfulBad && (old_l != cfg_.easy_line || r == kNone)) {
        if (no_break_yet) {  // §837: where the next line starts
          no_break_yet = false;
          break_start = static_cast<uint32_t>(line_start_after(items_, cur));
        }
        prev_r = create_active_nodes(prev_r, r, cur, flagged, break_start);
      }
      if (r == kNone) return;
      // §850: the width of line l; old_l remembers the class.
      old_l = l > cfg_.easy_line ? kMaxLine - 1 : l;
      line_width = params_.line_width(static_cast<std::size_t>(l - 1)).to_pt();
    }
    const ActiveNode& a = act[r];
    const int32_t next = a.next;
    if (cur < a.start) {  // departure (see top): no line ends before it starts
      prev_r = r;
      r = next;
      continue;
    }
    int b = 0;
    Fitness fit = Fitness::Decent;
    rate_line(a, cur, line_width, b, fit);
    ++lines_rated_;
    // §851: decide whether r stays active and whether the line is a feasible break.
    bool artificial = false;
    bool stays = true;
    if (b > kInfBad || forced) {
      // §854: in the final pass the last active node is never dropped without a break:
      // TeX's last resort, which produces an overfull (or underfull) line. TeX gives that
      // line zero demerits even when it is feasible; we do so only when it is not
      // (b > threshold), so that the demerits of feasible lines are always counted.
      if (b > cfg_.threshold) {
        if (!(cfg_.final_pass && minimum_demerits_ == kAwfulBad && next == kNone &&
              prev_r == 0)) {
          deactivate(prev_r, r);
          r = next;
          continue;
        }
        artificial = true;
      }
      stays = false;
    } else {
      prev_r = r;
      if (b > cfg_.threshold) {
        r = next;
        continue;
      }
    }
    record_feasible(a, cur, pi, b, fit, flagged, artificial);
    if (!stays) deactivate(prev_r, r);
    r = next;
  }
}

/// §851-§853: badness and fitness class of the line from active node `a` to `cur`.
/// b = kInfBad + 1 marks a line that is too long even at full shrink.
void PassRunner::rate_line(const ActiveNode& a, std::size_t cur, double line_width, int& b,
                           Fitness& fit) const {
  const Totals t = ws_.prefix[cur] - ws_.prefix[a.start];
  const double shortfall = line_width - (t.width + break_width_at(items_, cur));
  if (shortfall > kEpsilon) {
    if (t.has_infinite_stretch()) {  // §852: fil glue absorbs any shortfall
      b = 0;
      fit = Fitness::Decent;
    } else {
      b = badness(shortfall, t.stretch[0] + cfg_.background_stretch);
      fit = stretch_fitness(b);
    }
  } else if (shortfall < -kEpsilon) {  // §853
    b = -shortfall > t.shrink + kEpsilon ? kInfBad + 1 : badness(-shortfall, t.shrink);
    fit = shrink_fitness(b);
  } else {
    b = 0;
    fit = Fitness::Decent;
  }
}

/// §855: remembers the break at `cur` if it is the best so far for its fitness class.
void PassRunner::record_feasible(const ActiveNode& a, std::size_t cur, int pi, int b,
                                 Fitness fit, bool flagged, bool artificial) {
  int64_t d = 0;  // artificial_demerits: the line is forced, it costs nothing (§855)
  if (!artificial) {
    DemeritsInput in;
    in.badness = b;
    in.penalty = pi;
    in.hyphenated = flagged;
    in.prev_hyphenated = a.hyphenated;
    in.is_last = cur == last_;
    in.fitness = fit;
    in.prev_fitness = a.fitness;
    d = line_demerits(in, params_);
  }
  d += a.total_demerits;
  const int f = static_cast<int>(fit);
  if (d <= minimal_demerits_[f]) {
    minimal_demerits_[f] = d;
    best_place_[f] = a.passive;
    best_pl_line_[f] = a.line;
    best_artificial_[f] = artificial;
  }
  minimum_demerits_ = std::min(minimum_demerits_, d);
}

/// §836, §845: inserts, before r, one active node per fitness class whose best break at
/// `cur` is within adj_demerits of the overall best (others can never win). Returns the
/// new predecessor of r.
int32_t PassRunner::create_active_nodes(int32_t prev_r, int32_t r, std::size_t cur,
                                        bool flagged, uint32_t start) {
  minimum_demerits_ += std::abs(params_.adj_demerits);
  for (int f = 0; f < 4; ++f) {
    if (minimal_demerits_[f] <= minimum_demerits_) {
      PassiveNode p;
      p.position = static_cast<uint32_t>(cur);
      p.prev = best_place_[f];
      p.total_demerits = minimal_demerits_[f];
      p.fitness = static_cast<Fitness>(f);
      p.artificial = best_artificial_[f];
      ws_.passive.push_back(p);
      const int32_t q = alloc_active();
      ActiveNode& node = ws_.active[q];
      node.next = r;
      node.passive = static_cast<int32_t>(ws_.passive.size() - 1);
      node.line = best_pl_line_[f] + 1;
      node.start = start;
      node.fitness = p.fitness;
      node.hyphenated = flagged;
      node.total_demerits = minimal_demerits_[f];
      ws_.active[prev_r].next = q;
      prev_r = q;
    }
    minimal_demerits_[f] = kAwfulBad;
  }
  minimum_demerits_ = kAwfulBad;
  return prev_r;
}

/// §874-§875: the active node with fewest demerits, or, with a nonzero looseness, the one
/// whose line count is closest to the optimum's plus looseness. `accepted` is false when
/// the looseness was not met and a later pass may do better.
int32_t PassRunner::choose_best(bool& accepted) const {
  const std::vector<ActiveNode>& act = ws_.active;
  int32_t best = act[0].next;
  for (int32_t r = best; r != kNone; r = act[r].next) {
    if (act[r].total_demerits < act[best].total_demerits) best = r;
  }
  accepted = true;
  if (params_.looseness == 0) return best;
  const int best_line = act[best].line;
  int actual = 0;
  int64_t fewest = act[best].total_demerits;
  for (int32_t r = act[0].next; r != kNone; r = act[r].next) {
    const int diff = act[r].line - best_line;
    if ((diff < actual && params_.looseness <= diff) ||
        (diff > actual && params_.looseness >= diff)) {
      best = r;
      actual = diff;
      fewest = act[r].total_demerits;
    } else if (diff == actual && act[r].total_demerits < fewest) {
      best = r;
      fewest = act[r].total_demerits;
    }
  }
  accepted = actual == params_.looseness || cfg_.final_pass;
  return best;
}

/// Follows prev_break links from the chosen node (TeX §878) into ws.chain, first line first.
void PassRunner::collect_chain(int32_t best) {
  ws_.chain.clear();
  for (int32_t p = ws_.active[best].passive; p != kNone; p = ws_.passive[p].prev) {
    const PassiveNode& node = ws_.passive[p];
    const int64_t before = node.prev == kNone ? 0 : ws_.passive[node.prev].total_demerits;
    ws_.chain.push_back({node.position, node.fitness, node.total_demerits - before,
                         node.artificial});
  }
  std::reverse(ws_.chain.begin(), ws_.chain.end());
}

/// Defensive fallback if even the final pass found nothing (it cannot, by §854): break at
/// every forced break only.
void forced_breaks_only(std::span<const Item> items, std::vector<ChosenBreak>& chain) {
  chain.clear();
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].is_forced_break()) chain.push_back({i, Fitness::Decent, 0, true});
  }
  if (chain.empty() || chain.back().position + 1 != items.size()) {
    chain.push_back({items.size(), Fitness::Decent, 0, true});
  }
}

}  // namespace
}  // namespace detail

LineBreaker::LineBreaker() : ws_(std::make_unique<Workspace>()) {}
LineBreaker::~LineBreaker() = default;
LineBreaker::LineBreaker(LineBreaker&&) noexcept = default;
LineBreaker& LineBreaker::operator=(LineBreaker&&) noexcept = default;

BreakResult LineBreaker::break_lines(std::span<const Item> items, const BreakParams& params) {
  BreakResult out;
  if (items.empty()) return out;
  if (!ws_) ws_ = std::make_unique<Workspace>();
  Workspace& ws = *ws_;
  compute_prefix_totals(items, ws.prefix);
  PassConfig cfg;
  // §848: with looseness, every line number matters, so no pooling of line classes.
  cfg.easy_line = params.looseness != 0
                      ? kMaxLine
                      : static_cast<int64_t>(std::max<std::size_t>(params.line_widths.size(), 1) - 1);
  const bool has_emergency = params.emergency_stretch.to_pt() > 0;
  // §863: the first pass is skipped when pretolerance < 0.
  int pass = params.pretolerance >= 0 ? 1 : 2;
  for (;;) {
    cfg.threshold = std::min(pass == 1 ? params.pretolerance : params.tolerance, kInfBad);
    cfg.allow_flagged = pass >= 2 && params.hyphenate;
    cfg.final_pass = pass == 3 || (pass == 2 && !has_emergency);
    cfg.background_stretch = pass == 3 ? params.emergency_stretch.to_pt() : 0.0;
    PassRunner runner(ws, items, params, cfg);
    const bool found = runner.run();
    out.lines_rated += runner.lines_rated();
    if (found) break;
    if (cfg.final_pass) {
      forced_breaks_only(items, ws.chain);
      break;
    }
    ++pass;
  }
  out.pass = pass;
  set_lines(items, ws.prefix, params, ws.chain, out);
  return out;
}

BreakResult break_lines(std::span<const Item> items, const BreakParams& params) {
  LineBreaker breaker;
  return breaker.break_lines(items, params);
}

}  // namespace vitae::linebreak

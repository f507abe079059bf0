#include "layout/paginate.h"

#include <limits>

namespace vitae {

Abs VList::natural_height() const {
  Abs h;
  for (const VItem& item : items_) {
    if (const auto* b = std::get_if<VBox>(&item)) h += b->frame.height;
    if (const auto* g = std::get_if<VGlue>(&item)) h += g->size;
  }
  return h;
}

namespace {

struct Break {
  std::size_t index = 0;  ///< the page ends before this item
  bool overfull = false;
};

bool is_box(const VItem& item) { return std::holds_alternative<VBox>(item); }

// Finds where the page that starts at `start` (a box) ends. TeX §1005: each legal breakpoint
// that still fits is a candidate with cost = its penalty (badness is 0 with a ragged
// bottom); the cheapest wins, the later one on ties; a forced break ends the page at once.
Break find_page_break(const std::vector<VItem>& items, std::size_t start, Abs goal) {
  Abs total;
  int best_cost = std::numeric_limits<int>::max();
  std::size_t best = 0;
  bool have_best = false;
  bool prev_box = false;
  std::size_t last_box_end = start;  // fallback: break after the last box that fit
  for (std::size_t j = start; j < items.size(); ++j) {
    const VItem& item = items[j];
    int cost = kInfPenalty;  // not a breakpoint
    if (std::holds_alternative<VGlue>(item)) {
      if (prev_box) cost = 0;
    } else if (const auto* p = std::get_if<VPenalty>(&item)) {
      cost = p->cost;
    }
    if (cost < kInfPenalty) {
      if (total > goal) break;  // this and later breaks overflow: fire the best one
      if (cost <= best_cost) best_cost = cost, best = j, have_best = true;
      if (cost <= kEjectPenalty) return {j, false};
    }
    if (const auto* b = std::get_if<VBox>(&item)) {
      if (j != start && total + b->frame.height > goal && !have_best) {
        // No legal break before the overflow: the keep rules cannot all hold. Break
        // before this box rather than run off the page.
        return {j, false};
      }
      total += b->frame.height;
      last_box_end = j + 1;
    } else if (const auto* g = std::get_if<VGlue>(&item)) {
      total += g->size;
    }
    prev_box = is_box(item);
  }
  if (total <= goal) return {items.size(), false};  // the rest of the list fits
  if (have_best) return {best, false};
  return {last_box_end, true};  // a single box taller than the page
}

/// Sets items [from, to) on a page, moving their frames out (pagination never looks back).
PageSlice set_page(std::vector<VItem>& items, std::size_t from, std::size_t to) {
  PageSlice slice;
  Abs y, bottom;
  for (std::size_t j = from; j < to; ++j) {
    if (auto* b = std::get_if<VBox>(&items[j])) {
      const Abs height = b->frame.height;
      slice.frame.place(std::move(b->frame), {Abs::zero(), y});
      y += height;
      bottom = y;
      slice.overfull_loc = b->loc;
    } else if (const auto* g = std::get_if<VGlue>(&items[j])) {
      y += g->size;
    }
  }
  // Glue after the last box is discarded at the break (TeX §1017): it takes no room.
  slice.used = bottom;
  slice.frame.height = bottom;
  return slice;
}

}  // namespace

std::vector<PageSlice> paginate(VList list, const PaginateConfig& config) {
  std::vector<VItem>& items = list.items();
  std::vector<PageSlice> pages;
  std::size_t i = 0;
  while (true) {
    while (i < items.size() && !is_box(items[i])) ++i;  // discard glue and penalties at the top
    if (i >= items.size()) break;
    check_deadline(config.deadline);
    const Abs goal = pages.empty() && config.first_page_goal ? *config.first_page_goal : config.page_goal;
    Break br = find_page_break(items, i, goal);
    if (br.index <= i) br.index = i + 1;  // always make progress
    PageSlice slice = set_page(items, i, br.index);
    slice.overfull = br.overfull || slice.used > goal;
    pages.push_back(std::move(slice));
    i = br.index;
  }
  return pages;
}

}  // namespace vitae

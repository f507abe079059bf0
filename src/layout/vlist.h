// The vertical list: what blocks produce and pagination consumes, in TeX's terms a list of
// boxes, glue and penalties (The TeXbook, chapter 15; TeX: The Program, part 44).
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "layout/frame.h"

namespace vitae {

/// Penalty values follow TeX: >= 10000 forbids a break, <= -10000 forces one.
constexpr int kInfPenalty = 10000;
constexpr int kEjectPenalty = -10000;

/// A box: a line, an entry row, a heading. Unbreakable.
struct VBox {
  Frame frame;
  /// Where the content came from, for diagnostics ("content cannot fit").
  SourceLoc loc;
};

/// Vertical space. Discarded at the top of a page; a legal breakpoint when it follows a box.
struct VGlue {
  Abs size, stretch, shrink;
};

/// A breakpoint with a cost.
struct VPenalty {
  int cost = 0;
};

using VItem = std::variant<VBox, VGlue, VPenalty>;

/// A vertical list with helpers for the keep rules the blocks need.
class VList {
 public:
  void box(Frame frame, SourceLoc loc = {}) { items_.push_back(VBox{std::move(frame), loc}); }
  void glue(Abs size, Abs stretch = {}, Abs shrink = {}) { items_.push_back(VGlue{size, stretch, shrink}); }
  void penalty(int cost) { items_.push_back(VPenalty{cost}); }
  /// Space that must not become a page break (TeX: \nobreak\vskip).
  void glue_nobreak(Abs size) {
    penalty(kInfPenalty);
    glue(size);
  }
  void append(VList other) {
    for (VItem& i : other.items_) items_.push_back(std::move(i));
  }

  const std::vector<VItem>& items() const { return items_; }
  std::vector<VItem>& items() { return items_; }
  bool empty() const { return items_.empty(); }
  /// Natural height of everything in the list.
  Abs natural_height() const;

 private:
  std::vector<VItem> items_;
};

}  // namespace vitae

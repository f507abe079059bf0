// Items of a paragraph for the line breaker: Knuth & Plass's boxes, glue and penalties
// ("Breaking Paragraphs into Lines", 1981, section "The box/glue/penalty model").
// Items are plain values; the caller keeps its own content (glyph runs...) and refers to
// it through the opaque `payload` index.
#pragma once

#include <cstdint>
#include <limits>

#include "vitae/length.h"

namespace vitae::linebreak {

/// Penalty at or above this value forbids a break (TeX's inf_penalty, 10000).
inline constexpr int kInfPenalty = 10000;
/// Penalty at or below this value forces a break (TeX's eject_penalty, -10000).
inline constexpr int kEjectPenalty = -10000;
/// Payload value meaning "the caller attached nothing to this item".
inline constexpr uint32_t kNoPayload = std::numeric_limits<uint32_t>::max();

/// Order of infinity of a glue's stretch, as TeX's glue_order (normal, fil, fill, filll).
/// A line's glue is set using its highest order with nonzero total stretch. Shrink is
/// always finite: TeX forbids infinitely shrinkable glue in paragraphs (TeX §826).
enum class Order : uint8_t { Normal = 0, Fil = 1, Fill = 2, Filll = 3 };

/// Number of stretch orders (size of per-order arrays).
inline constexpr int kOrders = 4;

/// What an item is.
enum class ItemKind : uint8_t { Box, Glue, Penalty };

/// One item of a paragraph: a box, a glue or a penalty. A single tagged struct (rather
/// than a variant) keeps the item list compact and the breaker's loop branch-cheap.
struct Item {
  ItemKind kind = ItemKind::Box;
  /// Glue only: order of `stretch`.
  Order stretch_order = Order::Normal;
  /// Penalty only: a "flagged" break (hyphenation point or discretionary). Two consecutive
  /// flagged breaks cost double_hyphen_demerits; flagged breaks are not considered in the
  /// first pass (TeX §863: the first pass does not hyphenate).
  bool flagged = false;
  /// Penalty only: the cost of breaking here; >= kInfPenalty never breaks, <= kEjectPenalty
  /// always breaks.
  int penalty = 0;
  /// Box: its width. Glue: its natural width. Penalty: the width added to the line that
  /// ends here (the hyphen), nothing when the penalty is not taken.
  Abs width;
  /// Glue only: stretchability (of order `stretch_order`) and shrinkability.
  Abs stretch, shrink;
  /// Opaque index for the caller (e.g. which glyph run a box stands for).
  uint32_t payload = kNoPayload;

  /// A box of fixed width: a word, a glyph run, an indent.
  static constexpr Item box(Abs width, uint32_t payload = kNoPayload) {
    Item it;
    it.kind = ItemKind::Box;
    it.width = width;
    it.payload = payload;
    return it;
  }
  /// Glue: a breakable (when after a box), stretchable and shrinkable space.
  static constexpr Item glue(Abs width, Abs stretch, Abs shrink, Order order = Order::Normal,
                             uint32_t payload = kNoPayload) {
    Item it;
    it.kind = ItemKind::Glue;
    it.width = width;
    it.stretch = stretch;
    it.shrink = shrink;
    it.stretch_order = order;
    it.payload = payload;
    return it;
  }
  /// Glue of zero width that stretches `fils` units of first-order infinity (TeX's \hfil).
  static constexpr Item fil_glue(double fils = 1.0) {
    return glue(Abs::zero(), Abs::pt(fils), Abs::zero(), Order::Fil);
  }
  /// A penalty: a possible break of cost `value`; `width` is added to the line when the
  /// break is taken (a hyphen); `flagged` marks hyphenation points.
  static constexpr Item penalty_item(int value, Abs width = Abs::zero(), bool flagged = false,
                                     uint32_t payload = kNoPayload) {
    Item it;
    it.kind = ItemKind::Penalty;
    it.penalty = value;
    it.width = width;
    it.flagged = flagged;
    it.payload = payload;
    return it;
  }

  constexpr bool is_box() const { return kind == ItemKind::Box; }
  constexpr bool is_glue() const { return kind == ItemKind::Glue; }
  constexpr bool is_penalty() const { return kind == ItemKind::Penalty; }
  /// A penalty that must break (TeX: pi <= eject_penalty).
  constexpr bool is_forced_break() const { return is_penalty() && penalty <= kEjectPenalty; }
};

}  // namespace vitae::linebreak

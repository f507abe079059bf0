#include "linebreak/paragraph_builder.h"

#include <utility>

namespace vitae::linebreak {

void append_paragraph_end(std::vector<Item>& items, const ParFillSkip& fill) {
  items.push_back(Item::penalty_item(kInfPenalty));
  if (fill.fil) {
    items.push_back(Item::fil_glue());
  } else {
    items.push_back(Item::glue(fill.width, fill.stretch, Abs::zero()));
  }
  items.push_back(Item::penalty_item(kEjectPenalty));
}

ParagraphBuilder::ParagraphBuilder(const ParagraphStyle& style) : style_(style) {}

void ParagraphBuilder::add_box(Abs width, uint32_t payload) {
  items_.push_back(Item::box(width, payload));
  trailing_space_ = trailing_break_ = false;
}

void ParagraphBuilder::add_space(Abs width, Abs stretch, Abs shrink, uint32_t payload) {
  if (items_.empty() || trailing_space_) return;
  const std::size_t begin = items_.size();
  if (style_.alignment == Alignment::Justified) {
    items_.push_back(Item::glue(width, stretch, shrink, Order::Normal, payload));
  } else {
    // Knuth & Plass's ragged-right space: glue(0, g) penalty(0) glue(w, -g). A penalty
    // in front keeps the first glue from being a breakpoint of its own (it follows a box,
    // §868), which would end a line without the g stretch.
    const Abs g = style_.ragged_stretch;
    items_.push_back(Item::penalty_item(kInfPenalty));
    items_.push_back(Item::glue(Abs::zero(), g, Abs::zero()));
    items_.push_back(Item::penalty_item(0));
    items_.push_back(Item::glue(width, -g, Abs::zero(), Order::Normal, payload));
  }
  trailing_from_ = begin;
  trailing_space_ = true;
  trailing_break_ = false;
}

void ParagraphBuilder::add_tie(Abs width, Abs stretch, Abs shrink, uint32_t payload) {
  const bool ragged = style_.alignment == Alignment::RaggedRight;
  items_.push_back(Item::penalty_item(kInfPenalty));
  items_.push_back(ragged ? Item::glue(width, Abs::zero(), Abs::zero(), Order::Normal, payload)
                          : Item::glue(width, stretch, shrink, Order::Normal, payload));
  trailing_space_ = trailing_break_ = false;
}

void ParagraphBuilder::add_break_opportunity(int penalty, Abs width, bool flagged,
                                             uint32_t payload) {
  if (style_.alignment == Alignment::RaggedRight) {
    // Knuth & Plass's ragged-right discretionary: the line broken here gets the g stretch,
    // which cancels when it is not.
    const Abs g = style_.ragged_stretch;
    items_.push_back(Item::penalty_item(kInfPenalty));
    items_.push_back(Item::glue(Abs::zero(), g, Abs::zero()));
    items_.push_back(Item::penalty_item(penalty, width, flagged, payload));
    items_.push_back(Item::glue(Abs::zero(), -g, Abs::zero()));
  } else {
    items_.push_back(Item::penalty_item(penalty, width, flagged, payload));
  }
  trailing_space_ = trailing_break_ = false;
}

void ParagraphBuilder::add_line_break() {
  const std::size_t begin = items_.size();
  // \hfil\break, with a penalty so that the fil glue is not a breakpoint itself.
  items_.push_back(Item::penalty_item(kInfPenalty));
  items_.push_back(Item::fil_glue());
  items_.push_back(Item::penalty_item(kEjectPenalty));
  trailing_from_ = begin;
  trailing_space_ = false;
  trailing_break_ = true;
}

std::vector<Item> ParagraphBuilder::finish() {
  if (trailing_space_ || trailing_break_) items_.resize(trailing_from_);
  trailing_space_ = trailing_break_ = false;
  if (!items_.empty()) {
    if (style_.alignment == Alignment::RaggedRight) {
      // The last line ends with \rightskip as well as \parfillskip in TeX.
      items_.push_back(Item::penalty_item(kInfPenalty));
      items_.push_back(Item::glue(Abs::zero(), style_.ragged_stretch, Abs::zero()));
    }
    append_paragraph_end(items_, style_.parfillskip);
  }
  std::vector<Item> out = std::move(items_);
  items_.clear();
  return out;
}

}  // namespace vitae::linebreak

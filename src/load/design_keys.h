// The table of every design key vitae reads: its path, its value type, where it lives in
// Design, and whether the engine applies it yet. One table, so that "which keys work" is
// answered in one place (docs/input.md lists the same).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vitae/model.h"

namespace vitae::load {

/// How a design value is written and stored.
enum class DesignValue {
  Length,      ///< "0.7in", "1.4em" -> Length
  AbsLength,   ///< an absolute length only -> Abs
  Color,       ///< -> Color
  Bool,        ///< -> bool
  String,      ///< any string -> std::string (null keeps the current value)
  Template,    ///< a template string -> std::string (null means empty: nothing shown)
  Choice,      ///< one of `choices` -> std::string
  PageSize,    ///< a page size name -> Design::Page::size, width and height
  StringList,  ///< -> std::vector<std::string>
  Features,    ///< a list of OpenType feature settings ("onum", "-liga") -> std::vector<std::string>
  Font,        ///< a family name or a font file path -> FontChoice
  Fraction,    ///< "50%" or "0.5", more than 0 and at most 1 -> double
};

/// One design key.
struct DesignKey {
  std::string path;  ///< dotted, under design: "page.top_margin"
  DesignValue type;
  bool applied;      ///< false: accepted and stored, but the engine does not use it yet
  void* (*field)(Design&);
  std::vector<std::string> choices;  ///< for Choice
};

/// Every key of RenderCV 2.x's design schema (theme excepted) plus vitae's `hyphenation`.
const std::vector<DesignKey>& design_keys();

/// The key with this dotted path, or null.
const DesignKey* find_design_key(std::string_view path);

}  // namespace vitae::load

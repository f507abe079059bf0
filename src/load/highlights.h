// Reading an entry's highlights: strings, nested lists, and vitae's mapping form.
#pragma once

#include <vector>

#include "load/reader.h"
#include "load/yaml_tree.h"
#include "vitae/model.h"

namespace vitae::load {

/// Reads `highlights:`. Accepted items:
///  - a string;
///  - a string whose plain (unquoted) continuation lines start with "- ", as RenderCV's
///    examples write nested bullets: each such line becomes a child highlight;
///  - a list right after an item: the children of that item;
///  - a mapping {text, tags, highlights} (vitae extension; `highlights` nests).
std::vector<Highlight> read_highlights(const YNode& node, Reader& r);

/// Splits a plain multi-line scalar written as "text\n  - child\n  - child" into the main
/// text and its children, using the source lines (YAML folds them into one line with
/// " - " separators, which cannot be told apart from a dash in the text). Returns false,
/// leaving the outputs untouched, when the scalar is not written that way.
bool split_nested_plain_scalar(const YNode& scalar, std::string_view source, Text& main,
                               std::vector<Highlight>& children);

}  // namespace vitae::load

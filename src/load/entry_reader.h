// Reading one entry of a section, once its type is known.
#pragma once

#include <optional>

#include "load/reader.h"
#include "load/yaml_tree.h"
#include "vitae/model.h"

namespace vitae::load {

/// Reads a mapping entry of type `kind`: checks its keys (unknown keys get a did-you-mean
/// hint), its required fields, the values' types, and its dates (impossible dates, an end
/// before the start). Problems go to `r`; the entry is returned with what could be read.
Entry read_entry(const YNode& node, EntryKind kind, Reader& r);

/// Reads start_date / end_date: YYYY, YYYY-MM, YYYY-MM-DD, or "present" (end_date only).
std::optional<Date> read_date_field(const YNode& node, const std::string& key, Reader& r);

}  // namespace vitae::load

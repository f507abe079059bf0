// Which entry type a mapping is, from the fields it has, as RenderCV decides it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vitae/model.h"

namespace vitae::load {

/// The fields of one entry type.
struct EntrySchema {
  EntryKind kind;
  std::vector<std::string> characteristic;  ///< fields no other type has: any one identifies it
  std::vector<std::string> required;
  std::vector<std::string> allowed;         ///< every accepted key, `tags` included
};

/// All mapping entry types, in RenderCV's detection order (OneLine, Normal, Experience,
/// Education, Publication, Bullet, Numbered, ReversedNumbered).
const std::vector<EntrySchema>& entry_schemas();

/// The schema of a mapping entry type (not Text).
const EntrySchema& schema_of(EntryKind kind);

/// The first type (in detection order) having one of its characteristic fields among
/// `keys`; nothing when none matches.
std::optional<EntryKind> detect_entry_kind(const std::vector<std::string>& keys);

}  // namespace vitae::load

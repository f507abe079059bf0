// Reading `design:`: the theme, the built-in layout it selects, then the user's keys.
#pragma once

#include "load/reader.h"
#include "load/yaml_tree.h"
#include "vitae/model.h"

namespace vitae::load {

/// Applies the keys of a `design:` mapping (except `theme`) onto `design`, checking each
/// against the design key table. With `warn_unapplied`, a key the engine does not apply
/// yet warns ("design.header.connections.phone_number_format is not applied yet") when its value differs from
/// the one in effect, and is listed in design.unapplied_keys.
void apply_design_keys(const YNode& map, Design& design, Reader& r, bool warn_unapplied);

/// The whole design: Design{} defaults, then the built-in layout chosen by `theme`
/// (RenderCV's theme names map to the closest layout, with a warning when it is not the
/// same), then the user's keys. `node` is the `design:` value, or null when absent.
Design read_design(const YNode* node, Reader& r);

}  // namespace vitae::load

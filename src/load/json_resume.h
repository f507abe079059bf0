// JSON Resume (jsonresume.org, schema 1.0 and later) read as a CV: a file with `basics` at
// its top level is turned into the tree of the equivalent RenderCV-format CV, which the
// readers then read as if it had been written so. Every node keeps the place it came from,
// so diagnostics point into the JSON. The mapping is docs/input.md's table.
#pragma once

#include <string>

#include "load/yaml_tree.h"
#include "vitae/diagnostics.h"

namespace vitae::load {

/// True when `root` is a JSON Resume document: a mapping with `basics` and no `cv`.
bool is_json_resume(const YNode& root);

/// The RenderCV-format tree (`cv:` with its sections, and vitae's own top-level keys passed
/// through) equivalent to the JSON Resume document `root`. A field with no place in vitae's
/// model is a warning naming it; a field of the wrong type is an error. Positions are in
/// `path`.
YNode from_json_resume(const YNode& root, const std::string& path, Diagnostics& diags);

}  // namespace vitae::load

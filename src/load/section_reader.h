// Reading cv.sections: an ordered mapping from section key to a list of entries of one type.
#pragma once

#include <vector>

#include "load/reader.h"
#include "load/yaml_tree.h"
#include "vitae/model.h"

namespace vitae::load {

/// Reads `sections:` in source order. A section is a list of entries, or (vitae extension)
/// a mapping {tags: [...], entries: [...]}. The entry type is that of the first entry whose
/// type can be told (as RenderCV does); an entry of another type is an error naming both.
std::vector<Section> read_sections(const YNode& node, Reader& r);

}  // namespace vitae::load

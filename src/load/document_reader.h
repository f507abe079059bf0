// The top level of a CV's tree to a Document: cv, design, locale and settings, each to its
// reader. The keys of variants (extends, variants, include_tags, exclude_tags, sections,
// set) are accepted here and handled by CvSource.
#pragma once

#include <optional>

#include "load/reader.h"
#include "load/yaml_tree.h"
#include "vitae/model.h"

namespace vitae::load {

/// Every key the top level of a CV may have.
extern const std::vector<std::string> kTopLevelKeys;

/// Reads a whole (merged, edited) tree. Problems go to `r`; returns nothing only when the
/// tree is not a CV at all (empty, or not a mapping).
std::optional<Document> read_document(const YNode& root, Reader& r);

}  // namespace vitae::load

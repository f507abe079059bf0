// Reading the `cv:` mapping: the person, their contacts and the sections.
#pragma once

#include "load/reader.h"
#include "load/yaml_tree.h"
#include "vitae/model.h"

namespace vitae::load {

/// Reads `cv:` (name, headline, location, email, phone, website, photo, social_networks,
/// custom_connections, sections). Null values mean absent.
CV read_cv(const YNode& node, Reader& r);

}  // namespace vitae::load

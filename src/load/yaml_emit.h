// A YAML tree written back as YAML text (`vitae convert`), by yaml-cpp's emitter.
#pragma once

#include <string>

#include "load/yaml_tree.h"

namespace vitae::load {

/// `root` as block-style YAML: mappings in their order, text quoted only where YAML needs
/// it, text of several lines as a literal block. Parsing the result gives `root` back
/// (values, not positions).
std::string emit_yaml(const YNode& root);

}  // namespace vitae::load

// Reading `locale:` and `settings:`.
#pragma once

#include <string>
#include <string_view>

#include "load/reader.h"
#include "load/yaml_tree.h"
#include "vitae/model.h"

namespace vitae::load {

/// The BCP 47 tag for a RenderCV language name ("english" -> "en-US", "german" -> "de-DE"),
/// the name itself when it already looks like a tag ("de-AT"), or empty when unknown.
std::string bcp47_for_language(std::string_view language);

/// Reads `locale:`; nothing to read leaves English.
Locale read_locale(const YNode* node, Reader& r);

/// Reads `settings:`. render_command (RenderCV's command-line options) is accepted and
/// ignored; its unknown keys only warn.
Settings read_settings(const YNode* node, Reader& r);

}  // namespace vitae::load

// `vitae convert`: a JSON Resume file written as the vitae (RenderCV-format) YAML it is read as.
#include "load/input_checks.h"
#include "load/json_resume.h"
#include "load/load.h"
#include "load/yaml_emit.h"
#include "load/yaml_tree.h"

namespace vitae {

std::optional<std::string> convert_json_resume(const SourceFile& source, Diagnostics& diags,
                                               const LoadOptions& options) {
  if (auto problem = load::check_input(source.text, options.max_bytes)) {
    diags.error(source.path, problem->loc, problem->message, problem->hint);
    return std::nullopt;
  }
  std::optional<load::YNode> root = load::parse_yaml_tree(source.text, source.path, diags);
  if (!root) return std::nullopt;
  if (!load::is_json_resume(*root)) {
    diags.error(source.path, root->loc, "this is not a JSON Resume file: it has no 'basics' at its top level",
                "vitae builds RenderCV-format files (cv:, design:) as they are; there is nothing to convert");
    return std::nullopt;
  }
  load::YNode cv = load::from_json_resume(*root, source.path, diags);
  if (diags.has_errors()) return std::nullopt;
  return "# yaml-language-server: $schema=vitae.schema.json\n"
         "# Converted from " + source.path + " (JSON Resume) by `vitae convert`.\n" +
         load::emit_yaml(cv);
}

}  // namespace vitae

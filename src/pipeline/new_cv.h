// `vitae new "Full Name"`: a complete, commented CV to start from (data/new-cv.yaml, compiled
// in by cmake/embed_text.cmake): every entry type once, tags and a variant, the schema line
// for editor completion. It builds with no warning in every layout whose fonts ship.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/cli.h"

namespace vitae {

/// data/new-cv.yaml's text, with FULL_NAME, FILE_NAME and LAYOUT for placeholders.
std::string_view new_cv_template();

/// "Ada Lovelace" -> "Ada_Lovelace_CV.yaml", as RenderCV's `rendercv new` names it.
std::string new_cv_file_name(const std::string& full_name);

/// The template filled in: the name (quoted for YAML), the file's name and the layout.
std::string new_cv_text(const std::string& full_name, const std::string& file_name, const std::string& layout);

/// Writes the new CV (args.inputs[0] is the name; args.layout, args.output). An existing
/// file is never overwritten: that is an error, exit 1.
int run_new(const CliArgs& args, const CliIo& io);

}  // namespace vitae

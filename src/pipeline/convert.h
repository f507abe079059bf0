// `vitae convert resume.json [-o cv.yaml]`: a JSON Resume file written as vitae's YAML, for
// a person who switches for good.
#pragma once

#include "pipeline/cli.h"

namespace vitae {

/// Converts args.inputs[0] to args.output (default: the input with .yaml for its extension;
/// "-" for standard output). Warnings name the fields left out; an existing file is never
/// overwritten (exit 1), nor is anything written when the input has errors.
int run_convert(const CliArgs& args, const CliIo& io);

}  // namespace vitae

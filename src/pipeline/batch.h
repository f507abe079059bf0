// `vitae build`, `vitae check` (and `vitae fonts CV`) for any number of inputs and variants: every CV read and
// opened once, every PDF built in parallel in one process (fonts, shaping results and the
// PDF writer shared), one line per PDF written, and every failure reported without
// stopping the others.
#pragma once

#include "pipeline/cli.h"

namespace vitae {

/// Runs the builds `args` asks for. Exit code 0 when every build succeeded (warnings
/// allowed), 1 when any failed, 2 for bad usage found only now (SOURCE_DATE_EPOCH).
int run_builds(const CliArgs& args, const CliIo& io);

/// Where a build's file goes by default: beside the input, its extension replaced by
/// `extension`, and "-NAME" before it for a variant (cv.yaml, ml -> cv-ml.pdf).
std::string default_output(const std::string& input, const std::string& variant, const std::string& extension = "pdf");

}  // namespace vitae

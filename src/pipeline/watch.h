// `vitae watch`: build, then rebuild whenever a file the build read changes.
#pragma once

#include "pipeline/cli.h"

namespace vitae {

/// Builds what `args` asks for (as `vitae build`), then waits for a change to any file the
/// builds read (the CVs, what they extend, layout files, photos, font files: the depfile
/// set, derived again after every build) and builds again, one line per PDF ("rebuilt
/// cv.pdf in 31 ms (2 pages)") or the errors. A failed build keeps the last good PDF.
/// Changes are noticed with inotify on the files' folders (editors replace a file by
/// renaming a new one over it) and gathered until 50 ms pass without one (editors write
/// in several steps). Returns 0 when SIGINT or SIGTERM ends it, after the build in
/// progress (which a build's time limit bounds), leaving no temporary file; 1 when the
/// watch cannot be set up; 2 for bad usage found only when building (SOURCE_DATE_EPOCH).
int run_watch(const CliArgs& args, const CliIo& io);

}  // namespace vitae

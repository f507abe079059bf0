// `vitae build`, `vitae check` (and `vitae fonts CV`) for any number of inputs and variants: every CV read and
// opened once, every PDF built in parallel in one process (fonts, shaping results and the
// PDF writer shared), one line per PDF written, and every failure reported without
// stopping the others.
#pragma once

#include <memory>
#include <set>
#include <string>

#include "pipeline/build.h"
#include "pipeline/cli.h"

namespace vitae {

/// What `vitae watch` keeps from one run of run_builds to the next.
struct BuildSession {
  /// Fonts, hyphenation patterns and the PDF writer: made by the first run, then reused so
  /// that a rebuild loads nothing again. Reset it when a font file the CV names changes
  /// (fonts are loaded once per path).
  std::unique_ptr<BuildServices> services;
  /// Set by each run: every file it read or tried to read (each input, the files it
  /// extends, layout files, photos, fonts): the files whose change calls for a rebuild.
  std::set<std::string> files_read;
  /// The font files among them (a change to one calls for fresh services).
  std::set<std::string> font_files;
  /// Runs so far: the first run's lines say "built", the later ones "rebuilt".
  int runs = 0;
};

/// Runs the builds `args` asks for. Exit code 0 when every build succeeded (warnings
/// allowed), 1 when any failed, 2 for bad usage found only now (SOURCE_DATE_EPOCH). With a
/// `session` (vitae watch), the services are kept in it, what was read is recorded, and
/// each PDF's line says how long the run took ("rebuilt cv.pdf in 31 ms (2 pages)").
int run_builds(const CliArgs& args, const CliIo& io, BuildSession* session = nullptr);

/// Where a build's file goes by default: beside the input, its extension replaced by
/// `extension`, and "-NAME" before it for a variant (cv.yaml, ml -> cv-ml.pdf).
std::string default_output(const std::string& input, const std::string& variant, const std::string& extension = "pdf");

}  // namespace vitae

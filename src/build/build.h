// The whole pipeline as one function: source text in, PDF bytes out. The CLI, the tests and
// (later) batch builds call this; it does no I/O of its own besides reading fonts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "vitae/diagnostics.h"
#include "vitae/model.h"

namespace vitae {

class FontLibrary;

struct BuildConfig {
  /// Seconds since the epoch from SOURCE_DATE_EPOCH; wins over settings.current_date.
  std::optional<int64_t> source_date_epoch;
  /// The clock, read by the caller only when the CV asks for `current_date: today`.
  std::optional<int64_t> now;
  /// Stop after validation (vitae check).
  bool check_only = false;
};

/// Typesetting statistics (vitae build --stats).
struct BuildStats {
  int pages = 0;
  int lines = 0;
  int hyphenated_lines = 0;
  int consecutive_hyphens = 0;
  int overfull_lines = 0;
  int underfull_lines = 0;
  double max_adjustment_ratio = 0;
  double mean_adjustment_ratio = 0;
};

struct BuildResult {
  std::string pdf;  ///< empty for check_only
  BuildStats stats;
};

/// Loads, lays out and writes one CV. All problems go to `diags`; returns nothing when
/// there were errors. Never throws.
std::optional<BuildResult> build_document(const SourceFile& source, const BuildConfig& config,
                                          Diagnostics& diags);

/// Formats BuildStats for the terminal, one "key: value" per line.
std::string format_stats(const BuildStats& stats);

}  // namespace vitae

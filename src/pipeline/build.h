// The whole pipeline as one function: source text in, PDF bytes out. The CLI, the tests and
// (later) batch builds call this; it does no I/O of its own besides reading fonts.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/pdf_source.h"
#include "layout/fit.h"
#include "layout/layout.h"
#include "layout/paragraph_cache.h"
#include "layout/shape_cache.h"
#include "pdf_content/subset_cache.h"
#include "layout/stats.h"
#include "text/font_library.h"
#include "text/hyphenate.h"
#include "vitae/diagnostics.h"
#include "vitae/model.h"

namespace vitae {

class Workers;

/// Results of pure functions, kept across the builds of a batch (the variants of a CV
/// share most of their words, paragraphs and font subsets) and across re-runs of a
/// layout. Thread-safe; a build gets the same bytes with them as without.
struct BuildCaches {
  ShapeCache shapes;
  ParagraphCache paragraphs;
  pdf::SubsetCache subsets;
};

/// What builds share: fonts, hyphenation patterns and the PDF writer, loaded once per
/// process and used by every build (thread-safe).
struct BuildServices {
  FontLibrary fonts;
  HyphenatorCache hyphenators;
  /// Needed only by builds that write a PDF; without it they fail with an error.
  std::shared_ptr<const PdfWriterSource> pdf;

  explicit BuildServices(std::shared_ptr<const PdfWriterSource> pdf_writer = nullptr,
                         FontLibraryConfig config = {})
      : fonts(std::move(config)), pdf(std::move(pdf_writer)) {}
};

struct BuildConfig {
  /// Seconds since the epoch from SOURCE_DATE_EPOCH; wins over settings.current_date.
  std::optional<int64_t> source_date_epoch;
  /// The clock, read by the caller; used only when the CV asks for `current_date: today`.
  std::optional<int64_t> now;
  /// Validate and lay out, but write no PDF (vitae check, vitae build --dump): the same
  /// diagnostics as a build.
  bool check_only = false;
  /// Also produce the text dump of the laid-out pages (vitae build --dump).
  bool dump = false;
  /// Helper threads this build may use to lay out and write (LayoutOptions::workers,
  /// PdfOptions::workers); null when builds already run in parallel.
  Workers* workers = nullptr;
  /// Whether the PDF module, while it loads, needs the core `workers` would use. A stage
  /// that starts before the module has loaded (PdfWriterSource::ready) then keeps to the
  /// calling thread: on two cores the layout's and the streams' second thread cost 1.5x
  /// the CPU of one and slowed the loading as much as they sped the stage (docs/performance.md).
  bool module_needs_a_core = false;
  /// What the builds of a batch share besides BuildServices; null: each build keeps its own.
  BuildCaches* caches = nullptr;
  /// Measure each stage's time (vitae build -v).
  bool timings = false;
  /// --max-pages: wins over the CV's settings.max_pages.
  std::optional<int> max_pages;
  /// --max-pages-strict: a CV that cannot be fitted is an error (no PDF), not a warning.
  bool max_pages_strict = false;
  /// --timeout: how long build_loaded may take, in seconds, before it stops with an error
  /// (model/deadline.h); 0: no limit.
  double time_limit_seconds = 0;
  /// More pages than this is an error (LayoutOptions::page_limit).
  int page_limit = kMaxPagesBuilt;
};

/// Milliseconds spent in each stage of one build, when BuildConfig::timings.
struct StageTimes {
  double load = 0, layout = 0, pdf_content = 0, pdf = 0;
};

struct BuildResult {
  std::string pdf;  ///< empty for check_only
  std::string dump;  ///< dump_pages() of the layout, when BuildConfig::dump
  LayoutStats stats;  ///< typesetting statistics (vitae build --stats)
  std::vector<std::string> font_files;  ///< every font file the build used (depfiles)
  /// What fitting to a page count changed, one "fit: design.KEY OLD -> NEW" line each.
  std::vector<std::string> fit_report;
  int fit_layouts = 0;  ///< layouts the fit ran (0: none asked for)
  StageTimes times;
};

/// Loads, lays out and writes one CV. All problems go to `diags`; returns nothing when
/// there were errors. Never throws.
std::optional<BuildResult> build_document(const SourceFile& source, const BuildConfig& config,
                                          const BuildServices& services, Diagnostics& diags);

/// Lays out and writes a document already loaded (one variant of a CvSource). Thread-safe
/// for distinct `diags`: the builds of a batch run it in parallel.
std::optional<BuildResult> build_loaded(const Document& doc, const BuildConfig& config,
                                        const BuildServices& services, Diagnostics& diags);

/// The date a CV shows as today, by precedence: SOURCE_DATE_EPOCH, settings.current_date,
/// the clock (only for `current_date: today`); unset when none applies.
std::optional<Date> visible_date(const Settings& settings, const BuildConfig& config);

/// The date written into the PDF's metadata (seconds since the epoch): SOURCE_DATE_EPOCH,
/// else a fixed settings.current_date; never the clock.
std::optional<int64_t> metadata_date(const Settings& settings, const BuildConfig& config);

/// Formats the statistics for the terminal, one "key: value" per line.
std::string format_stats(const LayoutStats& stats);

}  // namespace vitae

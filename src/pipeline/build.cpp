#include "pipeline/build.h"

#include <charconv>
#include <chrono>
#include <new>

#include "layout/layout.h"
#include "load/load.h"
#include "pdf_content/prepared.h"

namespace vitae {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Civil date from days since 1970-01-01 (Howard Hinnant's days_from_civil inverse).
Date date_from_epoch(int64_t seconds) {
  int64_t z = seconds / 86400 + 719468;
  if (seconds < 0 && seconds % 86400) --z;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  Date d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2));
  return d;
}

int64_t epoch_from_date(const Date& d) {
  int y = d.year - (d.month <= 2 && d.month > 0);
  int m = d.month > 0 ? d.month : 1;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + (d.day > 0 ? d.day : 1) - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (era * 146097 + doe - 719468) * 86400;
}

}  // namespace

std::optional<Date> visible_date(const Settings& settings, const BuildConfig& config) {
  if (config.source_date_epoch) return date_from_epoch(*config.source_date_epoch);
  if (settings.current_date) return settings.current_date;
  if (settings.current_date_is_today && config.now) return date_from_epoch(*config.now);
  return std::nullopt;
}

std::optional<int64_t> metadata_date(const Settings& settings, const BuildConfig& config) {
  if (config.source_date_epoch) return config.source_date_epoch;
  if (settings.current_date) return epoch_from_date(*settings.current_date);
  return std::nullopt;
}

std::optional<BuildResult> build_document(const SourceFile& source, const BuildConfig& config,
                                          const BuildServices& services, Diagnostics& diags) {
  Clock::time_point start = Clock::now();
  std::optional<Document> doc = load_document(source, diags);
  if (!doc || diags.has_errors()) return std::nullopt;
  double load = config.timings ? ms_since(start) : 0;
  std::optional<BuildResult> result = build_loaded(*doc, config, services, diags);
  if (result) result->times.load = load;
  return result;
}

namespace {

/// Lays the document out, fitted to its page limit if it has one (layout/fit.h); the
/// report goes into `result`. Nothing when the CV cannot be fitted in strict mode.
std::optional<LayoutResult> lay_out_fitted(const Document& doc, const BuildConfig& config, const BuildServices& services,
                                           const LayoutOptions& lo, BuildResult& result, Diagnostics& diags) {
  FitRequest request{config.max_pages ? config.max_pages : doc.settings.max_pages, doc.settings.fill_pages};
  if (!request.max_pages && !request.fill_pages) return layout_document(doc, services.fonts, lo, diags);
  FitOutcome fit = fit_document(doc, services.fonts, lo, request, diags);
  result.fit_report = fit_report(fit);
  result.fit_layouts = fit.runs;
  if (!fit.fits) {
    // Said at settings.max_pages when the CV sets it and the command line does not override it.
    const SourceLoc at = config.max_pages ? SourceLoc{} : doc.settings.max_pages_loc;
    const std::string hint = "shorten the CV, or lower the bounds in design.fit (docs/layouts.md)";
    if (!config.max_pages_strict) {
      diags.warning(doc.path_of(at), at, overflow_message(fit), hint);
    } else {
      diags.error(doc.path_of(at), at, overflow_message(fit) + " (--max-pages-strict)", hint);
      return std::nullopt;
    }
  }
  return std::move(fit.layout);
}

/// The helpers a stage starting now may use (BuildConfig::module_needs_a_core).
Workers* helpers(const BuildConfig& config, const BuildServices& services) {
  const bool loading = services.pdf && !services.pdf->ready();
  return config.module_needs_a_core && loading ? nullptr : config.workers;
}

std::optional<BuildResult> build_stages(const Document& doc, const BuildConfig& config,
                                        const BuildServices& services, const Deadline& deadline, Diagnostics& diags) {
  BuildResult result;
  Clock::time_point start = Clock::now();
  auto lap = [&](double& into) {
    if (!config.timings) return;
    Clock::time_point now = Clock::now();
    into = std::chrono::duration<double, std::milli>(now - start).count();
    start = now;
  };

  // vitae check lays the CV out too (without writing a PDF), so it reports what a build
  // would: a font family that does not exist, overfull lines, characters no font has.
  LayoutOptions lo;
  lo.today = visible_date(doc.settings, config);
  lo.workers = helpers(config, services);
  lo.deadline = &deadline;
  lo.page_limit = config.page_limit;
  if (config.caches) {
    lo.shape_cache = &config.caches->shapes;
    lo.paragraph_cache = &config.caches->paragraphs;
  }
  std::shared_ptr<const Hyphenator> hyph;
  if (doc.design.hyphenation) {
    std::string why;
    hyph = services.hyphenators.get(doc.locale.bcp47, &why);
    if (!hyph) diags.warning(doc.path_of(doc.design.theme_loc), doc.design.theme_loc, "hyphenation is off: " + why);
  }
  lo.hyphenator = hyph.get();
  std::optional<LayoutResult> fitted = lay_out_fitted(doc, config, services, lo, result, diags);
  if (!fitted || diags.has_errors()) return std::nullopt;
  LayoutResult& laid = *fitted;
  lap(result.times.layout);
  result.stats = laid.stats;
  result.font_files = std::move(laid.font_files);
  laid.doc.info.date = metadata_date(doc.settings, config);
  if (config.dump) result.dump = dump_pages(laid.doc);
  if (config.check_only) return result;
  deadline.check();
  // The streams first: the PDF module may still be loading meanwhile.
  PdfContentOptions content;
  content.workers = helpers(config, services);
  if (config.caches) content.subset_cache = &config.caches->subsets;
  std::optional<PreparedPdf> prepared = prepare_pdf(laid.doc, content, diags);
  if (!prepared) return std::nullopt;
  lap(result.times.pdf_content);
  deadline.check();
  std::string why = "this program was built without a PDF writer";
  WritePdfFn write_pdf = services.pdf ? services.pdf->get(&why) : nullptr;
  if (!write_pdf) {
    diags.error("vitae", {}, "cannot load the PDF writer: " + why,
                std::string(kPdfModuleFile) + " is built and installed beside the vitae program");
    return std::nullopt;
  }
  std::optional<std::string> pdf = write_pdf(laid.doc, *prepared, diags);
  if (!pdf) return std::nullopt;
  lap(result.times.pdf);
  result.pdf = std::move(*pdf);
  return result;
}

// 60 -> "60 s", 0.5 -> "0.5 s" (to_chars: the shortest form that reads back exactly).
std::string seconds_phrase(double seconds, bool unit = true) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, seconds);
  return std::string(buf, r.ptr) + (unit ? " s" : "");
}

}  // namespace

std::optional<BuildResult> build_loaded(const Document& doc, const BuildConfig& config,
                                        const BuildServices& services, Diagnostics& diags) {
  // The stage boundary: what a library or the memory allocator throws becomes an error
  // (the build fails, exit 1), never a crash or a PDF with text missing.
  const Deadline deadline = config.time_limit_seconds > 0 ? Deadline(Clock::now(), config.time_limit_seconds) : Deadline();
  try {
    return build_stages(doc, config, services, deadline, diags);
  } catch (const DeadlinePassed& e) {
    // Said without a position: no one place in the CV is to blame.
    diags.error(doc.path, {}, "build stopped after " + seconds_phrase(e.limit_seconds) + " (limit: --timeout " +
                                  seconds_phrase(e.limit_seconds, false) + ")",
                "a CV builds in well under a second: is this the right file? --timeout SECONDS sets the limit");
  } catch (const std::bad_alloc&) {
    diags.error(doc.path, {}, "out of memory while typesetting the CV");
  } catch (const std::exception& e) {
    diags.error(doc.path, {}, std::string("internal error while typesetting the CV: ") + e.what());
  }
  return std::nullopt;
}

namespace {

// std::to_chars, not printf: output must not depend on the C locale.
std::string fixed3(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
  return std::string(buf, r.ptr);
}

}  // namespace

std::string format_stats(const LayoutStats& s) {
  std::string out;
  auto line = [&out](const char* key, const std::string& value) {
    out += key;
    out += ": " + value + '\n';
  };
  line("pages", std::to_string(s.pages));
  line("lines", std::to_string(s.lines));
  line("hyphenated lines", std::to_string(s.hyphenated_lines));
  line("consecutive hyphens", std::to_string(s.consecutive_hyphens));
  line("overfull lines", std::to_string(s.overfull_lines));
  line("underfull lines", std::to_string(s.underfull_lines));
  line("largest adjustment ratio", fixed3(s.max_ratio));
  line("mean adjustment ratio", fixed3(s.justified_lines ? s.sum_ratio / s.justified_lines : 0));
  return out;
}

}  // namespace vitae

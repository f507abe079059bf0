#include "pipeline/batch.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sys/stat.h>
#include <thread>
#include <utility>

#include "pipeline/atomic_file.h"
#include "pipeline/build.h"
#include "pipeline/depfile.h"
#include "pipeline/fonts.h"
#include "pipeline/input_file.h"
#include "export/export.h"
#include "pipeline/output.h"
#include "image/limits.h"
#include "load/load.h"
#include "model/workers.h"

namespace vitae {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// SOURCE_DATE_EPOCH per reproducible-builds.org: a decimal integer; anything else is an error.
bool parse_epoch(const std::string& s, int64_t* out) {
  const char* end = s.data() + s.size();
  auto r = std::from_chars(s.data(), end, *out);
  return !s.empty() && r.ec == std::errc() && r.ptr == end && *out >= 0;
}

// Whether two paths name the same existing file (also through links or "./").
bool same_file(const std::string& a, const std::string& b) {
  if (a == "-" || b == "-") return false;
  struct stat sa {}, sb {};
  if (stat(a.c_str(), &sa) != 0 || stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/// One input file: read, then opened (parsed, with what it extends).
struct Input {
  std::string arg;
  SourceFile source;
  std::string error;  ///< a problem reading it, already formatted
  Diagnostics diags;  ///< problems opening it
  std::optional<CvSource> cv;
  std::set<std::string> printed;  ///< its diagnostics already printed (shared by its jobs)

  const std::vector<SourceFile>& files() const {
    static const std::vector<SourceFile> none;
    return cv ? cv->files() : none;
  }
};

/// One file a job writes ("-": standard output).
struct JobOutput {
  OutputFormat format = OutputFormat::Pdf;
  std::string path;
};

/// One build: an input and a variant of it, written in each format asked for.
struct Job {
  std::size_t input = 0;
  std::string variant;
  std::vector<JobOutput> outputs;
  std::optional<std::string> depfile;
  Diagnostics diags;
  std::string error;    ///< a problem outside the input (writing), already formatted
  std::string report;   ///< what to print after the diagnostics
  std::string stdout_bytes;
  std::vector<std::string> fonts;  ///< the font files its build read (BuildSession::files_read)
  bool ok = false;
};

void read_input(Input& in, const CliIo& io, const LoadOptions& limits) {
  if (in.arg == "-") {
    in.source.path = "<stdin>";
    std::optional<std::string> text = io.read_stdin(limits.max_bytes + 1);
    if (!text) return void(in.error = "vitae: error: cannot read standard input\n");
    in.source.text = std::move(*text);
  } else {
    in.source.path = in.arg;
    struct stat st {};
    if (stat(in.arg.c_str(), &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > limits.max_bytes)
      // Said here, with the real size, before reading any of it.
      return void(in.error = in.arg + ": error: the file is " + std::to_string(st.st_size) + " bytes; the limit is " +
                             std::to_string(limits.max_bytes) +
                             " bytes\n  hint: a CV is a few kilobytes: is this the right file?\n");
    std::string why;
    std::optional<std::string> text = read_input_file(in.arg, limits.max_bytes, &why);
    if (!text) return void(in.error = "vitae: error: cannot read '" + in.arg + "': " + why + "\n");
    in.source.text = std::move(*text);
  }
  if (in.source.text.size() > limits.max_bytes)
    // Read up to one byte past the limit and no further (a pipe or a device may not end).
    return void(in.error = in.source.path + ": error: the input is larger than the limit of " +
                           std::to_string(limits.max_bytes) +
                           " bytes\n  hint: a CV is a few kilobytes: is this the right file?\n");
  in.cv = CvSource::open(in.source, in.diags, limits);
}

// The jobs of one opened input; false (and `error` set) when it asks for none that can be.
std::vector<Job> jobs_of(std::size_t index, Input& in, const CliArgs& args) {
  std::vector<std::string> variants = {args.variant.value_or("")};
  if (args.all_variants) {
    variants = in.cv->variant_names();
    if (variants.empty())
      in.error = in.arg + ": error: --all-variants, but this CV has no variants\n"
                          "  hint: add a 'variants:' mapping (docs/variants.md), or build without --all-variants\n";
  }
  std::vector<Job> out;
  for (const std::string& v : variants) {
    Job job;
    job.input = index;
    job.variant = v;
    for (OutputFormat f : args.formats) {
      std::string path = !args.output          ? (in.arg == "-" ? "-" : default_output(in.arg, v, format_extension(f)))
                         : args.formats.size() == 1 ? *args.output
                                                    : output_for_format(*args.output, args.formats, f).value_or("");
      job.outputs.push_back({f, std::move(path)});
    }
    const std::string& first = job.outputs.front().path;
    if (args.depfile) job.depfile = *args.depfile;
    if (args.depfile_beside && first != "-") job.depfile = first + ".d";
    out.push_back(std::move(job));
  }
  return out;
}

// Two jobs writing one file would race: every job after the first that names a file
// already taken is dropped, with an error. True when any was.
bool refuse_shared_outputs(std::vector<Job>& jobs, std::vector<Input>& inputs, const CliIo& io) {
  std::map<std::string, std::size_t> first;  // normalised output -> index of its first job
  std::vector<Job> kept;
  bool refused = false;
  for (Job& j : jobs) {
    const JobOutput* taken = nullptr;
    std::size_t owner = 0;
    for (const JobOutput& o : j.outputs) {
      if (o.path == "-") continue;
      std::string key = std::filesystem::absolute(o.path).lexically_normal().string();
      if (auto it = first.find(key); it != first.end() && !taken) taken = &o, owner = it->second;
    }
    if (!taken) {
      for (const JobOutput& o : j.outputs)
        if (o.path != "-") first.emplace(std::filesystem::absolute(o.path).lexically_normal().string(), j.input);
      kept.push_back(std::move(j));
      continue;
    }
    io.err("vitae: error: '" + taken->path + "' would be written by two builds (of " + inputs[owner].arg +
           " and of " + inputs[j.input].arg + "); building it once\n");
    refused = true;
  }
  jobs = std::move(kept);
  return refused;
}

std::string pages_phrase(int pages) { return std::to_string(pages) + (pages == 1 ? " page" : " pages"); }

std::string fixed2(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
  return std::string(buf, r.ptr);
}

std::string times_line(const StageTimes& t, double write_ms) {
  return "  time: load " + fixed2(t.load) + " ms, layout " + fixed2(t.layout) + " ms, streams " +
         fixed2(t.pdf_content) + " ms, pdf " + fixed2(t.pdf) + " ms, write " + fixed2(write_ms) + " ms\n";
}

/// The line of a PDF written: "wrote cv.pdf (2 pages)"; in watch mode, with the run's time.
std::string written_line(const std::string& output, int pages, const BuildSession* session, Clock::time_point run_start) {
  if (!session) return "wrote " + output + " (" + pages_phrase(pages) + ")\n";
  const auto ms = static_cast<long long>(ms_since(run_start) + 0.5);
  return (session->runs ? "rebuilt " : "built ") + output + " in " + std::to_string(ms) + " ms (" + pages_phrase(pages) + ")\n";
}

/// Whether the command writes files (`build` but for --dump).
bool writes_files(const CliArgs& args) { return args.command == Command::Build && !args.dump; }

/// Whether the CV is laid out: for a PDF, for what only layout knows (statistics, the page
/// dump, the warnings `check` reports), but not for text alone.
bool needs_layout(const CliArgs& args) {
  return args.command == Command::Check || args.dump || args.stats || args.wants(OutputFormat::Pdf);
}

std::string output_bytes(OutputFormat format, const Document& doc, BuildResult* result, const BuildConfig& config) {
  // An open-ended entry's time span runs to the same day as in the PDF.
  const ExportOptions options{visible_date(doc.settings, config)};
  switch (format) {
    case OutputFormat::Text: return export_text(doc, options);
    case OutputFormat::Markdown: return export_markdown(doc, options);
    case OutputFormat::Pdf: break;
  }
  return std::move(result->pdf);
}

/// Writes the job's make rule, then each of its files, each atomically; false with
/// `job.error` set when one cannot be written.
bool write_outputs(Job& job, const Input& in, const Document& doc, BuildResult* result, const BuildConfig& config,
                   const BuildSession* session, Clock::time_point run_start) {
  // Every file's bytes first: nothing is written unless all of them could be made.
  std::vector<std::string> bytes;
  try {
    for (const JobOutput& o : job.outputs) bytes.push_back(output_bytes(o.format, doc, result, config));
  } catch (const std::exception& e) {
    return job.error = std::string("vitae: error: cannot export the CV: ") + e.what() + "\n", false;
  }
  std::string why;
  if (job.depfile) {
    // The rule first: if a file then fails, the old file stays older than its sources.
    std::vector<std::string> targets, prereqs = in.cv->dependencies();
    for (const JobOutput& o : job.outputs) targets.push_back(o.path);
    if (doc.cv.photo_image) prereqs.push_back(doc.cv.photo_image->path);
    if (result) prereqs.insert(prereqs.end(), result->font_files.begin(), result->font_files.end());
    if (!write_file_atomically(*job.depfile, make_rule(targets, prereqs), &why))
      return job.error = "vitae: error: " + why + "\n", false;
  }
  for (std::size_t i = 0; i < job.outputs.size(); ++i) {
    const JobOutput& o = job.outputs[i];
    if (o.path == "-") {
      job.stdout_bytes += bytes[i];
      continue;
    }
    if (!write_file_atomically(o.path, bytes[i], &why))
      return job.error = "vitae: error: " + why + "\n", false;  // says "cannot write PATH: ..." itself
    job.report += o.format == OutputFormat::Pdf ? written_line(o.path, result->stats.pages, session, run_start)
                                                : "wrote " + o.path + "\n";
  }
  return true;
}

/// What the build says besides the files: times (-v), what the fit changed, statistics.
void add_reports(Job& job, const CliArgs& args, const BuildResult& result, double write_ms) {
  if (args.verbose) job.report += times_line(result.times, write_ms);
  // What the fit changed: before the "wrote" line, or with the statistics under --stats.
  std::string fit;
  for (const std::string& line : result.fit_report) fit += line + '\n';
  if (!args.stats) job.report.insert(0, fit);
  else if (result.fit_layouts) job.report += format_stats(result.stats) + fit + "fit layouts: " + std::to_string(result.fit_layouts) + '\n';
  else job.report += format_stats(result.stats);
}

/// Builds one job and writes its files. Thread-safe across jobs.
void run_job(Job& job, const Input& in, const CliArgs& args, const BuildConfig& config, const BuildServices& services,
             const BuildSession* session, Clock::time_point run_start) {
  Clock::time_point start = Clock::now();
  std::optional<Document> doc = in.cv->document(job.variant, job.diags);
  if (!doc) return;
  if (args.command == Command::Fonts) {
    job.stdout_bytes = fonts_report(*doc, services.fonts, job.diags);
    job.ok = !job.diags.has_errors();
    return;
  }
  for (const JobOutput& o : job.outputs)
    if (writes_files(args) && same_file(in.arg, o.path))
      return void(job.error = "vitae: error: the output '" + o.path + "' is the input file; refusing to overwrite it\n");
  double load_ms = config.timings ? ms_since(start) : 0;
  std::optional<BuildResult> result;
  if (needs_layout(args)) {
    result = build_loaded(*doc, config, services, job.diags);
    if (!result) return;
    result->times.load = load_ms;
    job.fonts = result->font_files;
  }
  Clock::time_point write_start = Clock::now();
  if (args.dump) job.stdout_bytes = std::move(result->dump);
  if (writes_files(args) && !write_outputs(job, in, *doc, result ? &*result : nullptr, config, session, run_start)) return;
  if (result) add_reports(job, args, *result, ms_since(write_start));
  job.ok = true;
}

/// Prints a finished job: its input's diagnostics not printed yet, its own, its report.
void print_job(Job& job, Input& in, const CliIo& io) {
  std::vector<const SourceFile*> sources;
  for (const SourceFile& f : in.files()) sources.push_back(&f);
  if (sources.empty()) sources.push_back(&in.source);
  std::string text;
  for (const Diagnostics* diags : {&in.diags, &job.diags}) {
    for (const Diagnostic& d : diags->all()) {
      const SourceFile* src = nullptr;
      for (const SourceFile* s : sources)
        if (s->path == d.path) src = s;
      std::string one = format_diagnostic(d, src);
      if (in.printed.insert(one).second) text += one;  // the variants of a CV share its problems
    }
    if (diags->dropped() > 0) text += std::to_string(diags->dropped()) + " more error(s) not shown\n";
  }
  io.err(text + job.error + job.report);
  if (!job.stdout_bytes.empty()) io.out(job.stdout_bytes);
  job.stdout_bytes.clear();
  job.stdout_bytes.shrink_to_fit();
}

}  // namespace

std::string default_output(const std::string& input, const std::string& variant, const std::string& extension) {
  std::size_t slash = input.find_last_of('/');
  std::size_t dot = input.find_last_of('.');
  std::size_t base = slash == std::string::npos ? 0 : slash + 1;
  std::string stem = dot == std::string::npos || dot <= base ? input : input.substr(0, dot);
  return stem + (variant.empty() ? "" : "-" + variant) + "." + extension;
}

namespace {

// How the loader reads the files a CV names; `record` (when set) hears of each path asked for.
LoadOptions load_options(const CliArgs& args, const std::function<void(const std::string&)>& record) {
  LoadOptions o;
  o.overrides = args.sets;
  o.root = args.root.value_or("");
  o.read_file = [max = o.max_bytes, record](const std::string& path, std::string* error) {
    if (record) record(path);
    return read_input_file(path, max, error);
  };
  // Reads one byte past the limit at most: enough for the loader to say the photo is too large.
  o.read_image = [record](const std::string& path, std::string* error) {
    if (record) record(path);
    return read_input_file(path, image::kMaxBytes, error);
  };
  return o;
}

// What the session learns from a run: every file it read or tried to read.
void record_run(BuildSession& session, const CliArgs& args, std::set<std::string> read, const std::vector<Job>& jobs) {
  for (const std::string& in : args.inputs)
    if (in != "-") read.insert(in);
  for (const Job& j : jobs) session.font_files.insert(j.fonts.begin(), j.fonts.end());
  read.insert(session.font_files.begin(), session.font_files.end());
  session.files_read = std::move(read);
  ++session.runs;
}

}  // namespace

int run_builds(const CliArgs& args, const CliIo& io, BuildSession* session) {
  BuildConfig config;
  // No PDF unless one is asked for: `check`, --dump, `fonts`, or only text formats.
  config.check_only = !writes_files(args) || !args.wants(OutputFormat::Pdf);
  config.dump = args.dump;
  config.timings = args.verbose;
  config.max_pages = args.max_pages;
  config.max_pages_strict = args.max_pages_strict;
  config.time_limit_seconds = args.timeout_seconds;
  if (args.root && !std::filesystem::is_directory(*args.root)) {
    io.err("vitae: error: --root '" + *args.root + "' is not a folder\n");
    return 2;
  }
  // One build sets its sections and subsets its fonts on up to two threads (more gain
  // nothing on a CV's handful of sections; on one only while the PDF module loads on the
  // other core, see BuildConfig::module_needs_a_core); a batch runs one build per thread,
  // two threads per core: each build ends waiting for the disk (its PDF is flushed before
  // it is renamed into place), and meanwhile another build can use the core (100 variants
  // of the reference CV: 123 ms on four threads, 143 ms on two, on two cores). The threads start
  // before the PDF writer begins loading: a thread created during the load would wait for
  // the loader's lock (see model/workers.h).
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  unsigned threads = args.jobs ? args.jobs : args.many_outputs() ? 2 * cores : std::min(cores, 2u);
  Workers workers(threads);
  if (args.verbose && workers.threads() < threads)
    io.err("vitae: note: running on " + std::to_string(workers.threads()) + " of " + std::to_string(threads) +
           " threads: the system refused to start the others\n");
  // Then, so that the writer loads while the CVs are read and laid out (once per session).
  std::unique_ptr<BuildServices> own_services;
  std::unique_ptr<BuildServices>& services_made = session ? session->services : own_services;
  if (!services_made)
    services_made = std::make_unique<BuildServices>(!config.check_only && io.pdf_writer ? io.pdf_writer() : nullptr);
  const BuildServices& services = *services_made;
  if (auto e = io.getenv("SOURCE_DATE_EPOCH")) {
    int64_t v = 0;
    if (!parse_epoch(*e, &v)) {
      io.err("vitae: error: SOURCE_DATE_EPOCH is not a number of seconds: '" + *e + "'\n");
      return 2;
    }
    config.source_date_epoch = v;
  }
  config.now = current_time_seconds();
  Clock::time_point start = Clock::now();

  std::mutex read_mutex;
  std::set<std::string> read;  // with a session: every path the loaders asked for
  std::function<void(const std::string&)> record;
  if (session)
    record = [&](const std::string& path) {
      std::lock_guard<std::mutex> lock(read_mutex);
      read.insert(path);
    };
  const LoadOptions limits = load_options(args, record);
  std::vector<Input> inputs(args.inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) inputs[i].arg = args.inputs[i];
  run_tasks(&workers, inputs.size(), [&](std::size_t i) { read_input(inputs[i], io, limits); });

  std::vector<Job> jobs;
  bool failed = false;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::vector<Job> js = inputs[i].cv ? jobs_of(i, inputs[i], args) : std::vector<Job>{};
    if (js.empty()) {  // nothing to build: say why now, in input order
      Job none;
      none.input = i;
      none.error = std::exchange(inputs[i].error, {});
      print_job(none, inputs[i], io);
      failed = true;
    }
    for (Job& j : js) jobs.push_back(std::move(j));
  }
  failed |= refuse_shared_outputs(jobs, inputs, io);

  // Caches pay only when builds share their content; a single build goes without.
  std::unique_ptr<BuildCaches> caches;
  if (jobs.size() > 1) caches = std::make_unique<BuildCaches>();
  config.caches = caches.get();
  std::mutex print_mutex;
  std::vector<bool> done(jobs.size(), false);
  std::size_t next_to_print = 0;
  // A single build uses the threads inside itself; a batch gives each build one thread.
  config.workers = jobs.size() == 1 ? &workers : nullptr;
  // The build leaves the second core to the PDF module while it loads, unless the machine
  // has a core to spare for it.
  config.module_needs_a_core = cores <= workers.threads();
  run_tasks(jobs.size() == 1 ? nullptr : &workers, jobs.size(), [&](std::size_t i) {
    run_job(jobs[i], inputs[jobs[i].input], args, config, services, session, start);
    std::lock_guard<std::mutex> lock(print_mutex);  // printed in order, as soon as possible
    done[i] = true;
    for (; next_to_print < jobs.size() && done[next_to_print]; ++next_to_print)
      print_job(jobs[next_to_print], inputs[jobs[next_to_print].input], io);
  });
  for (const Job& j : jobs) failed |= !j.ok;
  if (session) record_run(*session, args, std::move(read), jobs);
  if (args.verbose && jobs.size() > 1)
    io.err("built " + std::to_string(jobs.size()) + " PDFs in " + fixed2(ms_since(start)) + " ms on " +
           std::to_string(workers.threads()) + " threads\n");
  if (failed) return 1;
  if (io.exit_early && writes_files(args)) io.exit_early(0);
  return 0;
}

}  // namespace vitae

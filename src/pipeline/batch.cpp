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
#include "pipeline/output.h"
#include "image/limits.h"
#include "load/load.h"
#include "model/workers.h"

namespace vitae {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// Reads a whole file, refusing directories and anything over `limit` bytes (read at most
// limit + 1 bytes so a huge or endless file costs nothing).
std::optional<std::string> read_input_file(const std::string& path, std::size_t limit, std::string* error) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return *error = std::strerror(errno), std::nullopt;
  if (S_ISDIR(st.st_mode)) return *error = "it is a directory", std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return *error = std::strerror(errno), std::nullopt;
  // The size from stat, capped: a file that grows while read, or reports no size (a pipe),
  // is still read only up to the limit.
  std::size_t want = S_ISREG(st.st_mode) ? std::min<std::size_t>(st.st_size, limit) + 1 : limit + 1;
  std::string text(want, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  std::size_t got = static_cast<std::size_t>(in.gcount());
  while (got == text.size() && got <= limit) {  // grew since stat: read on, to the limit
    text.resize(std::min(text.size() * 2, limit + 1));
    in.read(text.data() + got, static_cast<std::streamsize>(text.size() - got));
    got += static_cast<std::size_t>(in.gcount());
    if (in.gcount() == 0) break;
  }
  text.resize(got);
  return text;
}

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

/// One PDF to build: an input and a variant of it.
struct Job {
  std::size_t input = 0;
  std::string variant;
  std::string output;
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
    job.output = args.output ? *args.output : in.arg == "-" ? "-" : default_output(in.arg, v);
    if (args.depfile) job.depfile = *args.depfile;
    if (args.depfile_beside && job.output != "-") job.depfile = job.output + ".d";
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
    if (j.output == "-") {
      kept.push_back(std::move(j));
      continue;
    }
    std::string key = std::filesystem::absolute(j.output).lexically_normal().string();
    auto [it, fresh] = first.emplace(key, j.input);
    if (fresh) {
      kept.push_back(std::move(j));
      continue;
    }
    io.err("vitae: error: '" + j.output + "' would be written by two builds (of " + inputs[it->second].arg +
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

/// Builds one job and writes its files. Thread-safe across jobs.
void run_job(Job& job, const Input& in, const CliArgs& args, const BuildConfig& config, const BuildServices& services,
             const BuildSession* session, Clock::time_point run_start) {
  Clock::time_point start = Clock::now();
  std::optional<Document> doc = in.cv->document(job.variant, job.diags);
  if (!doc) return;
  if (!config.check_only && same_file(in.arg, job.output))
    return void(job.error = "vitae: error: the output '" + job.output + "' is the input file; refusing to overwrite it\n");
  double load_ms = config.timings ? ms_since(start) : 0;
  std::optional<BuildResult> result = build_loaded(*doc, config, services, job.diags);
  if (!result) return;
  result->times.load = load_ms;
  job.fonts = result->font_files;
  Clock::time_point write_start = Clock::now();
  if (args.dump) job.stdout_bytes = std::move(result->dump);
  if (!config.check_only) {
    std::string why;
    if (job.depfile) {
      // The rule first: if the PDF then fails, the old PDF stays older than its sources.
      std::vector<std::string> prereqs = in.cv->dependencies();
      if (doc->cv.photo_image) prereqs.push_back(doc->cv.photo_image->path);
      prereqs.insert(prereqs.end(), result->font_files.begin(), result->font_files.end());
      if (!write_file_atomically(*job.depfile, make_rule(job.output, prereqs), &why))
        return void(job.error = "vitae: error: " + why + "\n");
    }
    if (job.output == "-")
      job.stdout_bytes = std::move(result->pdf);
    else if (!write_file_atomically(job.output, result->pdf, &why))
      return void(job.error = "vitae: error: " + why + "\n");  // says "cannot write PATH: ..." itself
    else
      job.report = written_line(job.output, result->stats.pages, session, run_start);
  }
  if (args.verbose) job.report += times_line(result->times, ms_since(write_start));
  // What the fit changed: before the "wrote" line, or with the statistics under --stats.
  std::string fit;
  for (const std::string& line : result->fit_report) fit += line + '\n';
  if (!args.stats) job.report.insert(0, fit);
  else if (result->fit_layouts) job.report += format_stats(result->stats) + fit + "fit layouts: " + std::to_string(result->fit_layouts) + '\n';
  else job.report += format_stats(result->stats);
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

std::string default_output(const std::string& input, const std::string& variant) {
  std::size_t slash = input.find_last_of('/');
  std::size_t dot = input.find_last_of('.');
  std::size_t base = slash == std::string::npos ? 0 : slash + 1;
  std::string stem = dot == std::string::npos || dot <= base ? input : input.substr(0, dot);
  return stem + (variant.empty() ? "" : "-" + variant) + ".pdf";
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
  config.check_only = args.command == Command::Check || args.dump;
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
  // nothing on a CV's handful of sections); a batch runs one build per thread, two threads
  // per core: each build ends waiting for the disk (its PDF is flushed before it is renamed
  // into place), and meanwhile another build can use the core (100 variants of the
  // reference CV: 123 ms on four threads, 143 ms on two, on two cores). The threads start
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
  if (io.exit_early && !config.check_only) io.exit_early(0);
  return 0;
}

}  // namespace vitae

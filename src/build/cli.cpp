#include "build/cli.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

#include <thread>

#include "build/build.h"
#include "build/output.h"
#include "load/load.h"
#include "model/workers.h"
#include "build/atomic_file.h"

namespace vitae {

namespace {

constexpr const char* kUsage = "usage: vitae build INPUT [-o OUTPUT] [--stats] [--dump]\n"
                               "       vitae check INPUT\n"
                               "       vitae help [COMMAND] | --help | --version\n";

// Reads a whole file, refusing directories and anything over `limit` bytes (read at most
// limit + 1 bytes so a huge or endless file costs nothing).
std::optional<std::string> read_input_file(const std::string& path, std::size_t limit,
                                           std::string* error) {
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

// Default output: the input path with its extension replaced by .pdf, beside it.
std::string default_output(const std::string& input) {
  std::size_t slash = input.find_last_of('/');
  std::size_t dot = input.find_last_of('.');
  std::size_t base = slash == std::string::npos ? 0 : slash + 1;
  if (dot == std::string::npos || dot <= base) return input + ".pdf";
  return input.substr(0, dot) + ".pdf";
}

// Whether two paths name the same existing file (also through links or "./").
bool same_file(const std::string& a, const std::string& b) {
  if (a == "-" || b == "-") return false;
  struct stat sa {}, sb {};
  if (stat(a.c_str(), &sa) != 0 || stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int usage_error(const CliIo& io, const std::string& message) {
  io.err("vitae: error: " + message + "\n" + kUsage);
  return 2;
}

int run_build(const CliArgs& args, const CliIo& io) {
  BuildConfig config;
  config.check_only = args.command == Command::Check || args.dump;
  config.dump = args.dump;
  // One build: sections are set, and fonts subset, on up to two threads (more gain nothing
  // on a CV's handful of sections, and the PDF writer is loading on another). The helper
  // starts before the writer begins loading: a thread created during the load would wait
  // for the loader's lock (see model/workers.h).
  Workers workers(std::clamp(std::thread::hardware_concurrency(), 1u, 2u));
  config.workers = &workers;
  // Then, so that the writer loads while the CV is read and laid out.
  std::shared_ptr<const PdfWriterSource> pdf_writer;
  if (!config.check_only && io.pdf_writer) pdf_writer = io.pdf_writer();
  if (auto e = io.getenv("SOURCE_DATE_EPOCH")) {
    int64_t v = 0;
    if (!parse_epoch(*e, &v)) return usage_error(io, "SOURCE_DATE_EPOCH is not a number of seconds: '" + *e + "'");
    config.source_date_epoch = v;
  }
  config.now = current_time_seconds();

  SourceFile source;
  LoadOptions limits;
  if (args.input == "-") {
    source.path = "<stdin>";
    std::optional<std::string> text = io.read_stdin(limits.max_bytes + 1);
    if (!text) return io.err("vitae: error: cannot read standard input\n"), 1;
    source.text = std::move(*text);
  } else {
    source.path = args.input;
    std::string why;
    struct stat st {};
    if (stat(args.input.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        static_cast<std::size_t>(st.st_size) > limits.max_bytes) {
      // Said here, with the real size, before reading any of it.
      io.err(args.input + ": error: the file is " + std::to_string(st.st_size) + " bytes; the limit is " +
             std::to_string(limits.max_bytes) + " bytes\n  hint: a CV is a few kilobytes: is this the right file?\n");
      return 1;
    }
    std::optional<std::string> text = read_input_file(args.input, limits.max_bytes, &why);
    if (!text) return io.err("vitae: error: cannot read '" + args.input + "': " + why + "\n"), 1;
    source.text = std::move(*text);
  }

  if (source.text.size() > limits.max_bytes) {
    // Read up to one byte past the limit and no further (a pipe or a device may not end).
    io.err(source.path + ": error: the input is larger than the limit of " + std::to_string(limits.max_bytes) +
           " bytes\n  hint: a CV is a few kilobytes: is this the right file?\n");
    return 1;
  }
  std::string target = args.output ? *args.output : (args.input == "-" ? "-" : default_output(args.input));
  if (!config.check_only && !args.dump && same_file(args.input, target)) {
    io.err("vitae: error: the output '" + target + "' is the input file; refusing to overwrite it\n");
    return 1;
  }

  Diagnostics diags;
  BuildServices services(pdf_writer);
  std::optional<BuildResult> result = build_document(source, config, services, diags);
  io.err(format_diagnostics(diags, {&source}));
  if (!result) return 1;
  if (args.stats) io.err(format_stats(result->stats));
  if (args.dump) {
    io.out(result->dump);
    return 0;
  }
  if (config.check_only) return 0;

  if (target == "-") {
    io.out(result->pdf);
  } else if (std::string why; !write_file_atomically(target, result->pdf, &why)) {
    io.err("vitae: error: " + why + "\n");  // says "cannot write PATH: ..." itself
    return 1;
  }
  if (io.exit_early) io.exit_early(0);
  return 0;
}

}  // namespace

std::string help_text(std::string_view topic) {
  if (topic == "build")
    return "usage: vitae build INPUT [-o OUTPUT] [--stats] [--dump]\n\n"
           "Typesets the CV in INPUT (YAML or JSON) into a PDF.\n\n"
           "  INPUT          the CV file; '-' reads standard input\n"
           "  -o, --output   where to write the PDF; '-' writes it to standard output.\n"
           "                 Default: INPUT with its extension replaced by .pdf\n"
           "                 (standard output when INPUT is '-')\n"
           "  --stats        print typesetting statistics (lines, adjustment ratios, ...)\n"
           "  --dump         print the laid-out pages as text (glyph runs, positions,\n"
           "                 rules, links) instead of writing a PDF\n\n"
           "The PDF is written to a temporary file and renamed into place: a failed build\n"
           "leaves an existing PDF untouched. SOURCE_DATE_EPOCH, when set, fixes every date.\n";
  if (topic == "check")
    return "usage: vitae check INPUT\n\n"
           "Validates and lays out the CV in INPUT and prints every problem a build would\n"
           "report (errors and warnings); writes nothing.\n";
  if (topic == "help") return "usage: vitae help [COMMAND]\n\nShows help for a command.\n";
  if (topic == "version") return "usage: vitae --version\n\nPrints the version.\n";
  return std::string("vitae: typeset PDF resumes from YAML.\n\n") + kUsage +
         "\ncommands:\n"
         "  build    typeset a CV into a PDF\n"
         "  check    validate a CV without writing anything\n"
         "  help     show help for a command\n\n"
         "exit status: 0 success (warnings allowed), 1 errors in the input, 2 bad usage\n";
}

int run_cli(const std::vector<std::string>& argv, const CliIo& io) {
  std::string error;
  std::optional<CliArgs> args = parse_cli_args(argv, &error);
  if (!args) return usage_error(io, error);
  switch (args->command) {
    case Command::Help: io.out(help_text(args->help_topic)); return 0;
    case Command::Version: io.out("vitae " VITAE_VERSION "\n"); return 0;
    case Command::Build:
    case Command::Check: return run_build(*args, io);
  }
  return 2;
}

}  // namespace vitae

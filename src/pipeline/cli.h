// The command line: argument parsing and the top-level commands, with all I/O injected so
// tests can run it in-process. src/cli/main.cpp only forwards to run_cli.
#pragma once

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/pdf_source.h"

namespace vitae {


/// What `vitae build --format` writes: the PDF, the CV as plain text, as Markdown.
enum class OutputFormat { Pdf, Text, Markdown };

/// The file name extension of a format, without the dot: "pdf", "txt", "md".
const char* format_extension(OutputFormat format);
/// The file of format `f` when -o names `output` and --format asks for several: -o names the
/// file of one of them (out.pdf), and each is -o with that extension replaced by its own
/// (out.txt, out.md). Nothing when `output` ends in none of the formats' extensions.
std::optional<std::string> output_for_format(const std::string& output, const std::vector<OutputFormat>& formats,
                                             OutputFormat f);
/// How long one build may take before it is stopped (--timeout): a CV builds in
/// milliseconds, so only a runaway build (a hostile or generated input) comes near it.
inline constexpr double kDefaultTimeoutSeconds = 60;
/// The largest --timeout accepted: an hour.
inline constexpr double kMaxTimeoutSeconds = 3600;

enum class Command { Build, Check, Watch, New, Convert, Layouts, Fonts, Schema, Completions, Help, Version };

/// What the user asked for on the command line.
struct CliArgs {
  Command command = Command::Help;
  std::vector<std::string> inputs;    ///< "-" for standard input
  std::optional<std::string> output;  ///< -o; "-" for standard output (one build only)
  std::string help_topic;             ///< for `vitae help COMMAND`
  bool stats = false;
  bool dump = false;  ///< print the page dump instead of writing a PDF
  std::optional<std::string> variant;  ///< --variant NAME
  bool all_variants = false;           ///< --all-variants
  std::vector<std::string> sets;       ///< --set KEY=VALUE, in order
  unsigned jobs = 0;                   ///< -j N; 0: one thread per core
  bool verbose = false;                ///< -v: timings per stage
  std::optional<std::string> depfile;  ///< --depfile FILE (one build only)
  bool depfile_beside = false;         ///< -MD: OUTPUT.d beside each PDF
  std::optional<int> max_pages;        ///< --max-pages N: wins over settings.max_pages
  bool max_pages_strict = false;       ///< --max-pages-strict: not fitting is an error
  bool usage_error_on_empty = false;   ///< plain `vitae`: usage on stderr, exit 2
  std::optional<std::string> layout;   ///< `vitae new --layout NAME`
  /// --format pdf,txt,md: what each build writes, in the order given, each once.
  std::vector<OutputFormat> formats = {OutputFormat::Pdf};

  bool wants(OutputFormat f) const { return std::find(formats.begin(), formats.end(), f) != formats.end(); }
  std::optional<std::string> root;     ///< --root DIR: where files named in a CV must lie
  double timeout_seconds = kDefaultTimeoutSeconds;  ///< --timeout SECONDS: each build's limit

  /// Whether more than one PDF may come out (several inputs, or every variant).
  bool many_outputs() const { return inputs.size() > 1 || all_variants; }
};

/// Parses argv (without the program name). Returns nothing and sets `error` on bad usage.
std::optional<CliArgs> parse_cli_args(const std::vector<std::string>& args, std::string* error);

/// The outside world as the CLI sees it.
struct CliIo {
  std::function<void(std::string_view)> out;  ///< standard output (PDF bytes with -o -)
  std::function<void(std::string_view)> err;  ///< standard error (diagnostics, help on misuse)
  /// Reads standard input, at most `max_bytes` bytes (more is never read: a pipe may be
  /// endless). Nothing on failure.
  std::function<std::optional<std::string>(std::size_t max_bytes)> read_stdin;
  std::function<std::optional<std::string>(const char*)> getenv;
  /// Starts getting the PDF writer; called once, as early as possible, by a build that will
  /// write a PDF (the program loads its module in the background: build/pdf_source.h).
  std::function<std::shared_ptr<const PdfWriterSource>()> pdf_writer;
  /// When set, called with exit code 0 as soon as a build's PDF is complete (renamed into
  /// place, or all sent to standard output). The program ends the process there, without
  /// freeing what the build made: the kernel reclaims a process's memory anyway, and freeing
  /// the fonts and joining the helper threads cost 0.4 ms of every build (as clang's
  /// -disable-free, docs/performance.md). Unset (tests, embedding), run_cli returns as usual.
  std::function<void(int code)> exit_early;
};

/// Runs vitae with the given arguments. Exit codes: 0 success (warnings allowed),
/// 1 the input has errors (or output could not be written), 2 bad usage.
int run_cli(const std::vector<std::string>& args, const CliIo& io);

/// The text of `vitae --help` or `vitae help COMMAND` (empty topic: general help).
std::string help_text(std::string_view topic);

}  // namespace vitae

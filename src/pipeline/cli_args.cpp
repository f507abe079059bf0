#include <algorithm>
#include <charconv>
#include <string>

#include "pipeline/cli.h"
#include "vitae/model.h"

namespace vitae {

namespace {

std::optional<Command> command_named(const std::string& word) {
  if (word == "build") return Command::Build;
  if (word == "check") return Command::Check;
  if (word == "watch") return Command::Watch;
  if (word == "layouts") return Command::Layouts;
  if (word == "new") return Command::New;
  if (word == "convert") return Command::Convert;
  if (word == "fonts") return Command::Fonts;
  if (word == "completions") return Command::Completions;
  if (word == "schema") return Command::Schema;
  if (word == "help") return Command::Help;
  if (word == "version") return Command::Version;
  return std::nullopt;
}

// The value of option `a` at args[i]: "--opt VALUE" (advancing i) or "--opt=VALUE".
std::optional<std::string> option_value(const std::vector<std::string>& args, size_t& i, const std::string& name,
                                        std::string* error) {
  const std::string& a = args[i];
  if (a == name) {
    if (i + 1 >= args.size()) return *error = "'" + name + "' needs a value", std::nullopt;
    return args[++i];
  }
  return a.substr(name.size() + 1);
}

bool is_option(const std::string& a, const std::string& name) {
  return a == name || a.rfind(name + "=", 0) == 0;
}

bool parse_jobs(const std::string& v, unsigned* out, std::string* error) {
  unsigned n = 0;
  auto r = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || r.ec != std::errc() || r.ptr != v.data() + v.size() || n == 0 || n > 1024)
    return *error = "-j needs a number of threads from 1 to 1024, found '" + v + "'", false;
  *out = n;
  return true;
}

// "pdf,txt,md": each format once, in the order given.
bool parse_formats(const std::string& v, std::vector<OutputFormat>* out, std::string* error) {
  out->clear();
  std::size_t start = 0;
  while (start <= v.size()) {
    std::size_t comma = std::min(v.find(',', start), v.size());
    const std::string name = v.substr(start, comma - start);
    std::optional<OutputFormat> f;
    for (OutputFormat known : {OutputFormat::Pdf, OutputFormat::Text, OutputFormat::Markdown})
      if (name == format_extension(known)) f = known;
    if (!f) return *error = "unknown format '" + name + "' in --format (pdf, txt, md, separated by commas)", false;
    if (std::find(out->begin(), out->end(), *f) == out->end()) out->push_back(*f);
    start = comma + 1;
  }
  return true;
}

bool parse_max_pages(const std::string& v, std::optional<int>* out, std::string* error) {
  int n = 0;
  auto r = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || r.ec != std::errc() || r.ptr != v.data() + v.size() || n < 1 || n > kMaxPagesLimit)
    return *error = "--max-pages needs a number of pages from 1 to " + std::to_string(kMaxPagesLimit) + ", found '" + v + "'",
           false;
  *out = n;
  return true;
}

bool parse_timeout(const std::string& v, double* out, std::string* error) {
  double s = 0;
  auto r = std::from_chars(v.data(), v.data() + v.size(), s);
  if (v.empty() || r.ec != std::errc() || r.ptr != v.data() + v.size() || !(s > 0) || s > kMaxTimeoutSeconds)
    return *error = "--timeout needs a number of seconds above 0, at most " + std::to_string(int(kMaxTimeoutSeconds)) +
                    ", found '" + v + "'",
           false;
  *out = s;
  return true;
}

// One option of `build`, `check`, `watch` and `fonts` at args[i]; false with `error` set
// when it is not one.
bool parse_option(const std::vector<std::string>& args, size_t& i, CliArgs& out, std::string* error) {
  const std::string& a = args[i];
  // `vitae fonts INPUT` resolves one document: only what chooses it applies.
  if (out.command == Command::Fonts && !is_option(a, "--variant") && !is_option(a, "--set"))
    return *error = "'vitae fonts' takes an input, --variant and --set; found '" + a + "'", false;
  bool build = out.command == Command::Build || out.command == Command::Watch;
  if ((a == "-o" || is_option(a, "--output")) && !build)
    return *error = "'" + a + "' is only for 'vitae build' and 'vitae watch'", false;
  if (a == "-o") {
    if (i + 1 >= args.size()) return *error = "'-o' needs a file name", false;
    out.output = args[++i];
  } else if (is_option(a, "--output")) {
    auto v = option_value(args, i, "--output", error);
    if (!v) return false;
    out.output = *v;
  } else if (a == "--stats") {
    out.stats = true;
  } else if (a == "--dump" && out.command == Command::Build) {
    out.dump = true;
  } else if (is_option(a, "--variant")) {
    auto v = option_value(args, i, "--variant", error);
    if (!v) return false;
    out.variant = *v;
  } else if (a == "--all-variants") {
    out.all_variants = true;
  } else if (is_option(a, "--set")) {
    auto v = option_value(args, i, "--set", error);
    if (!v) return false;
    if (v->find('=') == std::string::npos)
      return *error = "--set needs KEY=VALUE, as in --set design.page.size=us-letter; found '" + *v + "'", false;
    out.sets.push_back(*v);
  } else if (a == "-j" || is_option(a, "--jobs") || (a.rfind("-j", 0) == 0 && a.size() > 2)) {
    std::optional<std::string> v = a.rfind("-j", 0) == 0 && a.size() > 2 ? a.substr(2)
                                   : a == "-j" ? option_value(args, i, "-j", error)
                                               : option_value(args, i, "--jobs", error);
    if (!v || !parse_jobs(*v, &out.jobs, error)) return false;
  } else if (a == "--max-pages-strict") {
    out.max_pages_strict = true;
  } else if (is_option(a, "--max-pages")) {
    auto v = option_value(args, i, "--max-pages", error);
    if (!v || !parse_max_pages(*v, &out.max_pages, error)) return false;
  } else if (a == "-v" || a == "--verbose") {
    out.verbose = true;
  } else if (is_option(a, "--depfile") && build) {
    auto v = option_value(args, i, "--depfile", error);
    if (!v) return false;
    out.depfile = *v;
  } else if (a == "-MD" && build) {
    out.depfile_beside = true;
  } else if (is_option(a, "--format") && build) {
    auto v = option_value(args, i, "--format", error);
    if (!v || !parse_formats(*v, &out.formats, error)) return false;
  } else if (is_option(a, "--root")) {
    auto v = option_value(args, i, "--root", error);
    if (!v) return false;
    if (v->empty()) return *error = "--root needs a folder", false;
    out.root = *v;
  } else if (is_option(a, "--timeout")) {
    auto v = option_value(args, i, "--timeout", error);
    if (!v || !parse_timeout(*v, &out.timeout_seconds, error)) return false;
  } else {
    return *error = "unknown option '" + a + "'", false;
  }
  return true;
}

// What several outputs rule out.
bool check_combination(const CliArgs& out, std::string* error) {
  if (out.inputs.empty()) return *error = "no input file given", false;
  if (out.variant && out.all_variants) return *error = "'--variant' and '--all-variants' ask for different builds", false;
  int stdin_inputs = static_cast<int>(std::count(out.inputs.begin(), out.inputs.end(), "-"));
  if (stdin_inputs > 1) return *error = "standard input ('-') can be read only once", false;
  bool to_stdout = out.output ? *out.output == "-" : stdin_inputs > 0;
  if ((out.depfile || out.depfile_beside) && to_stdout && !out.many_outputs())
    return *error = "a make rule needs a PDF file as its target, but the PDF goes to standard output", false;
  if (out.formats.size() > 1 && to_stdout) return *error = "standard output can take one --format, not several", false;
  if (out.formats.size() > 1 && out.output && !output_for_format(*out.output, out.formats, out.formats[0]))
    return *error = "-o names one file, but --format asks for " + std::to_string(out.formats.size()) +
                    ": name the file of one of them (-o out." + format_extension(out.formats[0]) +
                    "), and the others are written beside it with their own extensions", false;
  if (out.dump && out.formats != std::vector<OutputFormat>{OutputFormat::Pdf})
    return *error = "--dump prints the laid-out pages instead of writing files; it takes no --format", false;
  if (out.many_outputs()) {
    std::string why = out.all_variants ? "--all-variants builds every variant" : "several inputs are given";
    if (out.output) return *error = "-o names one PDF, but " + why + " (each PDF is written beside its source)", false;
    if (out.depfile) return *error = "--depfile names one file, but " + why + " (use -MD for one beside each PDF)", false;
    if (out.dump) return *error = "--dump prints one build, but " + why, false;
    if (stdin_inputs && out.all_variants) return *error = "--all-variants needs a file to name the PDFs after, not '-'", false;
  }
  if (out.command == Command::Watch && (stdin_inputs || to_stdout))
    return *error = "'vitae watch' rebuilds when files change: it needs a CV file and a PDF file, not '-'", false;
  return true;
}

// Parses the arguments after the command word of `build` and `check`.
bool parse_input_args(const std::vector<std::string>& args, size_t i, CliArgs& out, std::string* error) {
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.size() > 1 && a[0] == '-') {
      if (!parse_option(args, i, out, error)) return false;
    } else {
      out.inputs.push_back(a);
    }
  }
  return check_combination(out, error);
}

}  // namespace

/// `vitae new "Full Name" [--layout NAME] [-o FILE]`.
std::optional<CliArgs> parse_new_args(const std::vector<std::string>& args, CliArgs& out, std::string* error) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--layout" || a == "-o" || a == "--output") {
      if (i + 1 >= args.size()) return *error = a + " needs a value", std::nullopt;
      (a == "--layout" ? out.layout : out.output) = args[++i];
    } else if (!a.empty() && a[0] == '-') {
      return *error = "unknown option '" + a + "' for 'vitae new'", std::nullopt;
    } else if (out.inputs.empty()) {
      out.inputs.push_back(a);
    } else {
      return *error = "'vitae new' takes one name (quote it: vitae new \"Ada Lovelace\")", std::nullopt;
    }
  }
  if (out.inputs.empty() || out.inputs[0].empty()) return *error = "'vitae new' needs the CV's full name", std::nullopt;
  return out;
}

/// `vitae convert INPUT [-o OUTPUT]`.
std::optional<CliArgs> parse_convert_args(const std::vector<std::string>& args, CliArgs& out, std::string* error) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-o" || a == "--output") {
      if (i + 1 >= args.size()) return *error = a + " needs a value", std::nullopt;
      out.output = args[++i];
    } else if (a.size() > 1 && a[0] == '-') {
      return *error = "unknown option '" + a + "' for 'vitae convert'", std::nullopt;
    } else if (out.inputs.empty()) {
      out.inputs.push_back(a);
    } else {
      return *error = "'vitae convert' takes one file", std::nullopt;
    }
  }
  if (out.inputs.empty()) return *error = "'vitae convert' needs a JSON Resume file", std::nullopt;
  return out;
}

std::optional<std::string> output_for_format(const std::string& output, const std::vector<OutputFormat>& formats,
                                             OutputFormat f) {
  for (OutputFormat g : formats) {
    const std::string ext = std::string(".") + format_extension(g);
    const std::size_t stem = output.size() - std::min(output.size(), ext.size());
    // A name, not only an extension: "out.pdf" and "dir/out.pdf", never ".pdf" or "dir/.pdf".
    if (stem > 0 && output[stem - 1] != '/' && output.compare(stem, ext.size(), ext) == 0)
      return output.substr(0, stem) + "." + format_extension(f);
  }
  return std::nullopt;
}

const char* format_extension(OutputFormat format) {
  switch (format) {
    case OutputFormat::Text: return "txt";
    case OutputFormat::Markdown: return "md";
    case OutputFormat::Pdf: break;
  }
  return "pdf";
}

std::optional<CliArgs> parse_cli_args(const std::vector<std::string>& args, std::string* error) {
  CliArgs out;
  if (args.empty()) {  // plain `vitae`: bad usage, as the README's table says
    out.usage_error_on_empty = true;
    return out;
  }
  const std::string& first = args[0];
  if (first == "--help" || first == "-h") return out;
  if (first == "--version" || first == "-V") {
    out.command = Command::Version;
    return out;
  }
  std::optional<Command> cmd = command_named(first);
  if (!cmd) {
    *error = "unknown command '" + first + "'";
    return std::nullopt;
  }
  out.command = *cmd;
  if (*cmd == Command::Help) {
    if (args.size() > 2) return *error = "'vitae help' takes one command name", std::nullopt;
    if (args.size() == 2) {
      if (!command_named(args[1])) return *error = "no help for unknown command '" + args[1] + "'", std::nullopt;
      out.help_topic = args[1];
    }
    return out;
  }
  if (*cmd == Command::Version) return out;
  // `vitae COMMAND ... --help` anywhere: that command's help.
  for (const std::string& a : args)
    if (a == "--help" || a == "-h") {
      out.help_topic = first;
      out.command = Command::Help;
      return out;
    }
  if (*cmd == Command::New) return parse_new_args(args, out, error);
  if (*cmd == Command::Convert) return parse_convert_args(args, out, error);
  if (*cmd == Command::Completions) {
    if (args.size() != 2) return *error = "'vitae completions' takes one shell: bash, zsh or fish", std::nullopt;
    out.inputs.push_back(args[1]);
    return out;
  }
  if (*cmd == Command::Fonts && args.size() > 1) {
    if (!parse_input_args(args, 1, out, error)) return std::nullopt;
    if (out.inputs.size() != 1) return *error = "'vitae fonts' takes one CV", std::nullopt;
    return out;
  }
  if (*cmd == Command::Layouts || *cmd == Command::Schema || *cmd == Command::Fonts) {
    if (args.size() > 1) return *error = "'vitae " + first + "' takes no arguments", std::nullopt;
    return out;
  }
  if (!parse_input_args(args, 1, out, error)) return std::nullopt;
  return out;
}

}  // namespace vitae

#include <string>

#include "build/cli.h"

namespace vitae {

namespace {

std::optional<Command> command_named(const std::string& word) {
  if (word == "build") return Command::Build;
  if (word == "check") return Command::Check;
  if (word == "help") return Command::Help;
  if (word == "version") return Command::Version;
  return std::nullopt;
}

// Parses the arguments after the command word of `build` and `check`.
bool parse_input_args(const std::vector<std::string>& args, size_t i, CliArgs& out,
                      std::string* error) {
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-o" || a == "--output") {
      if (out.command != Command::Build) return *error = "'" + a + "' is only for 'vitae build'", false;
      if (i + 1 >= args.size()) return *error = "'" + a + "' needs a file name", false;
      out.output = args[++i];
    } else if (a.rfind("--output=", 0) == 0 && out.command == Command::Build) {
      out.output = a.substr(9);
    } else if (a == "--stats") {
      out.stats = true;
    } else if (a == "--dump" && out.command == Command::Build) {
      out.dump = true;
    } else if (a.size() > 1 && a[0] == '-') {
      return *error = "unknown option '" + a + "'", false;
    } else if (out.input.empty()) {
      out.input = a;
    } else {
      return *error = "more than one input file ('" + out.input + "' and '" + a + "')", false;
    }
  }
  if (out.input.empty()) return *error = "no input file given", false;
  return true;
}

}  // namespace

std::optional<CliArgs> parse_cli_args(const std::vector<std::string>& args, std::string* error) {
  CliArgs out;
  if (args.empty()) return out;  // plain `vitae`: general help
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
  for (const std::string& a : args)
    if (a == "--help" || a == "-h") {
      out.help_topic = first;
      out.command = Command::Help;
      return out;
    }
  if (!parse_input_args(args, 1, out, error)) return std::nullopt;
  return out;
}

}  // namespace vitae

// vitae's entry point: forwards to run_cli with the real standard streams and environment.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "build/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  vitae::CliIo io;
  io.out = [](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); };
  io.err = [](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stderr); };
  io.read_stdin = []() -> std::optional<std::string> {
    std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    if (std::cin.bad()) return std::nullopt;
    return text;
  };
  io.getenv = [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
  };
  int code = vitae::run_cli(args, io);
  if (std::fflush(stdout) != 0) return 1;
  return code;
}

// vitae's entry point: forwards to run_cli with the real standard streams and environment.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/heap.h"
#include "pipeline/cli.h"

int main(int argc, char** argv) {
  vitae::set_up_heap();  // before the first large block (cli/heap.cpp)
  std::vector<std::string> args(argv + 1, argv + argc);
  vitae::CliIo io;
  io.out = [](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); };
  io.err = [](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stderr); };
  io.read_stdin = [](std::size_t max_bytes) -> std::optional<std::string> {
    std::string text;
    char buf[65536];
    while (text.size() < max_bytes) {
      std::size_t n = std::fread(buf, 1, std::min(sizeof buf, max_bytes - text.size()), stdin);
      text.append(buf, n);
      if (n == 0) break;
    }
    if (std::ferror(stdin)) return std::nullopt;
    return text;
  };
  io.getenv = [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
  };
  io.pdf_writer = [] { return vitae::load_pdf_module(vitae::pdf_module_for_program()); };
#ifndef VITAE_SANITIZE_BUILD  // LeakSanitizer checks at a normal exit: let it
  io.exit_early = [](int code) {
    const bool flushed = std::fflush(stdout) == 0;
    std::fflush(stderr);
    std::_Exit(flushed ? code : 1);
  };
#endif
  int code = vitae::run_cli(args, io);
  if (std::fflush(stdout) != 0) return 1;
  return code;
}

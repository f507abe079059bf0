// Running the command line in-process with captured streams, and files for it: shared by
// the tests of tests/cli.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <sstream>

#include "pipeline/cli.h"
#include "pdf_module/linked.h"

namespace vitae {

namespace fs = std::filesystem;

struct CliRun {
  int code = 0;
  std::string out, err;
};

/// `exit_early`, when given, becomes CliIo::exit_early and sees the run so far.
inline CliRun run(std::vector<std::string> args, std::string stdin_text = {}, std::map<std::string, std::string> env = {},
           std::function<void(int, const CliRun&)> exit_early = {}) {
  CliRun r;
  CliIo io;
  if (exit_early) io.exit_early = [&](int code) { exit_early(code, r); };
  io.out = [&](std::string_view s) { r.out += s; };
  io.err = [&](std::string_view s) { r.err += s; };
  io.read_stdin = [&](std::size_t max) -> std::optional<std::string> { return stdin_text.substr(0, max); };
  io.getenv = [&](const char* name) -> std::optional<std::string> {
    auto it = env.find(name);
    return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  io.pdf_writer = [] {
    return linked_pdf_writer(&write_prepared_pdf);
  };
  r.code = run_cli(args, io);
  return r;
}

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class CliFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("vitae-cli-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                       "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
  }
  fs::path dir;
};

}  // namespace vitae

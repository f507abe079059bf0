// The vitae program with a malloc preloaded (LD_PRELOAD), as jemalloc or tcmalloc are in
// some setups. The PDF module must then bind to the preloaded malloc like the program does
// (build/pdf_source.cpp loads it with RTLD_DEEPBIND only when nothing is preloaded), or
// the PDF bytes it hands back would come from another allocator than the one that frees
// them. strict_malloc (tests/support) aborts on any such free.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <sstream>
#include <string>
#include <vector>

#include "../support/files.h"
#include "pipeline/pdf_source.h"

extern char** environ;

namespace vitae {
namespace {

using test_support::read_bytes;
using test_support::TempDir;

/// Runs `vitae build` on the reference CV into `out` with `extra_env` added; the exit
/// status as from waitpid. Standard error goes to `err_file` when one is named.
int run_vitae(const std::string& out, const std::vector<std::string>& extra_env,
              const std::string& err_file = {}) {
  std::vector<std::string> env_strings = extra_env;
  for (char** e = environ; *e; ++e) {
    std::string_view var(*e);
    if (!var.starts_with("LD_PRELOAD=")) env_strings.emplace_back(var);
  }
  std::vector<char*> envp;
  for (std::string& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::string cv = std::string(VITAE_SOURCE_DIR) + "/data/examples/wei-wen.yaml";
  std::vector<std::string> args = {VITAE_BINARY, "build", cv, "-o", out};
  std::vector<char*> argv;
  for (std::string& s : args) argv.push_back(s.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!err_file.empty())
    posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid;
  const int spawned = posix_spawn(&pid, VITAE_BINARY, &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

/// The first object of the first lookup scope of the PDF module, from the dynamic loader's
/// own account (LD_DEBUG=scopes): the module itself when it was opened with RTLD_DEEPBIND,
/// the program when it was not. Empty when the account has no such line.
std::string first_in_module_scope(const std::string& loader_log) {
  std::istringstream in(loader_log);
  bool in_module = false;
  for (std::string line; std::getline(in, line);) {
    if (line.find("object=") != std::string::npos)
      in_module = line.find(std::string("/") + kPdfModuleFile) != std::string::npos;
    const auto scope = line.find("scope 0: ");
    if (in_module && scope != std::string::npos) {
      std::istringstream objects(line.substr(scope + 9));
      std::string first;
      objects >> first;
      return first;
    }
  }
  return {};
}

TEST(Preload, APreloadedMallocServesTheModuleTooAndTheBytesAreTheSame) {
#ifdef VITAE_SANITIZE_BUILD
  GTEST_SKIP() << "the sanitizers' runtime must come first; no other malloc can be preloaded";
#endif
  TempDir dir;
  const std::string plain = dir.file("plain.pdf"), preloaded = dir.file("preloaded.pdf");
  ASSERT_EQ(run_vitae(plain, {}), 0);
  int status = run_vitae(preloaded, {std::string("LD_PRELOAD=") + VITAE_STRICT_MALLOC});
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  ASSERT_EQ(WEXITSTATUS(status), 0);
  const std::string pdf = read_bytes(preloaded);
  EXPECT_EQ(pdf.rfind("%PDF-1.7", 0), 0u);
  EXPECT_EQ(pdf, read_bytes(plain));  // the allocator leaves no trace in the output
}

// The fast path: with nothing preloaded, the module looks its symbols up among its own
// libraries first (RTLD_DEEPBIND, build/pdf_source.cpp); with a preloaded malloc, in the
// program's scope first, as every library of the process does.
TEST(Preload, TheModuleBindsDeepOnlyWhenNothingIsPreloaded) {
#ifdef VITAE_SANITIZE_BUILD
  GTEST_SKIP() << "sanitizer builds never bind deep";
#endif
  TempDir dir;
  const std::string log = dir.file("loader.log");
  ASSERT_EQ(run_vitae(dir.file("a.pdf"), {"LD_DEBUG=scopes"}, log), 0);
  EXPECT_TRUE(first_in_module_scope(read_bytes(log)).ends_with(std::string("/") + kPdfModuleFile))
      << read_bytes(log).substr(0, 2000);
  ASSERT_EQ(run_vitae(dir.file("b.pdf"), {"LD_DEBUG=scopes", std::string("LD_PRELOAD=") + VITAE_STRICT_MALLOC}, log), 0);
  EXPECT_TRUE(first_in_module_scope(read_bytes(log)).ends_with("/vitae")) << read_bytes(log).substr(0, 2000);
}

}  // namespace
}  // namespace vitae

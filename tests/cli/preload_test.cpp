// The vitae program with a malloc preloaded (LD_PRELOAD), as jemalloc or tcmalloc are in
// some setups. The PDF module must then bind to the preloaded malloc like the program does
// (build/pdf_source.cpp loads it with RTLD_DEEPBIND only when nothing is preloaded), or
// the PDF bytes it hands back would come from another allocator than the one that frees
// them. strict_malloc (tests/support) aborts on any such free.
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>

#include <string>
#include <vector>

#include "../support/files.h"

extern char** environ;

namespace vitae {
namespace {

using test_support::read_bytes;
using test_support::TempDir;

/// Runs `vitae build` on the reference CV into `out` with `extra_env` added; the exit
/// status as from waitpid.
int run_vitae(const std::string& out, const std::vector<std::string>& extra_env) {
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
  pid_t pid;
  if (posix_spawn(&pid, VITAE_BINARY, nullptr, nullptr, argv.data(), envp.data()) != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
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

}  // namespace
}  // namespace vitae

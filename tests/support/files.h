// Files for tests: a temporary directory removed afterwards, and whole-file reads/writes.
#pragma once

#include <gtest/gtest.h>

#include <stdlib.h>

#include <cstdlib>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace vitae::test_support {

/// A fresh directory under the test temp dir, removed (with everything in it, whatever
/// its permissions) by the destructor.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::path(testing::TempDir()) / "vitae-test-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path / name).string(); }
};

inline void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

/// RenderCV's example CVs, ATS corpus and reference PDFs, kept in the repository
/// (tests/compat/rendercv, MIT, see its README). The tests that read it find it on every
/// clone; should it be gone, they skip visibly, and fail when CI is set.
inline std::filesystem::path corpus_dir() {
  return std::filesystem::path(VITAE_SOURCE_DIR) / "tests" / "compat" / "rendercv";
}

}  // namespace vitae::test_support

/// Ends the test when `path` (part of the corpus) is absent: a failure under CI, where a
/// green run must mean the corpus was checked, else a skip that names the path.
#define VITAE_REQUIRE_CORPUS(path)                                                   \
  do {                                                                               \
    if (!std::filesystem::exists(path)) {                                            \
      if (std::getenv("CI")) FAIL() << (path).string() << " is absent (CI is set)";  \
      GTEST_SKIP() << (path).string() << " is absent (the RenderCV corpus)";         \
    }                                                                                \
  } while (0)

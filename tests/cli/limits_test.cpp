// The command line's limits and file access (docs/reliability.md): --timeout stops a build
// with an error and no PDF, --root sets where the files a CV names may lie, and `vitae
// watch` refuses what it cannot watch. The watch itself runs in tests/scripts/test_watch.py.
#include <gtest/gtest.h>

#include "cli_run.h"

namespace vitae {
namespace {

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

/// A CV long enough to take far more than a millisecond to build anywhere.
std::string long_cv() {
  std::string y = "cv:\n  name: Ada Lovelace\n  sections:\n    experience:\n";
  for (int i = 0; i < 150; ++i)
    y += "      - company: Company " + std::to_string(i) +
         "\n        position: Engineer\n        highlights:\n"
         "          - Built a compiler pass that removed dead stores across basic blocks in a large codebase.\n";
  return y;
}

TEST_F(CliFiles, ABuildPastItsTimeLimitStopsWithAnErrorAndWritesNothing) {
  fs::path cv = write("cv.yaml", long_cv());
  CliRun r = run({"build", cv.string(), "--timeout", "0.001"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(has(r.err, cv.string() + ": error: build stopped after 0.001 s (limit: --timeout 0.001)\n")) << r.err;
  EXPECT_TRUE(has(r.err, "hint: a CV builds in well under a second")) << r.err;
  EXPECT_FALSE(fs::exists(dir / "cv.pdf"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);  // no temporary file
  // The default limit leaves it alone.
  CliRun ok = run({"build", cv.string()});
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_TRUE(fs::exists(dir / "cv.pdf"));
}

TEST(Cli, TimeoutMustBeAPositiveNumberOfSeconds) {
  for (const char* bad : {"0", "-1", "abc", "", "3601", "1s"}) {
    CliRun r = run({"check", "cv.yaml", "--timeout", bad});
    EXPECT_EQ(r.code, 2) << bad;
    EXPECT_TRUE(has(r.err, "--timeout needs a number of seconds above 0, at most 3600")) << r.err;
  }
  EXPECT_EQ(kDefaultTimeoutSeconds, 60);
}

TEST_F(CliFiles, RootOptionSetsWhereNamedFilesMayLie) {
  fs::create_directories(dir / "apps");
  write("cv.yaml", "cv:\n  name: Ada Lovelace\n");
  fs::path app = write("apps/acme.yaml", "extends: ../cv.yaml\ncv:\n  headline: Acme\n");
  CliRun confined = run({"check", app.string()});
  EXPECT_EQ(confined.code, 1);
  EXPECT_TRUE(has(confined.err, app.string() + ":1:10: error: '")) << confined.err;
  EXPECT_TRUE(has(confined.err, "is outside the project root " + fs::canonical(dir / "apps").string())) << confined.err;
  EXPECT_TRUE(has(confined.err, "--root DIR sets another root")) << confined.err;
  EXPECT_EQ(run({"check", app.string(), "--root", dir.string()}).code, 0);
  EXPECT_EQ(run({"check", app.string(), "--root=" + dir.string()}).code, 0);
  CliRun missing = run({"check", app.string(), "--root", (dir / "nowhere").string()});
  EXPECT_EQ(missing.code, 2);
  EXPECT_TRUE(has(missing.err, "vitae: error: --root '" + (dir / "nowhere").string() + "' is not a folder")) << missing.err;
}

TEST_F(CliFiles, OutputAndCommandLineFilesAreNotConfined) {
  fs::create_directories(dir / "proj");
  fs::path cv = write("proj/cv.yaml", "cv:\n  name: Ada Lovelace\n");
  // -o outside the CV's folder and the project: the user chose it.
  CliRun r = run({"build", cv.string(), "-o", (dir / "out.pdf").string()});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir / "out.pdf"));
}

TEST(Cli, WatchNeedsFilesNotStandardStreams) {
  CliRun in = run({"watch", "-"});
  EXPECT_EQ(in.code, 2);
  EXPECT_TRUE(has(in.err, "'vitae watch' rebuilds when files change: it needs a CV file and a PDF file")) << in.err;
  EXPECT_EQ(run({"watch", "cv.yaml", "-o", "-"}).code, 2);
  EXPECT_EQ(run({"watch", "cv.yaml", "--dump"}).code, 2);
  EXPECT_EQ(run({"watch"}).code, 2);
  CliRun help = run({"watch", "--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_TRUE(has(help.out, "usage: vitae watch INPUT...")) << help.out;
  EXPECT_TRUE(has(help.out, "Ctrl-C")) << help.out;
  EXPECT_TRUE(has(run({"help"}).out, "  watch    build, then rebuild")) ;
}

}  // namespace
}  // namespace vitae

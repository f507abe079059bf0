// The command line, run in-process with captured streams.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "../support/files.h"
#include "cli_run.h"
#include "load/load.h"
#include "pipeline/new_cv.h"

namespace vitae {
namespace {

const char* kMinimal = "cv:\n  name: Ada Lovelace\n  sections:\n    summary:\n      - Analyst and poet of science.\n";

TEST(Cli, HelpAndVersion) {
  CliRun h = run({"--help"});
  EXPECT_EQ(h.code, 0);
  EXPECT_NE(h.out.find("vitae build INPUT"), std::string::npos);
  CliRun hb = run({"help", "build"});
  EXPECT_EQ(hb.code, 0);
  EXPECT_NE(hb.out.find("-o, --output"), std::string::npos);
  CliRun v = run({"--version"});
  EXPECT_EQ(v.code, 0);
  EXPECT_EQ(v.out.rfind("vitae ", 0), 0u);
}

TEST(Cli, LayoutsListsEveryBuiltInLayoutWithItsDescription) {
  CliRun r = run({"layouts"});
  EXPECT_EQ(r.code, 0);
  int lines = 0;
  for (char c : r.out) lines += c == '\n';
  EXPECT_EQ(lines, 10) << r.out;  // layouts/*.yaml: RenderCV's nine and sidebar
  for (const char* line : {"classic             RenderCV's default look",
                           "sidebar             Two columns: contact details, skills and languages"})
    EXPECT_NE(r.out.find(line), std::string::npos) << r.out;
  EXPECT_LT(r.out.find("classic"), r.out.find("sb2nov"));  // sorted by name
  EXPECT_EQ(run({"layouts", "extra"}).code, 2);
  CliRun h = run({"layouts", "--help"});
  EXPECT_EQ(h.code, 0);
  EXPECT_NE(h.out.find("usage: vitae layouts"), std::string::npos);
}

TEST(Cli, SchemaPrintsTheSchemaFileExactly) {
  std::ifstream in(VITAE_SOURCE_DIR "/data/vitae.schema.json", std::ios::binary);
  std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(file.empty());
  CliRun r = run({"schema"});
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(r.out == file) << "vitae schema differs from data/vitae.schema.json";
  EXPECT_EQ(run({"schema", "cv.yaml"}).code, 2);
}

TEST(Cli, NewWritesACvThatChecksCleanInEveryLayoutAndNeverOverwrites) {
  test_support::TempDir dir;
  for (const LayoutSummary& l : builtin_layout_list()) {
    const std::string path = dir.file(l.name + ".yaml");
    CliRun w = run({"new", "Ada \"Countess\" Lovelace", "--layout", l.name, "-o", path});
    ASSERT_EQ(w.code, 0) << w.err;
    EXPECT_EQ(w.out, "wrote " + path + "\n");
    CliRun c = run({"check", path, "--all-variants"});
    EXPECT_EQ(c.code, 0) << c.err;
    // Every layout whose fonts ship builds with no warning; moderncv's Fontin has a
    // stand-in, named in its one warning.
    if (l.name == "moderncv") {
      EXPECT_NE(c.err.find("'Fontin' is not available"), std::string::npos) << c.err;
      EXPECT_NE(c.err.find("  hint: `vitae fonts` lists the families at hand"), std::string::npos) << c.err;
    } else
      EXPECT_EQ(c.err.find("warning"), std::string::npos) << l.name << ":\n" << c.err;
  }
  const std::string path = dir.file("classic.yaml");
  const std::string before = test_support::read_bytes(path);
  EXPECT_NE(before.find("name: \"Ada \\\"Countess\\\" Lovelace\""), std::string::npos) << before;
  CliRun again = run({"new", "Someone Else", "-o", path});
  EXPECT_EQ(again.code, 1);
  EXPECT_NE(again.err.find("never overwrites"), std::string::npos) << again.err;
  EXPECT_EQ(test_support::read_bytes(path), before);
  EXPECT_EQ(run({"new", "X", "--layout", "nope", "-o", dir.file("x.yaml")}).code, 2);
  EXPECT_EQ(run({"new"}).code, 2);
  EXPECT_EQ(new_cv_file_name("Ada Lovelace"), "Ada_Lovelace_CV.yaml");
}

TEST(Cli, ConvertWritesYamlThatBuildsTheSamePdfAndNeverOverwrites) {
  test_support::TempDir dir;
  const std::string json = std::string(VITAE_SOURCE_DIR) + "/data/examples/richard-hendriks.json";
  const std::string yaml = dir.file("richard.yaml");
  CliRun c = run({"convert", json, "-o", yaml});
  ASSERT_EQ(c.code, 0) << c.err;
  EXPECT_EQ(c.out, "wrote " + yaml + "\n");
  // Fields with no place in the CV are named, at their place in the JSON.
  EXPECT_NE(c.err.find("richard-hendriks.json:35:7: warning: the JSON Resume field 'work.description'"),
            std::string::npos) << c.err;
  const std::map<std::string, std::string> env{{"SOURCE_DATE_EPOCH", "1700000000"}};
  CliRun a = run({"build", json, "-o", dir.file("a.pdf")}, {}, env);
  CliRun b = run({"build", yaml, "-o", dir.file("b.pdf")}, {}, env);
  ASSERT_EQ(a.code, 0) << a.err;
  ASSERT_EQ(b.code, 0) << b.err;
  EXPECT_EQ(b.err.find("warning"), std::string::npos) << b.err;  // the YAML is clean
  EXPECT_EQ(test_support::read_bytes(dir.file("a.pdf")), test_support::read_bytes(dir.file("b.pdf")));
  // Never overwritten; to standard output with -o -.
  const std::string before = test_support::read_bytes(yaml);
  CliRun again = run({"convert", json, "-o", yaml});
  EXPECT_EQ(again.code, 1);
  EXPECT_NE(again.err.find("never overwrites"), std::string::npos) << again.err;
  EXPECT_EQ(test_support::read_bytes(yaml), before);
  CliRun out = run({"convert", json, "-o", "-"});
  EXPECT_EQ(out.code, 0);
  EXPECT_EQ(out.out, before);
  // A RenderCV-format file has nothing to convert; no file is written.
  CliRun not_json = run({"convert", std::string(VITAE_SOURCE_DIR) + "/data/examples/wei-wen.yaml", "-o", dir.file("w.yaml")});
  EXPECT_EQ(not_json.code, 1);
  EXPECT_NE(not_json.err.find("error: this is not a JSON Resume file"), std::string::npos) << not_json.err;
  EXPECT_FALSE(fs::exists(dir.file("w.yaml")));
  EXPECT_EQ(run({"convert"}).code, 2);
  EXPECT_EQ(run({"convert", "a.json", "b.json"}).code, 2);
}

TEST(Cli, FontsListsTheBundledFamiliesThenTheInstalledOnes) {
  CliRun r = run({"fonts"});
  EXPECT_EQ(r.code, 0) << r.err;
  const std::size_t bundled = r.out.find("bundled ("), installed = r.out.find("installed (fontconfig):");
  ASSERT_NE(bundled, std::string::npos) << r.out;
  ASSERT_NE(installed, std::string::npos) << r.out;
  for (const char* family : {"\n  Source Sans 3\n", "\n  XCharter\n", "\n  New Computer Modern\n"}) {
    const std::size_t at = r.out.find(family);
    EXPECT_TRUE(at > bundled && at < installed) << family << " not among the bundled:\n" << r.out;
  }
  EXPECT_EQ(run({"fonts", "a.yaml", "b.yaml"}).code, 2);
  EXPECT_EQ(run({"fonts", "a.yaml", "--stats"}).code, 2);
  EXPECT_EQ(run({"fonts", "a.yaml", "--all-variants"}).code, 2);
}

TEST(Cli, CompletionsForBashCompleteCommandsAndLayouts) {
  test_support::TempDir dir;
  CliRun b = run({"completions", "bash"});
  ASSERT_EQ(b.code, 0);
  test_support::write_bytes(dir.file("vitae.bash"), b.out);
  // The script as bash runs it: the layouts after --layout, the commands after vitae.
  const std::string script = "source " + dir.file("vitae.bash") +
                             "; COMP_WORDS=(vitae new A --layout s); COMP_CWORD=4; _vitae; echo \"${COMPREPLY[*]}\""
                             "; COMP_WORDS=(vitae la); COMP_CWORD=1; _vitae; echo \"${COMPREPLY[*]}\""
                             "; COMP_WORDS=(vitae build cv.yaml --format pdf,); COMP_CWORD=4; _vitae; echo \"${COMPREPLY[*]}\"";
  test_support::write_bytes(dir.file("drive.sh"), script);
  FILE* p = popen(("bash " + dir.file("drive.sh")).c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string got;
  char buf[256];
  while (fgets(buf, sizeof buf, p)) got += buf;
  EXPECT_EQ(pclose(p), 0);
  EXPECT_EQ(got, "sb2nov sidebar\nlayouts\npdf,txt pdf,md pdf,txt,md\n");
  // zsh and fish: every command and every layout is offered.
  for (const char* shell : {"zsh", "fish"}) {
    CliRun r = run({"completions", shell});
    EXPECT_EQ(r.code, 0);
    for (const char* word : {"build", "check", "new", "layouts", "fonts", "schema", "completions", "sidebar", "harvard",
                             "format", "pdf,txt,md"})
      EXPECT_NE(r.out.find(word), std::string::npos) << shell << " lacks " << word;
  }
  EXPECT_EQ(run({"completions", "tcsh"}).code, 2);
  EXPECT_EQ(run({"completions"}).code, 2);
}

TEST(Cli, BadUsageExitsTwo) {
  EXPECT_EQ(run({"frobnicate"}).code, 2);
  EXPECT_EQ(run({"build"}).code, 2);
  EXPECT_EQ(run({"build", "a.yaml", "--bogus"}).code, 2);
  EXPECT_EQ(run({"check", "a.yaml", "-o", "x.pdf"}).code, 2);
  CliRun r = run({"build", "a.yaml", "b.yaml", "-o", "x.pdf"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("-o names one PDF, but several inputs are given"), std::string::npos) << r.err;
  EXPECT_EQ(run({"build", "a.yaml", "--all-variants", "--depfile", "x.d"}).code, 2);
  EXPECT_EQ(run({"build", "a.yaml", "--variant", "x", "--all-variants"}).code, 2);
  EXPECT_EQ(run({"build", "-", "-MD"}).code, 2);
  EXPECT_EQ(run({"build", "-", "-"}).code, 2);
  EXPECT_EQ(run({"build", "a.yaml", "-j", "zero"}).code, 2);
  EXPECT_EQ(run({"build", "a.yaml", "--set", "cv.name"}).code, 2);
  for (const char* n : {"0", "-1", "101", "two", "1.5", ""}) {
    CliRun m = run({"build", "a.yaml", "--max-pages", n});
    EXPECT_EQ(m.code, 2) << n;
    EXPECT_NE(m.err.find("--max-pages needs a number of pages from 1 to 100"), std::string::npos) << m.err;
  }
  EXPECT_EQ(run({"build", "a.yaml", "--max-pages"}).code, 2);
}

TEST(Cli, MaxPagesParses) {
  std::string error;
  std::optional<CliArgs> a = parse_cli_args({"build", "a.yaml", "--max-pages=2", "--max-pages-strict"}, &error);
  ASSERT_TRUE(a) << error;
  EXPECT_EQ(a->max_pages, 2);
  EXPECT_TRUE(a->max_pages_strict);
  a = parse_cli_args({"check", "a.yaml", "--max-pages", "1"}, &error);
  ASSERT_TRUE(a) << error;
  EXPECT_EQ(a->max_pages, 1);
  EXPECT_FALSE(a->max_pages_strict);
}

// The README's exit-status table: bad usage is 2, and plain `vitae` is bad usage.
TEST(Cli, NoArgumentsPrintsUsageAndExitsTwo) {
  CliRun r = run({});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("usage: vitae build"), std::string::npos) << r.err;
}

TEST(Cli, MissingInputIsAnError) {
  CliRun r = run({"check", "/nonexistent/cv.yaml"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("cannot read '/nonexistent/cv.yaml'"), std::string::npos);
}

TEST(Cli, BadSourceDateEpochIsUsageError) {
  CliRun r = run({"check", "x.yaml"}, {}, {{"SOURCE_DATE_EPOCH", "yesterday"}});
  EXPECT_EQ(r.code, 2);
}

TEST_F(CliFiles, CheckWritesNothing) {
  fs::path cv = write("cv.yaml", kMinimal);
  CliRun r = run({"check", cv.string()});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir / "cv.pdf"));
}

TEST_F(CliFiles, CheckReportsWhatABuildWould) {
  // A font family that does not exist is found at layout time: check reports it too.
  fs::path cv = write("cv.yaml", std::string(kMinimal) + "design:\n  typography:\n    font_family: Latto\n");
  CliRun r = run({"check", cv.string()});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("cv.yaml:8:18: error: font family 'Latto' not found"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "cv.pdf"));
}

TEST_F(CliFiles, BuildWritesPdfBesideInput) {
  fs::path cv = write("cv.yaml", kMinimal);
  CliRun r = run({"build", cv.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(slurp(dir / "cv.pdf").substr(0, 5), "%PDF-");
  EXPECT_TRUE(r.out.empty());
}

TEST_F(CliFiles, StdinToStdout) {
  CliRun r = run({"build", "-", "-o", "-"}, kMinimal);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, 5), "%PDF-");
  EXPECT_EQ(r.err.find("%PDF"), std::string::npos);
}

// The program ends the process as soon as the PDF is complete (CliIo::exit_early): the
// call must come once, with code 0, after the PDF is renamed into place or all written to
// standard output, and never when the build fails.
TEST_F(CliFiles, ExitsEarlyOnlyOnceThePdfIsComplete) {
  fs::path cv = write("cv.yaml", kMinimal);
  std::vector<int> codes;
  std::string pdf_at_exit;
  CliRun r = run({"build", cv.string()}, {}, {}, [&](int code, const CliRun&) {
    codes.push_back(code);
    pdf_at_exit = slurp(dir / "cv.pdf");
  });
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(codes, std::vector<int>{0});
  EXPECT_EQ(pdf_at_exit.rfind("%PDF-1.7", 0), 0u);
  EXPECT_EQ(pdf_at_exit, slurp(dir / "cv.pdf"));
  for (const auto& e : fs::directory_iterator(dir))  // no temporary file left behind
    EXPECT_TRUE(e.path().filename() == "cv.yaml" || e.path().filename() == "cv.pdf") << e.path();

  codes.clear();
  std::string out_at_exit;
  CliRun s = run({"build", cv.string(), "-o", "-"}, {}, {}, [&](int code, const CliRun& so_far) {
    codes.push_back(code);
    out_at_exit = so_far.out;
  });
  EXPECT_EQ(s.code, 0);
  EXPECT_EQ(codes, std::vector<int>{0});
  EXPECT_EQ(out_at_exit, s.out);
  EXPECT_NE(out_at_exit.find("%%EOF"), std::string::npos);

  codes.clear();
  write("cv.yaml", "cv:\n  name: [unclosed\n");
  CliRun f = run({"build", cv.string()}, {}, {}, [&](int code, const CliRun&) { codes.push_back(code); });
  EXPECT_EQ(f.code, 1);
  EXPECT_TRUE(codes.empty());
}

TEST_F(CliFiles, FailedBuildLeavesEarlierPdfUntouched) {
  fs::path cv = write("cv.yaml", kMinimal);
  write("cv.pdf", "earlier");
  write("cv.yaml", "cv:\n  name: [unclosed\n");
  CliRun r = run({"build", cv.string()});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(slurp(dir / "cv.pdf"), "earlier");
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_TRUE(e.path().filename() == "cv.yaml" || e.path().filename() == "cv.pdf") << e.path();
}

TEST_F(CliFiles, RefusesToOverwriteTheInput) {
  fs::path cv = write("cv.yaml", kMinimal);
  CliRun r = run({"build", cv.string(), "-o", (dir / "." / "cv.yaml").string()});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("is the input file"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(cv), kMinimal);
}

TEST_F(CliFiles, OversizedStdinIsRefusedWithoutReadingOn) {
  std::string big(5 * 1024 * 1024, 'a');
  CliRun r = run({"check", "-"}, big);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("<stdin>: error: the input is larger than the limit of 4194304 bytes"), std::string::npos)
      << r.err;
}

TEST_F(CliFiles, ErrorsAreCompilerStyle) {
  fs::path cv = write("cv.yaml", "cv:\n  name: Ada\n  nmae: typo\n");
  CliRun r = run({"check", cv.string()});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(cv.string() + ":3:3: error:"), std::string::npos) << r.err;
}

TEST_F(CliFiles, SameInputSameBytes) {
  fs::path cv = write("cv.yaml", kMinimal);
  CliRun a = run({"build", cv.string(), "-o", "-"}, {}, {{"SOURCE_DATE_EPOCH", "1700000000"}});
  CliRun b = run({"build", cv.string(), "-o", "-"}, {}, {{"SOURCE_DATE_EPOCH", "1700000000"}});
  ASSERT_EQ(a.code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
}

}  // namespace
}  // namespace vitae

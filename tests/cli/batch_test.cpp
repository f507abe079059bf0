// Batch builds on the command line: several inputs, variants, --set, depfiles, and one
// failing input among several (docs/variants.md).
#include "pipeline/batch.h"
#include "pipeline/depfile.h"
#include "cli_run.h"

namespace vitae {
namespace {

const char* kTagged =
    "cv:\n"
    "  name: Ada Lovelace\n"
    "  sections:\n"
    "    experience:\n"
    "      - company: Analytical Engine Project\n"
    "        position: Analyst\n"
    "        tags: [math]\n"
    "        highlights:\n"
    "          - Wrote the first published algorithm\n"
    "      - company: Royal Society\n"
    "        position: Translator\n"
    "        tags: [writing]\n"
    "    poetry:\n"
    "      - Poetical science, untagged.\n"
    "variants:\n"
    "  math:\n"
    "    include_tags: [math]\n"
    "  writing:\n"
    "    include_tags: [writing]\n"
    "    set: {cv.headline: Translator and writer}\n";

const std::map<std::string, std::string> kEpoch = {{"SOURCE_DATE_EPOCH", "1700000000"}};

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

TEST(DefaultOutput, VariantNameGoesBeforeTheExtension) {
  EXPECT_EQ(default_output("cv.yaml", ""), "cv.pdf");
  EXPECT_EQ(default_output("apps/cv.yaml", "ml"), "apps/cv-ml.pdf");
  EXPECT_EQ(default_output("dir.d/cv", "ml"), "dir.d/cv-ml.pdf");
}

TEST(Depfile, EscapesWhatMakeWouldSplit) {
  EXPECT_EQ(make_escape("my cv/a#b$c.yaml"), "my\\ cv/a\\#b$$c.yaml");
  EXPECT_EQ(make_escape("a\\ b"), "a\\\\\\ b");  // a backslash before a space is doubled
  EXPECT_EQ(make_escape("plain/path.ttf"), "plain/path.ttf");
}

TEST(Depfile, RuleListsEachPrerequisiteOnceWithPhonyRules) {
  std::string rule = make_rule({"out.pdf"}, {"cv.yaml", "base.yaml", "cv.yaml"});
  EXPECT_EQ(rule, "out.pdf: \\\n  cv.yaml \\\n  base.yaml\n\ncv.yaml:\n\nbase.yaml:\n");
}

TEST_F(CliFiles, SeveralInputsAreAllBuiltAndReportedInOrder) {
  fs::path a = write("a.yaml", kTagged);
  fs::path b = write("b.yaml", kTagged);
  CliRun r = run({"build", a.string(), b.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  std::string wa = "wrote " + (dir / "a.pdf").string() + " (1 page)\n";
  std::string wb = "wrote " + (dir / "b.pdf").string() + " (1 page)\n";
  EXPECT_EQ(r.err, wa + wb);
  EXPECT_EQ(slurp(dir / "b.pdf").substr(0, 5), "%PDF-");
}

TEST_F(CliFiles, VariantWritesItsOwnPdfWithItsContent) {
  fs::path cv = write("cv.yaml", kTagged);
  CliRun r = run({"build", cv.string(), "--variant", "writing"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir / "cv-writing.pdf"));
  EXPECT_FALSE(fs::exists(dir / "cv.pdf"));
  CliRun dump = run({"build", cv.string(), "--variant", "writing", "--dump"});
  EXPECT_TRUE(has(dump.out, "Translator and writer"));
  EXPECT_TRUE(has(dump.out, "Royal Society"));
  EXPECT_FALSE(has(dump.out, "Analytical Engine"));
  EXPECT_TRUE(has(dump.out, "Poetical science"));  // untagged: stays
}

TEST_F(CliFiles, AllVariantsAreByteIdenticalToEachBuiltAlone) {
  fs::path cv = write("cv.yaml", kTagged);
  CliRun all = run({"build", cv.string(), "--all-variants"}, {}, kEpoch);
  ASSERT_EQ(all.code, 0) << all.err;
  EXPECT_TRUE(has(all.err, "cv-math.pdf (1 page)"));
  EXPECT_TRUE(has(all.err, "cv-writing.pdf (1 page)"));
  for (std::string v : {"math", "writing"}) {
    std::string batch = slurp(dir / ("cv-" + v + ".pdf"));
    fs::path alone = dir / ("alone-" + v + ".pdf");
    ASSERT_EQ(run({"build", cv.string(), "--variant", v, "-o", alone.string(), "-j", "1"}, {}, kEpoch).code, 0);
    EXPECT_EQ(batch, slurp(alone)) << v;
  }
  EXPECT_NE(slurp(dir / "cv-math.pdf"), slurp(dir / "cv-writing.pdf"));
}

TEST_F(CliFiles, ThreadCountChangesNoByte) {
  fs::path a = write("a.yaml", kTagged);
  fs::path b = write("b.yaml", std::string(kTagged) + "design:\n  page:\n    size: us-letter\n");
  ASSERT_EQ(run({"build", a.string(), b.string(), "-j", "1"}, {}, kEpoch).code, 0);
  std::string a1 = slurp(dir / "a.pdf"), b1 = slurp(dir / "b.pdf");
  ASSERT_EQ(run({"build", a.string(), b.string(), "-j", "2"}, {}, kEpoch).code, 0);
  EXPECT_EQ(a1, slurp(dir / "a.pdf"));
  EXPECT_EQ(b1, slurp(dir / "b.pdf"));
}

TEST_F(CliFiles, OneFailingInputDoesNotStopTheOthers) {
  fs::path good1 = write("good1.yaml", kTagged);
  fs::path bad = write("bad.yaml", "cv:\n  nmae: Ada\n");
  fs::path good2 = write("good2.yaml", kTagged);
  CliRun r = run({"build", good1.string(), bad.string(), good2.string()});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(fs::exists(dir / "good1.pdf"));
  EXPECT_TRUE(fs::exists(dir / "good2.pdf"));
  EXPECT_FALSE(fs::exists(dir / "bad.pdf"));
  EXPECT_TRUE(has(r.err, bad.string() + ":2:3: error: unknown key 'nmae' in cv")) << r.err;
  EXPECT_TRUE(has(r.err, "wrote " + (dir / "good2.pdf").string()));
  // In input order: the error of bad.yaml comes between the two lines.
  EXPECT_LT(r.err.find("good1.pdf"), r.err.find("nmae"));
  EXPECT_LT(r.err.find("nmae"), r.err.find("good2.pdf"));
}

TEST_F(CliFiles, MissingInputAmongSeveralIsReportedAndTheRestBuilt) {
  fs::path good = write("good.yaml", kTagged);
  CliRun r = run({"build", (dir / "missing.yaml").string(), good.string()});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(has(r.err, "cannot read '" + (dir / "missing.yaml").string() + "'"));
  EXPECT_TRUE(fs::exists(dir / "good.pdf"));
}

TEST_F(CliFiles, TwoBuildsOfOneOutputAreRefused) {
  fs::path cv = write("cv.yaml", kTagged);
  CliRun r = run({"build", cv.string(), (dir / "." / "cv.yaml").string()});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(has(r.err, "would be written by two builds")) << r.err;
  EXPECT_EQ(slurp(dir / "cv.pdf").substr(0, 5), "%PDF-");  // the first is built
}

TEST_F(CliFiles, UnknownVariantListsTheKnownOnes) {
  fs::path cv = write("cv.yaml", kTagged);
  CliRun r = run({"build", cv.string(), "--variant", "mth"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(has(r.err, "error: no variant named 'mth'")) << r.err;
  EXPECT_TRUE(has(r.err, "did you mean 'math'? its variants are: math, writing")) << r.err;
  EXPECT_FALSE(fs::exists(dir / "cv-mth.pdf"));
}

TEST_F(CliFiles, AllVariantsOfACvWithoutVariantsIsAnError) {
  fs::path cv = write("cv.yaml", "cv:\n  name: Ada\n");
  CliRun r = run({"build", cv.string(), "--all-variants"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(has(r.err, "this CV has no variants")) << r.err;
}

TEST_F(CliFiles, SetReplacesAValueAndIsCheckedLikeTheFile) {
  fs::path cv = write("cv.yaml", kTagged);
  CliRun ok = run({"build", cv.string(), "--dump", "--set", "cv.name=Augusta Ada King", "--set",
                   "cv.sections.experience.1.position=Author"});
  ASSERT_EQ(ok.code, 0) << ok.err;
  EXPECT_TRUE(has(ok.out, "Augusta Ada King"));
  EXPECT_TRUE(has(ok.out, "Author"));
  CliRun typo = run({"check", cv.string(), "--set", "design.page.sise=us-letter"});
  EXPECT_EQ(typo.code, 1);
  EXPECT_TRUE(has(typo.err, "<command line>:1:19: error: unknown key 'sise' in design.page")) << typo.err;
  EXPECT_TRUE(has(typo.err, "hint: did you mean 'size'?")) << typo.err;
  CliRun range = run({"check", cv.string(), "--set", "cv.sections.experience.7.position=X"});
  EXPECT_EQ(range.code, 1);
  EXPECT_TRUE(has(range.err, "'cv.sections.experience' has 2 item(s)")) << range.err;
}

TEST_F(CliFiles, SetOnTheCommandLineWinsOverTheVariant) {
  fs::path cv = write("cv.yaml", kTagged);
  CliRun r = run({"build", cv.string(), "--variant", "writing", "--dump", "--set", "cv.headline=Poet"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Poet"));
  EXPECT_FALSE(has(r.out, "Translator and writer"));
}

TEST_F(CliFiles, DepfileNamesTheCvWhatItExtendsAndTheFonts) {
  write("cv.yaml", kTagged);
  fs::create_directories(dir / ".git");  // a repository: "my apps/" may extend ../cv.yaml
  fs::create_directories(dir / "my apps");
  fs::path app = write("my apps/acme.yaml", "extends: ../cv.yaml\ninclude_tags: [math]\n");
  CliRun r = run({"build", app.string(), "-MD"});
  ASSERT_EQ(r.code, 0) << r.err;
  std::string rule = slurp(dir / "my apps" / "acme.pdf.d");
  std::string target = make_escape((dir / "my apps" / "acme.pdf").string());
  EXPECT_EQ(rule.rfind(target + ": \\\n", 0), 0u) << rule;
  EXPECT_TRUE(has(rule, make_escape(app.string()) + " \\\n"));
  // As the system opens it: "my apps" could be a symbolic link, so ".." is kept.
  std::string base = make_escape((dir / "my apps" / ".." / "cv.yaml").string());
  EXPECT_TRUE(has(rule, base)) << rule;
  EXPECT_TRUE(has(rule, "SourceSans3-Regular.ttf")) << rule;
  EXPECT_TRUE(has(rule, "\n" + base + ":\n"));  // the phony rule
  fs::path dep = dir / "explicit.d";
  ASSERT_EQ(run({"build", app.string(), "-o", (dir / "x.pdf").string(), "--depfile", dep.string()}).code, 0);
  EXPECT_EQ(slurp(dep).rfind(make_escape((dir / "x.pdf").string()) + ":", 0), 0u);
}

TEST_F(CliFiles, FailedBuildWritesNoDepfile) {
  fs::path cv = write("cv.yaml", "cv:\n  nmae: Ada\n");
  EXPECT_EQ(run({"build", cv.string(), "-MD"}).code, 1);
  EXPECT_FALSE(fs::exists(dir / "cv.pdf.d"));
}

TEST_F(CliFiles, VerbosePrintsStageTimes) {
  fs::path cv = write("cv.yaml", kTagged);
  CliRun r = run({"build", cv.string(), "-v"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(has(r.err, "time: load ")) << r.err;
  EXPECT_TRUE(has(r.err, " ms, layout ")) << r.err;
}

}  // namespace
}  // namespace vitae

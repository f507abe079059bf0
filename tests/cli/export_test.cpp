// `vitae build --format txt,md` (src/export through the command line) and `vitae fonts CV`:
// files named and written like the PDF, variants and --set applied, depfiles, failures.
#include "pipeline/batch.h"
#include "cli_run.h"

namespace vitae {
namespace {

const char* kCv =
    "cv:\n"
    "  name: Ada Lovelace\n"
    "  email: ada@example.org\n"
    "  sections:\n"
    "    experience:\n"
    "      - company: Analytical Engine Project\n"
    "        position: Analyst\n"
    "        tags: [math]\n"
    "        highlights:\n"
    "          - Wrote the first **published** [algorithm](https://example.org/note-g)\n"
    "      - company: Royal Society\n"
    "        position: Translator\n"
    "        tags: [writing]\n"
    "variants:\n"
    "  math:\n"
    "    include_tags: [math]\n"
    "  writing:\n"
    "    include_tags: [writing]\n";

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

TEST(Cli, FormatIsParsedAndCheckedAgainstTheOtherOptions) {
  EXPECT_EQ(run({"build", "cv.yaml", "--format", "docx"}).code, 2);
  EXPECT_TRUE(has(run({"build", "cv.yaml", "--format=pdf,"}).err, "unknown format '' in --format"));
  // With several formats, -o names the file of one of them.
  EXPECT_TRUE(has(run({"build", "cv.yaml", "--format", "pdf,txt", "-o", "x"}).err,
                  "-o names one file, but --format asks for 2: name the file of one of them (-o out.pdf)"));
  EXPECT_EQ(run({"build", "cv.yaml", "--format", "pdf,txt", "-o", "x.md"}).code, 2);  // md is not asked for
  EXPECT_EQ(run({"build", "cv.yaml", "--format", "pdf,txt", "-o", "dir/.pdf"}).code, 2);
  EXPECT_TRUE(has(run({"build", "cv.yaml", "--format", "pdf,txt", "-o", "-"}).err, "standard output can take one"));
  EXPECT_EQ(run({"build", "-", "--format", "txt,md"}).code, 2);  // both to standard output
  EXPECT_EQ(run({"build", "cv.yaml", "--format", "txt", "--dump"}).code, 2);
  EXPECT_TRUE(has(run({"check", "cv.yaml", "--format", "txt"}).err, "unknown option '--format'"));
}

TEST_F(CliFiles, FormatsAreWrittenBesideTheInputFromOneBuild) {
  fs::path cv = write("cv.yaml", kCv);
  CliRun r = run({"build", cv.string(), "--format", "pdf,txt,md"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "wrote " + (dir / "cv.pdf").string() + " (1 page)\n" + "wrote " + (dir / "cv.txt").string() + "\n" +
                       "wrote " + (dir / "cv.md").string() + "\n");
  EXPECT_EQ(slurp(dir / "cv.pdf").rfind("%PDF-", 0), 0u);
  const std::string txt = slurp(dir / "cv.txt"), md = slurp(dir / "cv.md");
  EXPECT_EQ(txt.rfind("Ada Lovelace\nada@example.org\n\nExperience\n==========\n", 0), 0u) << txt;
  EXPECT_TRUE(has(txt, "- Wrote the first published algorithm (https://example.org/note-g)\n")) << txt;
  EXPECT_TRUE(has(md, "- Wrote the first **published** [algorithm](https://example.org/note-g)\n")) << md;
  EXPECT_LT(txt.find("Analytical Engine Project"), txt.find("Royal Society"));
  // Only text: no PDF, and nothing to lay out.
  fs::remove(dir / "cv.pdf");
  r = run({"build", cv.string(), "--format", "md"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir / "cv.pdf"));
  EXPECT_EQ(slurp(dir / "cv.md"), md);  // the same bytes from the same CV
}

TEST_F(CliFiles, SeveralFormatsGoBesideTheFileOutputNames) {
  fs::path cv = write("cv.yaml", kCv);
  fs::create_directory(dir / "out");
  const std::string named = (dir / "out" / "ada.v2.md").string();
  CliRun r = run({"build", cv.string(), "--format", "pdf,txt,md", "-o", named, "-MD"});
  ASSERT_EQ(r.code, 0) << r.err;
  const fs::path stem = dir / "out" / "ada.v2";
  EXPECT_EQ(r.err, "wrote " + stem.string() + ".pdf (1 page)\n" + "wrote " + stem.string() + ".txt\n" + "wrote " +
                       stem.string() + ".md\n");
  EXPECT_EQ(slurp(stem.string() + ".pdf").rfind("%PDF-", 0), 0u);
  EXPECT_TRUE(has(slurp(stem.string() + ".txt"), "Royal Society, Translator\n"));
  EXPECT_TRUE(has(slurp(stem.string() + ".md"), "[algorithm](https://example.org/note-g)"));
  EXPECT_TRUE(fs::exists(stem.string() + ".pdf.d"));  // -MD: beside the first format's file
  EXPECT_FALSE(fs::exists(dir / "cv.pdf"));           // nothing beside the input
}

TEST_F(CliFiles, VariantsAndSetValuesApplyToTheText) {
  fs::path cv = write("cv.yaml", kCv);
  CliRun r = run({"build", cv.string(), "--variant", "math", "--format", "txt", "--set", "cv.headline=Enchantress"});
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string txt = slurp(dir / "cv-math.txt");
  EXPECT_TRUE(has(txt, "Analytical Engine Project")) << txt;
  EXPECT_FALSE(has(txt, "Royal Society")) << txt;  // tagged [writing]: not in this variant
  EXPECT_TRUE(has(txt, "Ada Lovelace\nEnchantress\n")) << txt;
  // Every variant, each to its own files.
  r = run({"build", cv.string(), "--all-variants", "--format", "txt,md"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(has(slurp(dir / "cv-writing.md"), "Analytical Engine"));
  EXPECT_TRUE(has(slurp(dir / "cv-writing.txt"), "Royal Society, Translator\n"));
  EXPECT_TRUE(fs::exists(dir / "cv-math.md"));
}

TEST_F(CliFiles, OneFormatGoesToTheOutputOrStandardOutput) {
  fs::path cv = write("cv.yaml", kCv);
  CliRun r = run({"build", cv.string(), "--format", "txt", "-o", (dir / "portal.txt").string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(has(slurp(dir / "portal.txt"), "Royal Society"));
  r = run({"build", "-", "--format", "md"}, kCv);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("# Ada Lovelace\n", 0), 0u) << r.out;
}

TEST_F(CliFiles, AFailedBuildWritesNoFormatAndLeavesOldFilesAlone) {
  fs::path cv = write("cv.yaml", kCv);
  write("cv.txt", "old text");
  fs::path bad = write("bad.yaml", "cv:\n  name: Ada\n  sections:\n    x:\n      - strat_date: 2020\n");
  CliRun r = run({"build", bad.string(), "--format", "txt,md"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(has(r.err, "bad.yaml:5:9: error:")) << r.err;
  EXPECT_FALSE(fs::exists(dir / "bad.txt"));
  EXPECT_FALSE(fs::exists(dir / "bad.md"));
  // A PDF that cannot be made (a font family that does not exist): no text either.
  CliRun f = run({"build", cv.string(), "--format", "txt,pdf", "--set", "design.typography.font_family=Nonesuch Sans"});
  EXPECT_EQ(f.code, 1);
  EXPECT_TRUE(has(f.err, "<command line>:1:")) << f.err;
  EXPECT_EQ(slurp(dir / "cv.txt"), "old text");
  for (const fs::directory_entry& e : fs::directory_iterator(dir))  // no temporary file left behind
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
}

TEST_F(CliFiles, SeveralInputsEachGetTheirFormats) {
  fs::path a = write("a.yaml", kCv), b = write("b.yaml", kCv);
  CliRun r = run({"build", a.string(), b.string(), "--format", "md"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "wrote " + (dir / "a.md").string() + "\nwrote " + (dir / "b.md").string() + "\n");
  // Two inputs whose text would land in one file: the second is refused.
  fs::path same_name = write("a.json", R"({"cv": {"name": "Ada"}})");
  r = run({"build", a.string(), same_name.string(), "--format", "txt"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(has(r.err, "'" + (dir / "a.txt").string() + "' would be written by two builds")) << r.err;
}

TEST_F(CliFiles, TheMakeRuleNamesEveryFileWritten) {
  fs::path cv = write("cv.yaml", kCv);
  CliRun r = run({"build", cv.string(), "--format", "pdf,md", "-MD"});
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string rule = slurp(dir / "cv.pdf.d");
  EXPECT_EQ(rule.rfind((dir / "cv.pdf").string() + " " + (dir / "cv.md").string() + ": \\\n  " + cv.string(), 0), 0u)
      << rule;
  EXPECT_TRUE(has(rule, ".ttf")) << rule;  // the PDF's fonts
  // Text alone reads no font.
  r = run({"build", cv.string(), "--format", "txt", "-MD"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(slurp(dir / "cv.txt.d"),
            (dir / "cv.txt").string() + ": \\\n  " + cv.string() + "\n\n" + cv.string() + ":\n");
}

/// `vitae fonts CV`'s lines: "role face" -> {family, file}, the columns split at runs of
/// two or more spaces.
std::map<std::string, std::pair<std::string, std::string>> font_table(const std::string& out) {
  std::map<std::string, std::pair<std::string, std::string>> table;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> cols;
    for (std::size_t at = 0; at < line.size();) {
      std::size_t gap = line.find("  ", at);
      cols.push_back(line.substr(at, gap - at));
      at = gap == std::string::npos ? line.size() : line.find_first_not_of(' ', gap);
    }
    EXPECT_EQ(cols.size(), 3u) << line;
    if (cols.size() == 3) table.emplace(cols[0], std::pair{cols[1], cols[2]});
  }
  return table;
}

TEST_F(CliFiles, FontsOfACvNameAFileForEveryRole) {
  fs::path cv = write("cv.yaml", kCv);
  CliRun r = run({"fonts", cv.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  auto table = font_table(r.out);
  // classic: Source Sans 3 throughout, from the bundled fonts; every face a file.
  const std::string fonts_dir = std::string(VITAE_SOURCE_DIR) + "/fonts/";
  EXPECT_EQ(table["body regular"], std::pair(std::string("Source Sans 3"), fonts_dir + "source-sans-3/SourceSans3-Regular.ttf"));
  EXPECT_EQ(table["section_titles bold italic"].second, fonts_dir + "source-sans-3/SourceSans3-BoldItalic.ttf");
  EXPECT_EQ(table["icons brands"].first, "Font Awesome 7 Brands");
  EXPECT_EQ(table["fallback regular"].second.rfind(fonts_dir, 0), 0u);
  for (const char* role : {"body", "name", "headline", "connections", "section_titles"})
    for (const char* face : {" regular", " italic", " bold", " bold italic"})
      EXPECT_TRUE(fs::is_regular_file(table[std::string(role) + face].second)) << role << face << "\n" << r.out;
  // --set (and --variant) choose the document, as in a build.
  r = run({"fonts", cv.string(), "--set", "design.typography.font_family.name=XCharter"});
  ASSERT_EQ(r.code, 0) << r.err;
  table = font_table(r.out);
  EXPECT_EQ(table["name bold"], std::pair(std::string("XCharter"), fonts_dir + "xcharter/XCharter-Bold.otf"));
  EXPECT_EQ(table["body regular"].first, "Source Sans 3");
  // A family that does not exist: where it was named, and exit 1.
  r = run({"fonts", cv.string(), "--set", "design.typography.font_family=Nonesuch Sans"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(has(r.err, "<command line>:1:")) << r.err;
}

}  // namespace
}  // namespace vitae

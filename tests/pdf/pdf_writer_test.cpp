// End-to-end tests of write_pdf: a hand-built two-page document in both bundled fonts
// (Lato = TrueType, Linux Libertine = CFF), checked with real PDF tools: pdffonts, qpdf,
// pdftotext, pdfminer's pdf2txt, mutool, pdfinfo.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <iostream>
#include <locale>
#include <set>
#include <thread>
#include <regex>
#include <sstream>

#include "model/workers.h"
#include "pdf/pdf_writer.h"
#include "pdf_test_support.h"
#include "text/subset.h"

namespace vitae {
namespace {

using pdf_test::bundled;
using pdf_test::CommandResult;
using pdf_test::run_command;
using pdf_test::shaped_run;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr double kW = 595.276, kH = 841.89;  // A4
constexpr double kLeft = 72;

/// The test document. Its text is chosen to exercise extraction: ligatures (office,
/// efficient, affirm), non-ASCII, a justified line, a hyphenated word, a glyph used for
/// a text other than its own, a run with y offsets.
struct TestDoc {
  std::shared_ptr<const Font> lato = bundled("lato/Lato-Regular.ttf");
  std::shared_ptr<const Font> libertine = bundled("libertine/LinLibertine_R.otf");
  LaidOutDocument doc;
  double justified_right = 0;  ///< where the justified line must end

  TestDoc() {
    Page p1 = pdf_test::blank_page(kW, kH);
    p1.runs.push_back(shaped_run(lato, "Jane Doe", 24, kLeft, 100, {0, 79, 144}));
    p1.rules.push_back(Rule{{Abs::pt(kLeft), Abs::pt(108)}, Abs::pt(450), Abs::pt(0.8), {0, 79, 144}});
    p1.anchors.push_back(Anchor{"Experience", 0, Abs::pt(120)});
    p1.runs.push_back(shaped_run(libertine, "The office staff affirmed efficient workflows.", 10, kLeft, 140));
    p1.runs.push_back(shaped_run(lato, "Zoë Ünïcödé — café naïve", 10, kLeft, 160));
    p1.runs.push_back(justified_line());
    p1.discs.push_back(Disc{{Abs::pt(kLeft - 8), Abs::pt(177)}, Abs::pt(1.6), {0, 79, 144}});
    GlyphRun first = shaped_run(libertine, "typeset-", 10, kLeft, 200);
    first.actual_text = "typesetting";
    GlyphRun second = shaped_run(libertine, "ting rules.", 10, kLeft, 212);
    second.actual_text = "";
    p1.runs.push_back(first);
    p1.runs.push_back(second);
    p1.runs.push_back(borrowed_glyph());
    p1.runs.push_back(raised_run());
    p1.runs.push_back(decomposed_run());
    p1.links.push_back(LinkArea{{Abs::pt(kLeft), Abs::pt(90)}, Abs::pt(100), Abs::pt(12), "https://example.com/jane"});
    p1.links.push_back(LinkArea{{Abs::pt(kLeft), Abs::pt(150)}, Abs::pt(100), Abs::pt(12), "mailto:jane@example.com"});
    p1.links.push_back(LinkArea{{Abs::pt(kLeft), Abs::pt(160)}, Abs::pt(100), Abs::pt(12), "https://example.com/zoë cv"});
    p1.anchors.push_back(Anchor{"Education", 0, Abs::pt(180)});
    Page p2 = pdf_test::blank_page(kW, kH);
    p2.anchors.push_back(Anchor{"Skills", 0, Abs::pt(72)});
    p2.runs.push_back(shaped_run(lato, "Second page fluff.", 10, kLeft, 90));
    doc.pages = {p1, p2};
    doc.info.title = "Jane Doe - CV";
    doc.info.author = "Jane Doe Ünïcode";
    doc.info.subject = "Curriculum vitae";
    doc.info.keywords = "cv, typesetting";
    doc.info.date = 1700000000;
  }

  /// "Justified text works well here." with every space 4 pt wider than the font's.
  GlyphRun justified_line() {
    GlyphRun r = shaped_run(lato, "Justified text works well here.", 10, kLeft, 180);
    for (Glyph& g : r.glyphs)
      if (r.text[g.cluster] == ' ') g.x_advance += Abs::pt(4);
    justified_right = kLeft + r.width().to_pt();
    return r;
  }

  /// The glyph of "a" drawn for the text "q": ToUnicode says "a", /ActualText must say "q".
  GlyphRun borrowed_glyph() {
    GlyphRun r = shaped_run(lato, "Xq", 10, kLeft, 230);
    r.glyphs[1].id = glyph_for_codepoint(*lato, U'a').value();
    return r;
  }

  /// "Dé" drawn as D, e and a combining acute in one cluster (as a font without the
  /// precomposed glyph would shape it); the acute glyph carries no text of its own.
  GlyphRun decomposed_run() {
    GlyphRun r = shaped_run(lato, "Dé", 10, kLeft, 270);
    const uint16_t e = glyph_for_codepoint(*lato, U'e').value();
    const uint16_t acute = glyph_for_codepoint(*lato, U'\u0301').value();
    r.glyphs.resize(1);
    r.glyphs.push_back(Glyph{e, Abs::pt(5), {}, {}, 1});
    r.glyphs.push_back(Glyph{acute, Abs::zero(), Abs::pt(-0.5), {}, 1});
    return r;
  }

  /// Glyphs with a y offset (as marks get), drawn with text rise.
  GlyphRun raised_run() {
    GlyphRun r = shaped_run(lato, "Hi there", 10, kLeft, 250);
    r.glyphs[1].y_offset = Abs::pt(3);
    return r;
  }
};

class PdfWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(t.lato && t.libertine);
    Diagnostics diags;
    auto bytes = write_pdf(t.doc, PdfOptions{}, diags);
    ASSERT_TRUE(bytes) << (diags.all().empty() ? "" : diags.all()[0].message);
    pdf = *bytes;
    path = dir.file("cv.pdf");
    pdf_test::write_bytes(path, pdf);
    // For looking at the result: VITAE_KEEP_PDF=/some/file.pdf keeps a copy.
    if (const char* keep = std::getenv("VITAE_KEEP_PDF")) pdf_test::write_bytes(keep, pdf);
  }

  CommandResult tool(const std::string& cmd) { return run_command(cmd + " 2>&1"); }

  TestDoc t;
  pdf_test::TempDir dir;
  std::string pdf, path;
};

TEST_F(PdfWriterTest, FontsAreEmbeddedSubsetWithToUnicode) {
  auto r = tool("pdffonts " + path);
  ASSERT_EQ(r.status, 0) << r.out;
  std::istringstream lines(r.out);
  std::string line;
  int fonts = 0;
  std::set<std::string> types;
  while (std::getline(lines, line)) {
    std::smatch m;
    // name type... encoding emb sub uni object id
    if (!std::regex_search(line, m, std::regex("^([A-Z]{6})\\+(\\S+)\\s+(.*?)\\s+Identity-H\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)")))
      continue;
    ++fonts;
    types.insert(m[3]);
    EXPECT_EQ(m[4], "yes") << line;
    EXPECT_EQ(m[5], "yes") << line;
    EXPECT_EQ(m[6], "yes") << line;
  }
  EXPECT_EQ(fonts, 2) << r.out;
  EXPECT_TRUE(types.count("CID TrueType")) << r.out;
  EXPECT_TRUE(types.count("CID Type 0C")) << r.out;
}

TEST_F(PdfWriterTest, QpdfFindsNoErrorsOrWarnings) {
  auto r = tool("qpdf --check " + path);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("No syntax or stream encoding errors found"));
  EXPECT_THAT(r.out, Not(HasSubstr("WARNING")));
}

void expect_common_text(const std::string& text, const std::string& tool_name) {
  SCOPED_TRACE(tool_name);
  EXPECT_THAT(text, HasSubstr("Jane Doe"));
  EXPECT_THAT(text, HasSubstr("The office staff affirmed efficient workflows."));
  EXPECT_THAT(text, HasSubstr("Zoë Ünïcödé — café naïve"));
  EXPECT_THAT(text, HasSubstr("Second page fluff."));
  for (const char* lig : {"\uFB00", "\uFB01", "\uFB02", "\uFB03", "\uFB04", "\uFB05", "\uFB06"})
    EXPECT_THAT(text, Not(HasSubstr(lig)));
}

TEST_F(PdfWriterTest, PdftotextExtractsEverythingIncludingActualText) {
  auto r = tool("pdftotext -enc UTF-8 " + path + " -");
  ASSERT_EQ(r.status, 0) << r.out;
  expect_common_text(r.out, "pdftotext");
  // Justification widened the spaces with TJ: still one space each.
  EXPECT_THAT(r.out, HasSubstr("Justified text works well here."));
  // The hyphenated word comes out whole, once (poppler honours /ActualText).
  EXPECT_THAT(r.out, HasSubstr("typesetting"));
  EXPECT_THAT(r.out, Not(HasSubstr("typeset-")));
  EXPECT_THAT(r.out, Not(HasSubstr("ting rules")));
  EXPECT_THAT(r.out, HasSubstr("Xq"));
  EXPECT_THAT(r.out, HasSubstr("Hi there"));
  EXPECT_THAT(r.out, HasSubstr("Dé"));
  auto layout = tool("pdftotext -layout -enc UTF-8 " + path + " -");
  expect_common_text(layout.out, "pdftotext -layout");
}

TEST_F(PdfWriterTest, PdfminerAndMupdfExtractTheText) {
  auto miner = tool("pdf2txt " + path);
  ASSERT_EQ(miner.status, 0) << miner.out;
  expect_common_text(miner.out, "pdf2txt");
  // Glyphs without text of their own (the combining acute) still have a ToUnicode entry.
  EXPECT_THAT(miner.out, Not(HasSubstr("(cid:")));
  EXPECT_THAT(miner.out, HasSubstr("De\u0301"));
  // Justified spaces are stretched glyphs, not glyph + gap: one space each.
  EXPECT_THAT(miner.out, HasSubstr("Justified text works well here."));
  auto mu = tool("mutool draw -q -F txt -o - " + path);
  ASSERT_EQ(mu.status, 0) << mu.out;
  expect_common_text(mu.out, "mutool");
  EXPECT_THAT(mu.out, HasSubstr("Justified text works well here."));
  EXPECT_THAT(mu.out, Not(HasSubstr("error")));
}

TEST_F(PdfWriterTest, GlyphsLandWhereTheLayoutPutThem) {
  auto r = tool("pdftotext -bbox " + path + " -");
  ASSERT_EQ(r.status, 0) << r.out;
  auto word_box = [&](const std::string& word) {
    std::smatch m;
    std::regex re("xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">" + word + "<");
    EXPECT_TRUE(std::regex_search(r.out, m, re)) << word;
    return std::array<double, 4>{std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])};
  };
  EXPECT_NEAR(word_box("Justified")[0], kLeft, 0.05);
  EXPECT_NEAR(word_box("here.")[2], t.justified_right, 0.05);
  EXPECT_NEAR(word_box("workflows.")[2], kLeft + t.doc.pages[0].runs[1].width().to_pt(), 0.05);
  // Baseline at y = 180 from the top: the word box straddles it.
  auto box = word_box("Justified");
  EXPECT_LT(box[1], 180);
  EXPECT_GT(box[3], 180);
}

TEST_F(PdfWriterTest, LinksOutlineAndMetadata) {
  auto json = tool("qpdf --json " + path);
  ASSERT_EQ(json.status, 0) << json.out;
  EXPECT_THAT(json.out, HasSubstr("https://example.com/jane"));
  EXPECT_THAT(json.out, HasSubstr("mailto:jane@example.com"));
  EXPECT_THAT(json.out, HasSubstr("https://example.com/zo%C3%AB%20cv"));
  EXPECT_THAT(json.out, HasSubstr("\"/Subtype\": \"/Link\""));
  EXPECT_THAT(json.out, Not(HasSubstr("\"/M\"")));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(json.out, m, std::regex("\"outlines\": \\[([\\s\\S]*?)\\n  \\]")));
  const std::string outlines = m[1];
  for (const char* title : {"Jane Doe - CV", "Experience", "Education", "Skills"})
    EXPECT_THAT(outlines, HasSubstr(std::string("\"title\": \"") + title + "\""));
  EXPECT_LT(outlines.find("Experience"), outlines.find("Education"));
  EXPECT_LT(outlines.find("Education"), outlines.find("Skills"));
  EXPECT_THAT(json.out, HasSubstr("\"/PageMode\": \"/UseOutlines\""));
  EXPECT_THAT(json.out, HasSubstr("\"/Lang\": \"u:en-US\""));
  EXPECT_THAT(json.out, HasSubstr("\"/DisplayDocTitle\": true"));

  auto info = tool("pdfinfo " + path);
  EXPECT_THAT(info.out, HasSubstr("Title:           Jane Doe - CV"));
  EXPECT_THAT(info.out, HasSubstr("Author:          Jane Doe Ünïcode"));
  EXPECT_THAT(info.out, HasSubstr("Subject:         Curriculum vitae"));
  EXPECT_THAT(info.out, HasSubstr("Keywords:        cv, typesetting"));
  EXPECT_THAT(info.out, HasSubstr("Creator:         " + default_pdf_creator()));
  EXPECT_THAT(info.out, HasSubstr("Producer:        " + default_pdf_producer()));
  EXPECT_THAT(info.out, HasSubstr("Pages:           2"));
  EXPECT_THAT(info.out, HasSubstr("PDF version:     1.7"));
  EXPECT_THAT(info.out, HasSubstr("Metadata Stream: yes"));
  EXPECT_THAT(info.out, HasSubstr("CreationDate:    Tue Nov 14 22:13:20 2023 UTC"));
  auto xmp = tool("pdfinfo -meta " + path);
  EXPECT_THAT(xmp.out, HasSubstr("<rdf:li xml:lang=\"x-default\">Jane Doe - CV</rdf:li>"));
  EXPECT_THAT(xmp.out, HasSubstr("<rdf:li>Jane Doe Ünïcode</rdf:li>"));
  EXPECT_THAT(xmp.out, HasSubstr("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"));
  // The XMP stream is stored uncompressed, so the packet is visible in the file.
  EXPECT_THAT(pdf, HasSubstr("<x:xmpmeta"));
}

TEST_F(PdfWriterTest, SameInputSameBytes) {
  Diagnostics diags;
  auto again = write_pdf(t.doc, PdfOptions{}, diags);
  ASSERT_TRUE(again);
  EXPECT_TRUE(*again == pdf) << "two writes of one document differ";
}

TEST_F(PdfWriterTest, NoDateMeansNoClock) {
  t.doc.info.date.reset();
  Diagnostics diags;
  auto a = write_pdf(t.doc, PdfOptions{}, diags);
  ASSERT_TRUE(a);
  EXPECT_THAT(*a, Not(HasSubstr("CreationDate")));
  EXPECT_THAT(*a, Not(HasSubstr("ModDate")));
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto b = write_pdf(t.doc, PdfOptions{}, diags);
  EXPECT_TRUE(*a == *b);
}

TEST_F(PdfWriterTest, RendersWithoutComplaints) {
  auto r = tool("pdftoppm -r 30 -png " + path + " " + dir.file("page"));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "") << "poppler printed warnings";
  auto mu = tool("mutool draw -q -r 30 -o " + dir.file("mu%d.png") + " " + path);
  EXPECT_EQ(mu.status, 0);
  // Debian's MuPDF is built without LCMS; that warning is about the tool, not the file.
  mu.out = std::regex_replace(mu.out, std::regex("warning: ICC support is not available\n"), "");
  EXPECT_THAT(mu.out, Not(HasSubstr("error"))) << mu.out;
  EXPECT_THAT(mu.out, Not(HasSubstr("warning"))) << mu.out;
}

/// A full page of body text (about 3,000 characters in two faces): the size stays in the
/// range subsetting should give. (Its time is bench/'s business: docs/performance.md.)
TEST(PdfWriter, FullPageSize) {
  TestDoc t;
  Page page = pdf_test::blank_page(kW, kH);
  const std::string line = "Led a team of five engineers; shipped a typesetting engine in C++20.";
  for (int i = 0; i < 44; ++i)
    page.runs.push_back(shaped_run(i % 2 ? t.lato : t.libertine, line, 10, kLeft, 72 + 15.0 * i));
  LaidOutDocument doc;
  doc.pages = {page};
  doc.info.date = 1700000000;
  Diagnostics diags;
  auto bytes = write_pdf(doc, PdfOptions{}, diags);
  ASSERT_TRUE(bytes);
  std::cout << "[ info ] one page, " << 44 * line.size() << " characters, 2 fonts: "
            << bytes->size() << " bytes\n";
  RecordProperty("pdf_bytes", static_cast<int>(bytes->size()));
  // Whole fonts would be 2 x 100+ KB; two small subsets plus content are far below.
  EXPECT_LT(bytes->size(), 30000u);
  EXPECT_GT(bytes->size(), 3000u);
}

TEST_F(PdfWriterTest, UncompressedOutputIsValidAndReadable) {
  PdfOptions opt;
  opt.content.compress = false;
  Diagnostics diags;
  auto plain = write_pdf(t.doc, opt, diags);
  ASSERT_TRUE(plain);
  EXPECT_THAT(*plain, HasSubstr("] TJ\n"));
  EXPECT_THAT(*plain, HasSubstr("beginbfchar"));
  EXPECT_GT(plain->size(), pdf.size());
  const std::string p = dir.file("plain.pdf");
  pdf_test::write_bytes(p, *plain);
  auto r = tool("qpdf --check " + p);
  EXPECT_EQ(r.status, 0) << r.out;
}

/// A C++ global locale with a decimal comma and digit grouping (as a host program might
/// install) must not change a byte.
struct CommaNumpunct : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
  char do_thousands_sep() const override { return '.'; }
  std::string do_grouping() const override { return "\3"; }
};

TEST_F(PdfWriterTest, GlobalLocaleDoesNotChangeTheOutput) {
  const std::locale old = std::locale::global(std::locale(std::locale::classic(), new CommaNumpunct));
  Diagnostics diags;
  auto again = write_pdf(t.doc, PdfOptions{}, diags);
  std::locale::global(old);
  ASSERT_TRUE(again);
  EXPECT_TRUE(*again == pdf);
}

/// Builds will run in parallel threads: concurrent writes must not interfere.
TEST_F(PdfWriterTest, ParallelWritesGiveIdenticalBytes) {
  std::vector<std::string> out(4);
  std::vector<std::thread> threads;
  for (auto& o : out)
    threads.emplace_back([&o, this] {
      Diagnostics diags;
      o = write_pdf(t.doc, PdfOptions{}, diags).value_or("failed");
    });
  for (auto& th : threads) th.join();
  for (const auto& o : out) EXPECT_TRUE(o == pdf);
}

/// Helper threads inside one write (PdfContentOptions::workers) change no byte, compressed or not.
TEST_F(PdfWriterTest, WorkerThreadsGiveIdenticalBytes) {
  for (bool compress : {true, false}) {
    PdfOptions one;
    one.content.compress = compress;
    Diagnostics diags;
    const auto reference = write_pdf(t.doc, one, diags);
    ASSERT_TRUE(reference);
    for (unsigned threads : {0u, 2u, 3u, 8u}) {
      PdfOptions opt = one;
      Workers workers(threads);
      opt.content.workers = &workers;
      const auto bytes = write_pdf(t.doc, opt, diags);
      ASSERT_TRUE(bytes) << threads;
      EXPECT_TRUE(*bytes == *reference) << threads << " threads, compress " << compress;
    }
  }
}

/// Every bundled face embeds and extracts: one line per face.
TEST(PdfWriter, EveryBundledFontEmbedsAndExtracts) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(pdf_test::kFonts)) {
    const std::string ext = e.path().extension().string();
    if (ext == ".ttf" || ext == ".otf") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 8u);
  LaidOutDocument doc;
  constexpr std::size_t kLinesPerPage = 30;  // 72 + 20 * 29 stays inside the page
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string err;
    auto font = load_font_file(files[i], &err);
    ASSERT_TRUE(font) << err;
    if (i % kLinesPerPage == 0) doc.pages.push_back(pdf_test::blank_page(kW, kH));
    doc.pages.back().runs.push_back(shaped_run(font, "Line " + std::to_string(i) + ": efficient fjord",
                                               11, kLeft, 72 + 20.0 * (i % kLinesPerPage)));
  }
  Diagnostics diags;
  auto bytes = write_pdf(doc, PdfOptions{}, diags);
  ASSERT_TRUE(bytes);
  pdf_test::TempDir dir;
  const std::string path = dir.file("all.pdf");
  pdf_test::write_bytes(path, *bytes);
  auto fonts = run_command("pdffonts " + path + " 2>&1");
  int embedded = 0;
  std::istringstream lines(fonts.out);
  for (std::string line; std::getline(lines, line);)
    if (std::regex_search(line, std::regex("Identity-H\\s+yes\\s+yes\\s+yes"))) ++embedded;
  EXPECT_EQ(embedded, static_cast<int>(files.size())) << fonts.out;
  auto text = run_command("pdftotext " + path + " - 2>&1");
  for (std::size_t i = 0; i < files.size(); ++i)
    EXPECT_THAT(text.out, HasSubstr("Line " + std::to_string(i) + ": efficient fjord")) << files[i];
  auto check = run_command("qpdf --check " + path + " 2>&1");
  EXPECT_EQ(check.status, 0) << check.out;
  auto render = run_command("pdftoppm -r 20 -png " + path + " " + dir.file("p") + " 2>&1");
  EXPECT_EQ(render.out, "");
}

TEST(PdfWriter, GlyphMissingFromTheFontIsADiagnostic) {
  TestDoc t;
  t.doc.pages[0].runs[0].glyphs[0].id = 65000;
  Diagnostics diags;
  EXPECT_FALSE(write_pdf(t.doc, PdfOptions{}, diags));
  ASSERT_TRUE(diags.has_errors());
  EXPECT_THAT(diags.all()[0].message, HasSubstr("65000"));
}

TEST(PdfWriter, EmptyDocumentIsADiagnostic) {
  Diagnostics diags;
  EXPECT_FALSE(write_pdf(LaidOutDocument{}, PdfOptions{}, diags));
  EXPECT_TRUE(diags.has_errors());
}

}  // namespace
}  // namespace vitae

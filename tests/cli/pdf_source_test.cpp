// The PDF writer as the program gets it: the vitae-pdf module loaded on a background
// thread, and what a build says when it cannot be loaded.
#include <gtest/gtest.h>

#include <sched.h>

#include <filesystem>
#include <thread>

#include "../support/files.h"
#include "pipeline/build.h"
#include "pipeline/pdf_source.h"
#include "pdf_content/prepared.h"

namespace vitae {
namespace {

LaidOutDocument one_blank_page() {
  LaidOutDocument doc;
  Page page;
  page.width = Abs::pt(595);
  page.height = Abs::pt(842);
  doc.pages.push_back(page);
  doc.info.title = "Blank";
  return doc;
}

// The loading thread's move off its starter's core (move_off_core), on a thread of its own
// so that the test's thread keeps its affinity.
TEST(PdfModule, LoadingThreadMovesOffACore) {
  std::thread([] {
    cpu_set_t allowed;
    ASSERT_EQ(sched_getaffinity(0, sizeof allowed, &allowed), 0);
    const int here = sched_getcpu();
    ASSERT_GE(here, 0);
    EXPECT_FALSE(move_off_core(-1));
    if (CPU_COUNT(&allowed) < 2) {  // nowhere else to go: it stays, and says so
      EXPECT_FALSE(move_off_core(here));
      return;
    }
    ASSERT_TRUE(move_off_core(here));
    cpu_set_t now;
    ASSERT_EQ(sched_getaffinity(0, sizeof now, &now), 0);
    EXPECT_FALSE(CPU_ISSET(here, &now));
    EXPECT_EQ(CPU_COUNT(&now), CPU_COUNT(&allowed) - 1);
    EXPECT_NE(sched_getcpu(), here);  // moved at once, not at its next wake-up
    EXPECT_FALSE(move_off_core(here));  // no longer allowed there
  }).join();
}

TEST(PdfModule, LoadsInTheBackgroundAndWrites) {
  auto source = load_pdf_module(VITAE_PDF_MODULE);
  std::string why;
  WritePdfFn write = source->get(&why);
  ASSERT_NE(write, nullptr) << why;
  Diagnostics d;
  LaidOutDocument doc = one_blank_page();
  doc.pages.push_back(doc.pages.front());
  // The streams are made here, in the program; the module assembles the document.
  std::optional<PreparedPdf> prepared = prepare_pdf(doc, {}, d);
  ASSERT_TRUE(prepared);
  std::optional<std::string> pdf = write(doc, *prepared, d);
  ASSERT_TRUE(pdf) << d.error_count();
  EXPECT_EQ(pdf->rfind("%PDF-1.7", 0), 0u);
  EXPECT_NE(pdf->find("/Title(Blank)"), std::string::npos);
  EXPECT_NE(pdf->find("/Count 2"), std::string::npos);
  // Streams of another document are refused, not written out of step.
  doc.pages.pop_back();
  EXPECT_FALSE(write(doc, *prepared, d));
  EXPECT_TRUE(d.has_errors());
  EXPECT_EQ(source->get(nullptr), write);  // asked twice: the same writer, loaded once
}

TEST(PdfModule, ReadyOnceLoadedOrFailed) {
  // ready() tells a build whether the load still takes a core (BuildConfig::module_needs_a_core):
  // never true before get() could return at once, and always true after it has.
  EXPECT_TRUE(linked_pdf_writer(nullptr)->ready());
  for (const char* path : {VITAE_PDF_MODULE, "/nonexistent/dir/vitae-pdf.so"}) {
    auto source = load_pdf_module(path);
    source->get(nullptr);
    EXPECT_TRUE(source->ready()) << path;
  }
}

TEST(PdfModule, AMissingModuleIsAnErrorNamingIt) {
  auto source = load_pdf_module("/nonexistent/dir/vitae-pdf.so");
  std::string why;
  EXPECT_EQ(source->get(&why), nullptr);
  EXPECT_NE(why.find("/nonexistent/dir/vitae-pdf.so"), std::string::npos) << why;
}

TEST(PdfModule, ALibraryThatIsNotTheModuleIsRefused) {
  // A real shared object without the entry point: loads, but is not a vitae module.
  auto source = load_pdf_module("libz.so.1");
  std::string why;
  EXPECT_EQ(source->get(&why), nullptr);
  EXPECT_NE(why.find("was not built with this vitae"), std::string::npos) << why;
}

TEST(PdfModule, TheModuleIsFoundBesideTheProgramOrWhereItIsInstalled) {
  std::string path = pdf_module_for_program();
  ASSERT_FALSE(path.empty());
  EXPECT_TRUE(path.ends_with(std::string("/") + kPdfModuleFile)) << path;
  // An installed tree: bin/vitae and lib/vitae/vitae-pdf.so, found relative to bin.
  test_support::TempDir dir;
  std::filesystem::create_directories(dir.file("bin"));
  const std::string installed = pdf_module_near(dir.file("bin"));
  EXPECT_TRUE(installed.starts_with(dir.file("bin") + "/../") && installed.ends_with(std::string("/vitae/") + kPdfModuleFile))
      << installed;
  // The build tree: the module beside the program wins.
  test_support::write_bytes(dir.file("bin") + "/" + kPdfModuleFile, "");
  EXPECT_EQ(pdf_module_near(dir.file("bin")), dir.file("bin") + "/" + kPdfModuleFile);
}

TEST(PdfModule, ABuildWithoutAWriterFailsWithADiagnostic) {
  BuildServices services;  // no PDF writer
  Diagnostics d;
  SourceFile src{"cv.yaml", "cv:\n  name: Ada Lovelace\n"};
  EXPECT_FALSE(build_document(src, BuildConfig{}, services, d));
  ASSERT_TRUE(d.has_errors());
  std::string text = format_diagnostics(d, {&src});
  EXPECT_NE(text.find("vitae: error: cannot load the PDF writer"), std::string::npos) << text;
  // vitae check needs no writer.
  Diagnostics c;
  BuildConfig check;
  check.check_only = true;
  EXPECT_TRUE(build_document(src, check, services, c));
  EXPECT_FALSE(c.has_errors());
}

}  // namespace
}  // namespace vitae

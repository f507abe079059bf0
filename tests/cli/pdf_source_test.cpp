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

// Where the loading thread starts: every allowed core but the caller's (cores_but_this_one).
TEST(PdfModule, LoadingThreadStartsOffTheCallersCore) {
  cpu_set_t allowed;
  ASSERT_EQ(sched_getaffinity(0, sizeof allowed, &allowed), 0);
  cpu_set_t cores;
  int here = -1;
  const bool other = cores_but_this_one(&cores, &here);
  ASSERT_GE(here, 0);
  EXPECT_TRUE(CPU_ISSET(here, &allowed));
  if (CPU_COUNT(&allowed) < 2) {  // nowhere else to go: it says so
    EXPECT_FALSE(other);
    return;
  }
  ASSERT_TRUE(other);
  EXPECT_FALSE(CPU_ISSET(here, &cores));
  EXPECT_EQ(CPU_COUNT(&cores), CPU_COUNT(&allowed) - 1);
  cpu_set_t both;
  CPU_AND(&both, &cores, &allowed);
  EXPECT_TRUE(CPU_EQUAL(&both, &cores));  // only cores the caller may use
  // A thread started there runs there.
  int ran_on = -1;
  std::thread([&] {
    ASSERT_EQ(sched_setaffinity(0, sizeof cores, &cores), 0);
    ran_on = sched_getcpu();
  }).join();
  EXPECT_TRUE(CPU_ISSET(ran_on, &cores));
  EXPECT_NE(ran_on, here);
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

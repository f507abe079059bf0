// In-process benchmarks (Google Benchmark): load, lay out, prepare and write the reference
// CV, and a 10-page CV made by repeating its sections. Fonts are loaded once, as in a batch build.
// Run: cmake -B build -DVITAE_BENCH=ON && cmake --build build --target vitae_bench
//      build/bench/vitae_bench
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "pipeline/build.h"
#include "layout/layout.h"
#include "layout/shape_cache.h"
#include "load/load.h"
#include "model/workers.h"
#include "pdf_content/prepared.h"
#include "pdf_module/linked.h"

namespace {

using namespace vitae;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

SourceFile reference() { return {"wei-wen.yaml", slurp(VITAE_SOURCE_DIR "/data/examples/wei-wen.yaml")}; }

// The reference CV with its sections repeated `times` times.
Document repeated(int times) {
  Diagnostics d;
  Document doc = *load_document(reference(), d);
  std::vector<Section> sections = doc.cv.sections;
  for (int i = 1; i < times; ++i) doc.cv.sections.insert(doc.cv.sections.end(), sections.begin(), sections.end());
  return doc;
}

BuildServices& services() {
  // Benchmark fixture, shared like a batch build's; the PDF stage linked in.
  static BuildServices s(linked_pdf_writer(&write_prepared_pdf));
  return s;
}

void BM_Load(benchmark::State& state) {
  SourceFile src = reference();
  for (auto _ : state) {
    Diagnostics d;
    benchmark::DoNotOptimize(load_document(src, d));
  }
}
BENCHMARK(BM_Load)->Unit(benchmark::kMillisecond);

// Cold: every layout shapes its words afresh (a single build). Warm: the shape cache is
// kept between layouts, as in batch builds of variants and in fitting to N pages.
void layout_bench(benchmark::State& state, int times, bool warm, unsigned threads = 1) {
  Document doc = repeated(times);
  int pages = 0;
  ShapeCache cache;
  LayoutOptions options;
  if (warm) options.shape_cache = &cache;
  Workers workers(threads);  // started once, as `vitae build` starts them
  options.workers = &workers;
  for (auto _ : state) {
    Diagnostics d;
    LayoutResult r = layout_document(doc, services().fonts, options, d);
    pages = static_cast<int>(r.doc.pages.size());
    benchmark::DoNotOptimize(r);
  }
  state.counters["pages"] = pages;
}

void BM_LayoutReference(benchmark::State& state) { layout_bench(state, 1, false); }
BENCHMARK(BM_LayoutReference)->Unit(benchmark::kMillisecond);

// Sections on two threads, as a single `vitae build` sets them (wall-clock time).
void BM_LayoutReferenceTwoThreads(benchmark::State& state) { layout_bench(state, 1, false, 2); }
BENCHMARK(BM_LayoutReferenceTwoThreads)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LayoutReferenceWarm(benchmark::State& state) { layout_bench(state, 1, true); }
BENCHMARK(BM_LayoutReferenceWarm)->Unit(benchmark::kMillisecond);

void BM_LayoutTenPages(benchmark::State& state) { layout_bench(state, 5, false); }
BENCHMARK(BM_LayoutTenPages)->Unit(benchmark::kMillisecond);

void BM_LayoutTenPagesTwoThreads(benchmark::State& state) { layout_bench(state, 5, false, 2); }
BENCHMARK(BM_LayoutTenPagesTwoThreads)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LayoutTenPagesWarm(benchmark::State& state) { layout_bench(state, 5, true); }
BENCHMARK(BM_LayoutTenPagesWarm)->Unit(benchmark::kMillisecond);

void BM_BuildReference(benchmark::State& state) {
  SourceFile src = reference();
  for (auto _ : state) {
    Diagnostics d;
    benchmark::DoNotOptimize(build_document(src, BuildConfig{}, services(), d));
  }
}
BENCHMARK(BM_BuildReference)->Unit(benchmark::kMillisecond);

// A first build: fonts loaded and HarfBuzz's per-face caches built afresh, as in a new
// process (everything but the process start itself and the PDF module's loading).
void BM_FirstBuildReference(benchmark::State& state) {
  SourceFile src = reference();
  for (auto _ : state) {
    BuildServices fresh(linked_pdf_writer(&write_prepared_pdf));
    Diagnostics d;
    benchmark::DoNotOptimize(build_document(src, BuildConfig{}, fresh, d));
  }
}
BENCHMARK(BM_FirstBuildReference)->Unit(benchmark::kMillisecond);

// As one `vitae build` runs it: layout and PDF writer on two threads (wall-clock time).
void BM_BuildReferenceTwoThreads(benchmark::State& state) {
  SourceFile src = reference();
  BuildConfig config;
  Workers workers(2);
  config.workers = &workers;
  for (auto _ : state) {
    Diagnostics d;
    benchmark::DoNotOptimize(build_document(src, config, services(), d));
  }
}
BENCHMARK(BM_BuildReferenceTwoThreads)->Unit(benchmark::kMillisecond)->UseRealTime();

// The two halves of the PDF stage on the reference CV's pages: the streams the program
// makes while the module loads (subsetting, content, compression), with and without the
// helper thread; then PoDoFo's assembly, which waits for the module.
LaidOutDocument reference_pages() {
  Diagnostics d;
  Document doc = *load_document(reference(), d);
  return layout_document(doc, services().fonts, LayoutOptions{}, d).doc;
}

void prepare_bench(benchmark::State& state, unsigned threads) {
  const LaidOutDocument pages = reference_pages();
  Workers workers(threads);
  PdfContentOptions options;
  options.workers = &workers;
  for (auto _ : state) {
    Diagnostics d;
    benchmark::DoNotOptimize(prepare_pdf(pages, options, d));
  }
}

void BM_PreparePdfReference(benchmark::State& state) { prepare_bench(state, 1); }
BENCHMARK(BM_PreparePdfReference)->Unit(benchmark::kMillisecond);

void BM_PreparePdfReferenceTwoThreads(benchmark::State& state) { prepare_bench(state, 2); }
BENCHMARK(BM_PreparePdfReferenceTwoThreads)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_AssemblePdfReference(benchmark::State& state) {
  const LaidOutDocument pages = reference_pages();
  Diagnostics d;
  const PreparedPdf prepared = *prepare_pdf(pages, {}, d);
  for (auto _ : state) benchmark::DoNotOptimize(assemble_pdf(pages, prepared, PdfOptions{}, d));
}
BENCHMARK(BM_AssemblePdfReference)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

// Where a build gets its PDF writer from. The writer (src/pdf, PoDoFo) is the one stage
// whose libraries are expensive to load: PoDoFo 0.9.8 brings 21 shared libraries
// (libcrypto, libtiff, libjpeg, ...), all but two built with BIND_NOW, whose loading and
// symbol binding take 5-7 ms in a fresh process on our machine, a third of the 15 ms a
// whole build may take. The vitae program therefore does not link PoDoFo: it loads the
// writer as a module (vitae-pdf.so) on a second thread at start-up, while the first
// thread reads, parses and lays out the CV and prepares every stream of the PDF
// (pdf_content/prepared.h), and waits for it only to assemble the document. Tests and
// benchmarks link the writer in instead.
#pragma once

#include <sched.h>

#include <memory>
#include <optional>
#include <string>

#include "vitae/diagnostics.h"
#include "vitae/pages.h"

namespace vitae {

struct PreparedPdf;

/// The PoDoFo half of the PDF stage as a plain function: pages and their prepared streams
/// in, PDF bytes out (assemble_pdf with the default PdfOptions); nothing with errors in
/// the diagnostics.
using WritePdfFn = std::optional<std::string> (*)(const LaidOutDocument&, const PreparedPdf&,
                                                  Diagnostics&);

/// A PDF writer that may still be arriving. Thread-safe: builds running in parallel share
/// one.
class PdfWriterSource {
 public:
  virtual ~PdfWriterSource() = default;
  /// The writer, waiting while it is still being loaded; nullptr, with the reason in
  /// `error`, when it cannot be had.
  virtual WritePdfFn get(std::string* error) const = 0;
  /// Whether get() would return at once: the writer is there (or has failed to load).
  virtual bool ready() const = 0;
};

/// A writer linked into the program (tests, benchmarks, embedding).
std::shared_ptr<const PdfWriterSource> linked_pdf_writer(WritePdfFn write);

/// Starts loading the module at `path` on a new thread and returns at once; `get` waits
/// for the thread. The module stays loaded until the process ends. The loading takes
/// about 10 ms of one core's time (PoDoFo's 21 libraries; see CMakeLists.txt).
std::shared_ptr<const PdfWriterSource> load_pdf_module(std::string path);

/// The cores the calling thread may run on, but the one it runs on now (`this_core`): where
/// the thread that loads the module is started. Linux places a new thread on its creator's
/// core when it judges the other core busy, and on our two-core machines left the two
/// sharing one core for 2-7 ms in about a quarter of the builds while the other sat idle:
/// the parse and the layout ran at a third of their speed (docs/performance.md). The loading
/// thread ends once the module is loaded, and its narrowed affinity with it. False, and
/// `cores` unspecified, when no other core is allowed.
bool cores_but_this_one(cpu_set_t* cores, int* this_core);

/// The module's file name: built beside the vitae program, installed in lib/vitae.
inline constexpr const char* kPdfModuleFile = "vitae-pdf.so";

/// The module for a program in `program_dir`: kPdfModuleFile beside it when there (the
/// build tree), else where `cmake --install` puts it relative to the program
/// (bin/../lib/vitae), so that an installed tree works wherever it is moved.
std::string pdf_module_near(const std::string& program_dir);

/// pdf_module_near the running program (/proc/self/exe); empty when that cannot be read.
std::string pdf_module_for_program();

}  // namespace vitae

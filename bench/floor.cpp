// The floor of a `vitae build`: everything a build does besides vitae's own work. It starts
// with the libraries the program links, loads the PDF module on a thread as the program does
// (RTLD_NOW | RTLD_DEEPBIND, see src/pipeline/pdf_source.cpp), writes a finished PDF with the
// program's own durable write (write_file_atomically) and exits at once, as `vitae build`
// does. Run it paired with `vitae build` (bench/paired.py): the
// difference is what the YAML, the layout and the PDF stages add (docs/performance.md).
// usage: vitae_floor FINISHED.pdf OUTPUT.pdf
#include <dlfcn.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "pipeline/atomic_file.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: vitae_floor FINISHED.pdf OUTPUT.pdf\n");
    return 2;
  }
  std::thread loader([] {
    if (!dlopen(VITAE_PDF_MODULE, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND)) {
      std::fprintf(stderr, "%s\n", dlerror());
      _exit(1);
    }
  });
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const std::string pdf = bytes.str();
  loader.join();  // the program, too, cannot assemble the PDF before the module is loaded
  std::string error;
  if (!vitae::write_file_atomically(argv[2], pdf, &error)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  _exit(0);
}

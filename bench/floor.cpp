// The floor of a `vitae build`: everything a build does besides vitae's own work. It starts
// with the libraries the program links, loads the PDF module on a thread as the program does
// (RTLD_NOW | RTLD_DEEPBIND, see src/build/pdf_source.cpp), writes a finished PDF durably
// (temporary file beside the target, fsync, rename, as src/build/atomic_file.cpp) and exits
// at once, as `vitae build` does. Run it paired with `vitae build` (bench/paired.py): the
// difference is what the YAML, the layout and the PDF stages add (docs/performance.md).
// usage: vitae_floor FINISHED.pdf OUTPUT.pdf
#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

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
  const std::string tmp = std::string(argv[2]) + ".floor-tmp";
  const int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0 || write(fd, pdf.data(), pdf.size()) != static_cast<ssize_t>(pdf.size()) || fsync(fd) != 0 ||
      close(fd) != 0 || std::rename(tmp.c_str(), argv[2]) != 0) {
    std::perror(argv[2]);
    return 1;
  }
  _exit(0);
}

#include "build/pdf_source.h"

#include <dlfcn.h>
#include <unistd.h>

#include <future>

#include "pdf_module/api.h"

namespace vitae {
namespace {

class LinkedWriter final : public PdfWriterSource {
 public:
  explicit LinkedWriter(WritePdfFn write) : write_(write) {}
  WritePdfFn get(std::string*) const override { return write_; }

 private:
  WritePdfFn write_;
};

struct Loaded {
  WritePdfFn write = nullptr;
  std::string error;
};

/// Loads the module and checks it was built with this program. RTLD_NOW: every symbol of
/// PoDoFo and its libraries is bound here, on the loading thread, not later on the
/// thread that writes. The handle is never closed: the writer is used until exit.
Loaded load(const std::string& path) {
  Loaded r;
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    r.error = why ? why : ("cannot load " + path);
    return r;
  }
  auto entry = reinterpret_cast<PdfModuleEntryFn>(dlsym(handle, kPdfModuleEntry));
  const PdfModuleApi* api = entry ? entry() : nullptr;
  if (!api || std::string_view(api->version) != VITAE_VERSION ||
      api->document_size != sizeof(LaidOutDocument) || api->prepared_size != sizeof(PreparedPdf) ||
      !api->write_pdf) {
    r.error = path + " was not built with this vitae " VITAE_VERSION;
    return r;
  }
  r.write = api->write_pdf;
  return r;
}

class ModuleWriter final : public PdfWriterSource {
 public:
  // async | deferred: on a thread of its own, or, when no thread can be had, on the first
  // get() (std::async falls back by itself).
  explicit ModuleWriter(std::string path)
      : loading_(std::async(std::launch::async | std::launch::deferred, load, std::move(path))
                     .share()) {}
  WritePdfFn get(std::string* error) const override {
    try {
      const Loaded& r = loading_.get();
      if (!r.write && error) *error = r.error;
      return r.write;
    } catch (const std::exception& e) {  // the loading thread ran out of memory
      if (error) *error = e.what();
      return nullptr;
    }
  }

 private:
  std::shared_future<Loaded> loading_;  // the last copy's destructor joins the thread
};

}  // namespace

std::shared_ptr<const PdfWriterSource> linked_pdf_writer(WritePdfFn write) {
  return std::make_shared<LinkedWriter>(write);
}

std::shared_ptr<const PdfWriterSource> load_pdf_module(std::string path) {
  return std::make_shared<ModuleWriter>(std::move(path));
}

std::string pdf_module_beside_program() {
  std::string exe(4096, '\0');
  ssize_t n = readlink("/proc/self/exe", exe.data(), exe.size());
  if (n <= 0 || static_cast<std::size_t>(n) >= exe.size()) return {};
  exe.resize(static_cast<std::size_t>(n));
  auto slash = exe.rfind('/');
  return exe.substr(0, slash + 1) + kPdfModuleFile;
}

}  // namespace vitae

#include "pipeline/pdf_source.h"

#include <dlfcn.h>
#include <pthread.h>
#include <sched.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <future>
#include <mutex>

#include "pdf_module/api.h"

namespace vitae {
namespace {

class LinkedWriter final : public PdfWriterSource {
 public:
  explicit LinkedWriter(WritePdfFn write) : write_(write) {}
  WritePdfFn get(std::string*) const override { return write_; }
  bool ready() const override { return true; }

 private:
  WritePdfFn write_;
};

struct Loaded {
  WritePdfFn write = nullptr;
  std::string error;
};

/// Whether the malloc every library binds to is libc's, not one the program or a
/// preloaded library defines.
[[maybe_unused]] bool malloc_is_libcs() {
  void* libc = dlopen("libc.so.6", RTLD_NOW | RTLD_NOLOAD);
  if (!libc) return false;
  const bool same = dlsym(RTLD_DEFAULT, "malloc") == dlsym(libc, "malloc");
  dlclose(libc);
  return same;
}

/// RTLD_DEEPBIND where it changes nothing but the time it takes. Binding the module's
/// 10,000 symbols is most of its loading (21.6 M instructions), and with a plain
/// RTLD_LOCAL every lookup first misses in each of the ~20 libraries the program itself
/// brought (HarfBuzz's GLib, FreeType's libpng, ...) before it reaches PoDoFo's own.
/// Looking among the module's libraries first takes 12.4 M instructions: 1.8 ms less CPU
/// per build, on a machine whose two cores are both busy (docs/performance.md).
///
/// It binds exactly as RTLD_LOCAL would as long as no symbol is defined twice, once in
/// the module's libraries and once in a library that comes first in the global scope.
/// On Debian 12 none is, apart from identical copies (libc's and libm's scalbn, C++
/// inline functions; checked with nm, docs/performance.md), and the three stdio
/// pointers the program copies from libc (copy relocations): the module sees libc's
/// own, which point to the same FILE objects, as nothing ever assigns to them. A library
/// preloaded with LD_PRELOAD, /etc/ld.so.preload or an auditor breaks that: an allocator
/// preloaded so would be bypassed by the module, which would then hand the program memory
/// from libc's malloc to free (tests/cli/preload_test.cpp). So does a program that links
/// an allocator in, or a sanitizer's runtime (which refuses the flag anyway): malloc must
/// be libc's own. Decided on the calling thread: getenv is not to be raced with setenv.
int deep_bind_flag() {
#ifdef VITAE_MODULE_DEEPBIND
  for (const char* var : {"LD_PRELOAD", "LD_AUDIT"}) {
    const char* value = std::getenv(var);
    if (value && *value) return 0;
  }
  if (access("/etc/ld.so.preload", F_OK) == 0) return 0;
  return malloc_is_libcs() ? RTLD_DEEPBIND : 0;
#else
  return 0;
#endif
}

/// Loads the module and checks it was built with this program. RTLD_NOW: every symbol of
/// PoDoFo and its libraries is bound here, on the loading thread, not later on the
/// thread that writes. The handle is never closed: the writer is used until exit.
Loaded load(const std::string& path, int extra_flags) {
  Loaded r;
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | extra_flags);
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

/// The module loaded on a thread of its own, started on another core than the caller's
/// (cores_but_this_one says why). When no thread can be had, the first get() loads it.
class ModuleWriter final : public PdfWriterSource {
 public:
  explicit ModuleWriter(std::string path) : path_(std::move(path)), flags_(deep_bind_flag()) {
    loading_ = promise_.get_future().share();
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) return;
    cpu_set_t cores;
    int here = -1;
    if (cores_but_this_one(&cores, &here)) pthread_attr_setaffinity_np(&attr, sizeof cores, &cores);
    started_ = pthread_create(&thread_, &attr, &ModuleWriter::run, this) == 0;
    pthread_attr_destroy(&attr);
  }
  ~ModuleWriter() override {
    if (started_) pthread_join(thread_, nullptr);
  }
  ModuleWriter(const ModuleWriter&) = delete;
  ModuleWriter& operator=(const ModuleWriter&) = delete;

  WritePdfFn get(std::string* error) const override {
    if (!started_) std::call_once(deferred_, [this] { fulfil(); });
    try {
      const Loaded& r = loading_.get();
      if (!r.write && error) *error = r.error;
      return r.write;
    } catch (const std::exception& e) {  // the loading ran out of memory
      if (error) *error = e.what();
      return nullptr;
    }
  }
  bool ready() const override {
    return loading_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  }

 private:
  static void* run(void* self) {
    static_cast<const ModuleWriter*>(self)->fulfil();
    return nullptr;
  }
  void fulfil() const {
    try {
      promise_.set_value(load(path_, flags_));
    } catch (...) {
      promise_.set_exception(std::current_exception());
    }
  }

  const std::string path_;
  const int flags_;  // decided here, on the calling thread: getenv is not to be raced with setenv
  mutable std::promise<Loaded> promise_;
  std::shared_future<Loaded> loading_;
  mutable std::once_flag deferred_;
  pthread_t thread_{};
  bool started_ = false;
};

}  // namespace

bool cores_but_this_one(cpu_set_t* cores, int* this_core) {
  *this_core = sched_getcpu();
  if (*this_core < 0 || sched_getaffinity(0, sizeof *cores, cores) != 0 ||
      !CPU_ISSET(*this_core, cores) || CPU_COUNT(cores) < 2)
    return false;
  CPU_CLR(*this_core, cores);
  return true;
}

std::shared_ptr<const PdfWriterSource> linked_pdf_writer(WritePdfFn write) {
  return std::make_shared<LinkedWriter>(write);
}

std::shared_ptr<const PdfWriterSource> load_pdf_module(std::string path) {
  return std::make_shared<ModuleWriter>(std::move(path));
}

std::string pdf_module_near(const std::string& program_dir) {
  const std::string beside = program_dir + "/" + kPdfModuleFile;
  if (access(beside.c_str(), F_OK) == 0) return beside;
  return program_dir + "/" VITAE_MODULE_RELDIR "/" + kPdfModuleFile;
}

std::string pdf_module_for_program() {
  std::string exe(4096, '\0');
  ssize_t n = readlink("/proc/self/exe", exe.data(), exe.size());
  if (n <= 0 || static_cast<std::size_t>(n) >= exe.size()) return {};
  exe.resize(static_cast<std::size_t>(n));
  return pdf_module_near(exe.substr(0, exe.rfind('/')));
}

}  // namespace vitae

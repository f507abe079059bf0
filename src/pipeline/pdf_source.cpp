#include "pipeline/pdf_source.h"

#include <dlfcn.h>
#include <sched.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <future>
#include <thread>

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

/// The thread that starts the loading, and the core it ran on then.
struct Starter {
  std::thread::id thread = std::this_thread::get_id();
  int cpu = sched_getcpu();
};

/// Moves the loading thread off its starter's core when the scheduler put it there
/// (move_off_core says why). Not when run deferred, on the starter itself.
void leave_starters_core(const Starter& starter) {
  if (std::this_thread::get_id() != starter.thread && starter.cpu >= 0 &&
      sched_getcpu() == starter.cpu)
    move_off_core(starter.cpu);
}

/// Loads the module and checks it was built with this program. RTLD_NOW: every symbol of
/// PoDoFo and its libraries is bound here, on the loading thread, not later on the
/// thread that writes. The handle is never closed: the writer is used until exit.
Loaded load(const std::string& path, int extra_flags, Starter starter) {
  leave_starters_core(starter);
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

class ModuleWriter final : public PdfWriterSource {
 public:
  // async | deferred: on a thread of its own, or, when no thread can be had, on the first
  // get() (std::async falls back by itself). `path` is passed as an lvalue, copied: when
  // the thread cannot start, libstdc++ retries deferred with the same arguments, and a
  // moved-from path would then be empty ("cannot load the PDF writer").
  explicit ModuleWriter(const std::string& path)
      : loading_(std::async(std::launch::async | std::launch::deferred, load, path, deep_bind_flag(), Starter{}).share()) {}
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
  bool ready() const override {
    return loading_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  }

 private:
  std::shared_future<Loaded> loading_;  // the last copy's destructor joins the thread
};

}  // namespace

bool move_off_core(int cpu) {
  cpu_set_t allowed;
  if (cpu < 0 || sched_getaffinity(0, sizeof allowed, &allowed) != 0 ||
      !CPU_ISSET(cpu, &allowed) || CPU_COUNT(&allowed) < 2)
    return false;
  CPU_CLR(cpu, &allowed);
  return sched_setaffinity(0, sizeof allowed, &allowed) == 0;
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

// A malloc for LD_PRELOAD that aborts when it is asked to free or resize memory it did not
// hand out. Preloaded into `vitae build`, it catches memory allocated by another malloc
// (libc's, reached past the preload) and freed through the preloaded one: what happens when
// a library bound with RTLD_DEEPBIND hands memory to the program (build/pdf_source.cpp).
//
// A bump allocator: blocks come from one reserved region, with a header holding their
// size, and are never reused. Fine for one build of a CV, and simple enough to trust.
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace {

constexpr std::size_t kRegion = std::size_t{4} << 30;  // reserved, not committed
constexpr std::size_t kHeader = 16;                   // keeps blocks 16-byte aligned

std::atomic<char*> region{nullptr};
std::atomic<std::size_t> used{0};

char* base() {
  char* r = region.load(std::memory_order_acquire);
  if (r) return r;
  void* m = mmap(nullptr, kRegion, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (m == MAP_FAILED) std::abort();
  char* expected = nullptr;
  if (region.compare_exchange_strong(expected, static_cast<char*>(m))) return static_cast<char*>(m);
  munmap(m, kRegion);  // another thread won the race
  return expected;
}

[[noreturn]] void foreign(const char* what) {
  static const char prefix[] = "strict_malloc: ";
  static const char suffix[] = " of memory this malloc did not allocate\n";
  (void)!write(2, prefix, sizeof prefix - 1);
  (void)!write(2, what, std::strlen(what));
  (void)!write(2, suffix, sizeof suffix - 1);
  std::abort();
}

bool ours(void* p) {
  char* b = region.load(std::memory_order_acquire);
  return b && static_cast<char*>(p) >= b && static_cast<char*>(p) < b + kRegion;
}

/// A block of `size` bytes whose start is a multiple of `align` (a power of two >= 16).
void* allocate(std::size_t size, std::size_t align) {
  if (size > kRegion || align > kRegion) return nullptr;
  const std::size_t need = (kHeader + align - 16 + size + 15) & ~std::size_t{15};
  char* b = base();
  const std::size_t at = used.fetch_add(need);
  if (at + need > kRegion) {
    errno = ENOMEM;
    return nullptr;
  }
  auto start = reinterpret_cast<std::uintptr_t>(b + at + kHeader);
  start = (start + align - 1) & ~(std::uintptr_t{align} - 1);
  char* p = reinterpret_cast<char*>(start);
  std::memcpy(p - kHeader, &size, sizeof size);
  return p;
}

std::size_t size_of(void* p) {
  std::size_t size;
  std::memcpy(&size, static_cast<char*>(p) - kHeader, sizeof size);
  return size;
}

}  // namespace

extern "C" {

void* malloc(std::size_t size) noexcept { return allocate(size, 16); }

void free(void* p) noexcept {
  if (p && !ours(p)) foreign("free");
}

void* calloc(std::size_t n, std::size_t size) noexcept {
  if (size && n > SIZE_MAX / size) {
    errno = ENOMEM;
    return nullptr;
  }
  return allocate(n * size, 16);  // fresh pages of an anonymous mapping are zero
}

void* realloc(void* p, std::size_t size) noexcept {
  if (!p) return malloc(size);
  if (!ours(p)) foreign("realloc");
  void* q = malloc(size);
  if (q) std::memcpy(q, p, size < size_of(p) ? size : size_of(p));
  return q;
}

void* reallocarray(void* p, std::size_t n, std::size_t size) noexcept {
  if (size && n > SIZE_MAX / size) {
    errno = ENOMEM;
    return nullptr;
  }
  return realloc(p, n * size);
}

int posix_memalign(void** out, std::size_t align, std::size_t size) noexcept {
  if (align < sizeof(void*) || (align & (align - 1))) return EINVAL;
  void* p = allocate(size, align < 16 ? 16 : align);
  if (!p) return ENOMEM;
  *out = p;
  return 0;
}

void* aligned_alloc(std::size_t align, std::size_t size) noexcept {
  if (align == 0 || (align & (align - 1))) {
    errno = EINVAL;
    return nullptr;
  }
  return allocate(size, align < 16 ? 16 : align);
}

void* memalign(std::size_t align, std::size_t size) noexcept { return aligned_alloc(align, size); }
void* valloc(std::size_t size) noexcept { return allocate(size, 4096); }
void* pvalloc(std::size_t size) noexcept { return allocate((size + 4095) & ~std::size_t{4095}, 4096); }

std::size_t malloc_usable_size(void* p) noexcept {
  if (!p) return 0;
  if (!ours(p)) foreign("malloc_usable_size");
  return size_of(p);
}

}  // extern "C"

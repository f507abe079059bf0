// The program's heap, set up for a build.
//
// The allocator keeps what a build frees: glibc by default maps each block over 128 KB
// (libdeflate's compressors, font subsets) on its own and unmaps it when freed, and gives
// the top of the heap back beyond 128 KB free. A build then faults in fresh pages for
// memory it has just freed, and every unmap on a machine running our other threads is a
// TLB shootdown on each core. A build's heap peaks near 2 MB: with M_MMAP_THRESHOLD 4 MB
// and M_TRIM_THRESHOLD 8 MB it stays in the heaps and is reused: 0.8-1.0 ms less wall time
// and CPU per build, paired (docs/performance.md). Larger blocks are still mapped, and watch
// and batch runs give back all but 8 MB of free heap.
//
// The main heap's next 2 MB are then a transparent huge page. Why: a build touches about
// 1.6 MB of fresh heap on its main thread, some 400 pages. On the virtual machines we
// measure on, each first touch of a 4 KB page costs 10-11 us (the guest's fault, then the
// host's shadow page table), so those faults alone are 4 ms of the main thread's time; one
// 2 MB huge page is a single fault, 0.05-0.2 ms (docs/performance.md, "The heap on a huge
// page"). On bare metal the gain is smaller, and the cost is at most 2 MB of resident
// memory.
//
// How: glibc's main arena grows by brk, and its top chunk is where new blocks are carved.
// A huge page needs a 2 MB-aligned range of one mapping marked MADV_HUGEPAGE before any of
// its pages is touched. So: (1) a filler block takes the heap up to just below the next 2 MB
// boundary (never written, so it costs address space only), (2) the same call grows the
// heap (M_TOP_PAD) past that boundary by the bytes wanted, and (3) the untouched aligned
// range is marked. From then on the heap's new blocks come from that range. Anything
// unexpected (the filler not carved from the top, no THP) leaves the heap as glibc made it:
// this changes only where pages come from, never what the program computes.
#include "cli/heap.h"

#include <cstdlib>  // defines __GLIBC__ where glibc is the C library

// Sanitizers bring their own allocator, which neither uses brk nor reports glibc's top chunk.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define VITAE_OWN_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define VITAE_OWN_ALLOCATOR 1
#endif
#endif

#if defined(__GLIBC__) && defined(__linux__) && !defined(VITAE_OWN_ALLOCATOR)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

namespace vitae {
namespace {

/// The huge-page range, `want` bytes (a multiple of 2 MB) from the next 2 MB boundary.
bool put_heap_on_huge_pages(std::uintptr_t want) {
#ifndef MADV_HUGEPAGE
  (void)want;
  return false;
#else
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  constexpr std::uintptr_t kChunkHeader = 16;  // glibc's chunk: prev_size and size
  const std::uintptr_t end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  const std::uintptr_t top = end - mallinfo2().keepcost;  // the top chunk's header
  // Pages above the heap's end were never touched (below it, the top chunk may hold memory
  // freed earlier), so the range starts at or above the end. The new top chunk's header goes
  // just below the boundary, keeping the boundary's page untouched; the filler ends there.
  const std::uintptr_t boundary = (end + 2 * kChunkHeader + kHuge - 1) & ~(kHuge - 1);
  const std::size_t filler_bytes = boundary - kChunkHeader - top - 8;
  mallopt(M_TOP_PAD, static_cast<int>(want + kHuge));
  void* filler = std::malloc(filler_bytes);
  mallopt(M_TOP_PAD, 128 << 10);  // glibc's default again
  if (!filler) return false;
  if (reinterpret_cast<std::uintptr_t>(filler) != top + kChunkHeader ||
      reinterpret_cast<std::uintptr_t>(sbrk(0)) < boundary + want) {
    std::free(filler);  // carved elsewhere: leave the heap as it is
    return false;
  }
  // The filler is kept for the life of the process: freed, it would merge with the top and
  // new blocks would come from below the boundary again. (Held here, a leak checker sees
  // it as still reachable.)
  [[maybe_unused]] static void* const kept = filler;
  return madvise(reinterpret_cast<void*>(boundary), want, MADV_HUGEPAGE) == 0;
#endif
}

}  // namespace

bool set_up_heap() {
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  mallopt(M_TRIM_THRESHOLD, 8 << 20);
  return put_heap_on_huge_pages(std::uintptr_t{2} << 20);
}

}  // namespace vitae

#else

namespace vitae {
bool set_up_heap() { return false; }
}  // namespace vitae

#endif

// How the program's heap is set up before a build: see heap.cpp.
#pragma once

namespace vitae {

/// Sets glibc's allocator up for a build: blocks are kept for reuse instead of being
/// returned to the kernel, and the main heap's next 2 MB come from a transparent huge page
/// where the kernel allows it (THP "madvise" or "always"). Returns whether the huge-page
/// range was arranged; on other C libraries, and under sanitizers (their own allocator), it
/// does nothing and returns false. Call once, at the start of main.
bool set_up_heap();

}  // namespace vitae

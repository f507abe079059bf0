// set_up_heap (src/cli/heap.cpp): after it, the main heap's new blocks come from a
// 2 MB-aligned range the kernel is asked to back with a transparent huge page.
#include "cli/heap.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

/// The VmFlags line of the mapping that holds `address`, from /proc/self/smaps.
std::string vm_flags_at(std::uintptr_t address) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t lo = 0, hi = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> lo >> dash >> hi && dash == '-') {
      inside = lo <= address && address < hi;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return "";
}

TEST(Heap, NewBlocksComeFromAnAlignedHugePageRange) {
  const bool arranged = vitae::set_up_heap();
  if (kSanitized) {
    EXPECT_FALSE(arranged);  // their allocator is not glibc's
    return;
  }
  ASSERT_TRUE(arranged);
  // Larger than any free block the test's start left, so carved from the heap's top.
  std::vector<char> block(1 << 20, 'x');
  const auto at = reinterpret_cast<std::uintptr_t>(block.data());
  EXPECT_EQ(at % (std::uintptr_t{2} << 20), 0u) << std::hex << at;
  EXPECT_NE(vm_flags_at(at).find(" hg"), std::string::npos) << vm_flags_at(at);
  // Memory past the range comes from ordinary pages, and the heap still works as a heap.
  std::vector<char> more(3 << 20, 'y');
  EXPECT_EQ(more[(3 << 20) - 1], 'y');
  EXPECT_EQ(vm_flags_at(reinterpret_cast<std::uintptr_t>(&more.back())).find(" hg"),
            std::string::npos);
}

}  // namespace

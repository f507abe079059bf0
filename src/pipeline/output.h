// The clock: the only place the build reads the time (for `current_date: today`).
// Output files are written by write_file_atomically (atomic_file.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vitae {

/// Seconds since the Unix epoch, read from the system clock.
int64_t current_time_seconds();

}  // namespace vitae

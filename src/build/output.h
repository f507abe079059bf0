// Output files and the clock: the only places the build touches the file system or time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vitae {

/// Writes `bytes` to a temporary file beside `path` and renames it into place, so a failed
/// write leaves any existing file untouched and no partial file anywhere. Returns false and
/// sets `error` on failure.
bool write_file_atomically(const std::string& path, std::string_view bytes, std::string* error);

/// Seconds since the Unix epoch, read from the system clock.
int64_t current_time_seconds();

}  // namespace vitae

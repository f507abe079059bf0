// Writing output files so that nothing is ever lost: a reader sees the old file or the new
// one, never half of one, a failed build leaves the previous PDF in place, and so does a
// crash or power cut (the new file's data reaches the disk before its name does).
#pragma once

#include <string>
#include <string_view>

namespace vitae {

/// Writes `bytes` to `path` atomically: into a new file beside it (same directory, unique
/// name, created with O_EXCL), fsync'ed, then renamed over `path`. On failure the temporary
/// file is removed, an existing `path` is left untouched, `error` gets the reason and the
/// result is false.
bool write_file_atomically(const std::string& path, std::string_view bytes, std::string* error);

}  // namespace vitae

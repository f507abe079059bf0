// Reading the files a build is given, with a size limit that holds for pipes and devices too.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace vitae {

/// Reads a whole file, refusing directories and anything over `limit` bytes: at most
/// limit + 1 bytes are read, so a huge or endless file costs nothing, and a result longer
/// than `limit` says the file is too large. Nothing, with `error` set, when it cannot be read.
std::optional<std::string> read_input_file(const std::string& path, std::size_t limit, std::string* error);

}  // namespace vitae

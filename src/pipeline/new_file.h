// Files vitae creates and never overwrites (`vitae new`, `vitae convert`): a person's own
// CV may already be there.
#pragma once

#include <string>

namespace vitae {

/// Creates `path` and writes `text`, failing if it exists (O_EXCL: no race with another
/// process creating it meanwhile). Empty on success, else the reason (strerror's text).
std::string create_new_file(const std::string& path, const std::string& text);

/// The hint for a failure of create_new_file: what to do when the file exists.
std::string new_file_hint(const std::string& why, const std::string& command);

}  // namespace vitae

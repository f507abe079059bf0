// The project root: the folder every file a CV names (extends, design.layout, cv.photo, a
// font file) must lie in, as Typst confines a document to its root. A CV from someone else
// (a template, a pull request) could otherwise name ~/.ssh/id_rsa as its photo or extend
// /etc/passwd, and have its bytes embedded in a PDF or quoted in an error message.
#pragma once

#include <optional>
#include <string>

namespace vitae::load {

// default_project_root, which finds the root of a CV, is declared in load/load.h.

/// `root` made absolute with symbolic links resolved (what containment is checked
/// against); nothing, with `error` set, when it is not an existing folder.
std::optional<std::string> canonical_root(const std::string& root, std::string* error);

/// Why `path` (as the system would open it) may not be read: it resolves, symbolic links
/// followed, to somewhere outside `root` (canonical, from canonical_root), or it cannot be
/// resolved. Nothing when it lies inside.
std::optional<std::string> outside_root(const std::string& path, const std::string& root);

/// The hint that goes with outside_root's message.
std::string outside_root_hint();

}  // namespace vitae::load

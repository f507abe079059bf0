// Shell completions for `vitae completions SHELL` (bash, zsh, fish): the commands, their
// options, the built-in layouts for --layout, and files where a CV or a PDF goes.
#pragma once

#include <optional>
#include <string>

namespace vitae {

/// The completion script for `shell`, or nothing for a shell vitae has none for.
std::optional<std::string> completion_script(const std::string& shell);

}  // namespace vitae

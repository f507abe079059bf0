// Make rules for a build's output, as `gcc -MD -MP` writes them, so that a Makefile can
// `-include` them and rebuild a PDF exactly when a file it was made from changes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vitae {

/// `path` written so that make reads it back as one word: spaces, tabs and '#' escaped
/// with a backslash, a backslash before them doubled, '$' doubled.
std::string make_escape(std::string_view path);

/// `target...: prereq ...`, continued over lines, then an empty rule for each prerequisite
/// (gcc's -MP), so that make does not stop when one of them is deleted or renamed. Every
/// file a build writes is a target (cv.pdf cv.txt cv.md, from one build with --format).
/// Duplicates are listed once, in first-seen order.
std::string make_rule(const std::vector<std::string>& targets, const std::vector<std::string>& prerequisites);

}  // namespace vitae

// "Did you mean ...?" suggestions for misspelt keys and names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitae::load {

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions, so
/// "strat_date" is one edit from "start_date"). Case-sensitive, byte-wise.
int edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a likely typo:
/// at most 2 edits, and fewer than half the word's length. Ties go to the earlier candidate.
/// A case-insensitive exact match always wins.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

/// The hint for an unknown name: "did you mean 'x'?" when a candidate is close, otherwise
/// "expected one of: a, b, c" (or empty when there are no candidates).
std::string unknown_name_hint(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace vitae::load

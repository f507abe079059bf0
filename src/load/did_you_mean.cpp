#include "load/did_you_mean.h"

#include <algorithm>
#include <cctype>

namespace vitae::load {

int edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the dynamic-programming table suffice for the transposition case.
  std::vector<int> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
  std::string lw = lower(word);
  for (const std::string& c : candidates)
    if (lower(c) == lw) return c;
  std::optional<std::string> best;
  int best_distance = 3;  // accept at most 2 edits
  for (const std::string& c : candidates) {
    int d = edit_distance(lw, lower(c));
    if (d < best_distance && 2 * d < static_cast<int>(std::max(word.size(), c.size()))) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::string unknown_name_hint(std::string_view word, const std::vector<std::string>& candidates) {
  if (auto m = closest_match(word, candidates)) return "did you mean '" + *m + "'?";
  if (candidates.empty()) return {};
  std::string out = "expected one of: ";
  for (std::size_t i = 0; i < candidates.size(); ++i) out += (i ? ", " : "") + candidates[i];
  return out;
}

}  // namespace vitae::load

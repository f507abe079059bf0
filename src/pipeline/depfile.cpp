#include "pipeline/depfile.h"

#include <algorithm>

namespace vitae {

std::string make_escape(std::string_view path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == ' ' || c == '\t' || c == '#') {
      // Backslashes right before an escaped character are doubled (GNU make reads "\\ " as
      // a backslash and an escaped space), as gcc does.
      for (std::size_t j = i; j > 0 && path[j - 1] == '\\'; --j) out += '\\';
      out += '\\';
    } else if (c == '$') {
      out += '$';
    }
    out += c;
  }
  return out;
}

std::string make_rule(const std::vector<std::string>& targets, const std::vector<std::string>& prerequisites) {
  std::vector<std::string> unique;
  for (const std::string& p : prerequisites)
    if (std::find(unique.begin(), unique.end(), p) == unique.end()) unique.push_back(p);
  std::string out;
  for (const std::string& t : targets) out += (out.empty() ? "" : " ") + make_escape(t);
  out += ":";
  for (const std::string& p : unique) out += " \\\n  " + make_escape(p);
  out += "\n";
  for (const std::string& p : unique) out += "\n" + make_escape(p) + ":\n";
  return out;
}

}  // namespace vitae

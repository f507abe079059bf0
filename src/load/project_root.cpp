// The project root. See project_root.h.
#include "load/project_root.h"

#include "load/load.h"

#include <algorithm>
#include <filesystem>

namespace vitae::load {

namespace fs = std::filesystem;

namespace {

// Whether `p` is `root` or below it, component by component ("/a/bc" is not under "/a/b").
bool is_within(const fs::path& p, const fs::path& root) {
  auto r = std::mismatch(root.begin(), root.end(), p.begin(), p.end()).first;
  return r == root.end() || (std::next(r) == root.end() && r->empty());  // a trailing "/"
}

}  // namespace

std::optional<std::string> canonical_root(const std::string& root, std::string* error) {
  std::error_code ec;
  fs::path p = fs::canonical(root, ec);
  if (ec) return *error = ec.message(), std::nullopt;
  if (!fs::is_directory(p, ec)) return *error = "it is not a folder", std::nullopt;
  return p.string();
}

std::optional<std::string> outside_root(const std::string& path, const std::string& root) {
  std::error_code ec;
  // weakly_canonical follows every symbolic link of the part that exists, so a link inside
  // the project that points out of it is caught; the part that does not exist yet is
  // normalised lexically (opening it would fail anyway).
  fs::path resolved = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return "cannot resolve '" + path + "': " + ec.message();
  if (is_within(resolved, fs::path(root))) return std::nullopt;
  std::string message = "'" + path + "' is outside the project root " + root;
  const fs::path plain = fs::absolute(path, ec).lexically_normal();
  if (!ec && plain != resolved && is_within(plain, fs::path(root)))
    message += " (a symbolic link to " + resolved.string() + ")";
  return message;
}

std::string outside_root_hint() {
  return "a CV may name only files inside its project: the top of its git work tree, else its own folder; "
         "--root DIR sets another root";
}

}  // namespace vitae::load

namespace vitae {

namespace fs = std::filesystem;

// Walks up from the CV's folder (symbolic links resolved: where the file really is).
std::string default_project_root(const std::string& cv_path) {
  std::error_code ec;
  const bool from_stdin = cv_path.empty() || cv_path == "-" || cv_path == "<stdin>";
  fs::path start = from_stdin ? fs::current_path(ec) : fs::weakly_canonical(fs::absolute(cv_path, ec), ec).parent_path();
  // A folder above that may not be searched (a build run as another user) leaves the links
  // unresolved: the folder as named is the best answer, and a CV in it still builds.
  if (ec || start.empty()) start = fs::absolute(cv_path, ec).lexically_normal().parent_path();
  if (ec || start.empty()) return fs::current_path(ec).string();
  for (fs::path dir = start;; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return dir.string();
    if (dir == dir.parent_path()) break;  // reached "/"
  }
  return start.string();
}

}  // namespace vitae

#include "pipeline/new_cv.h"

#include <cerrno>
#include <cstring>

#include "model/fields.h"
#include "load/load.h"
#include "pipeline/new_file.h"

namespace vitae {

namespace {

/// The name as the inside of a YAML double-quoted string.
std::string yaml_escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string new_cv_file_name(const std::string& full_name) {
  std::string out;
  for (char c : full_name) {
    if (c == ' ') out += '_';
    else if (c != '/' && c != '\\' && c != '\0') out += c;
  }
  return out + "_CV.yaml";
}

std::string new_cv_text(const std::string& full_name, const std::string& file_name, const std::string& layout) {
  std::string t(new_cv_template());
  replace_all(t, "FULL_NAME", yaml_escaped(full_name));
  replace_all(t, "FILE_NAME", file_name);
  replace_all(t, "LAYOUT", layout);
  return t;
}

int run_new(const CliArgs& args, const CliIo& io) {
  const std::string& name = args.inputs.at(0);
  const std::string layout = args.layout.value_or("classic");
  std::string known;
  bool found = false;
  for (const LayoutSummary& l : builtin_layout_list()) {
    found = found || l.name == layout;
    known += (known.empty() ? "" : ", ") + l.name;
  }
  if (!found) {
    io.err("vitae: error: no built-in layout '" + layout + "'\n  hint: the layouts are " + known + "\n");
    return 2;
  }
  const std::string path = args.output.value_or(new_cv_file_name(name));
  const std::string file_name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  if (std::string why = create_new_file(path, new_cv_text(name, file_name, layout)); !why.empty()) {
    io.err("vitae: error: cannot create '" + path + "': " + why + "\n" + new_file_hint(why, "new"));
    return 1;
  }
  io.out("wrote " + path + "\n");
  return 0;
}

}  // namespace vitae

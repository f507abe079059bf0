// Build-time helper: writes the C++ file that carries the built-in layouts (layouts/*.yaml)
// in the program, each as its text (for diagnostics and `vitae layouts`) and as its tree,
// parsed here once with the loader's own parser and encoded by load/tree_codec.h, so that
// a build does not parse them again. A layout with a syntax error fails the compilation.
//
// usage: embed_layouts OUT.cpp LAYOUT.yaml...
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "load/tree_codec.h"
#include "load/yaml_tree.h"

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string bytes_literal(const std::string& bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    out += std::to_string(static_cast<unsigned char>(bytes[i])) + ",";
    if (i % 24 == 23) out += "\n    ";
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: embed_layouts OUT.cpp LAYOUT.yaml...\n";
    return 2;
  }
  std::string arrays, table;
  for (int i = 2; i < argc; ++i) {
    const std::string name = std::filesystem::path(argv[i]).stem().string();
    const std::string text = read(argv[i]);
    const vitae::SourceFile source{"layouts/" + name + ".yaml", text};
    vitae::Diagnostics diags;
    std::optional<vitae::load::YNode> tree = vitae::load::parse_yaml_tree(text, source.path, diags);
    if (!tree || diags.has_errors()) {
      std::cerr << vitae::format_diagnostics(diags, {&source});
      return 1;
    }
    arrays += "constexpr char kText_" + name + "[] = R\"vitae_layout(" + text + ")vitae_layout\";\n";
    arrays += "constexpr unsigned char kTree_" + name + "[] = {\n    " + bytes_literal(vitae::load::encode_tree(*tree)) + "};\n";
    table += "      {\"" + name + "\", {kText_" + name + ", sizeof kText_" + name + " - 1}, {reinterpret_cast<const char*>(kTree_" +
             name + "), sizeof kTree_" + name + "}},\n";
  }
  std::string out = "// Generated from layouts/*.yaml by cmake/embed_layouts.cpp. Do not edit.\n"
                     "#include \"load/builtin_layouts.h\"\n\nnamespace vitae {\n\nnamespace {\n\n" +
                     arrays + "\n}  // namespace\n\nconst std::vector<BuiltinLayout>& builtin_layouts() {\n"
                     "  static const std::vector<BuiltinLayout> layouts = {\n" + table +
                     "  };\n  return layouts;\n}\n\n}  // namespace vitae\n";
  // Written only when it changes, so that an unchanged layout recompiles nothing.
  if (read(argv[1]) != out) std::ofstream(argv[1], std::ios::binary) << out;
  return 0;
}

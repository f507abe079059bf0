# Writes a C++ file holding each layout file's text, keyed by its base name.
# Called as: cmake -DOUT=file.cpp -DFILES="a.yaml;b.yaml" -P embed_layouts.cmake
set(body "// Generated from layouts/*.yaml by cmake/embed_layouts.cmake. Do not edit.\n")
string(APPEND body "#include \"load/builtin_layouts.h\"\n\nnamespace vitae {\n\n")
string(APPEND body "const std::vector<BuiltinLayout>& builtin_layouts() {\n")
string(APPEND body "  static const std::vector<BuiltinLayout> layouts = {\n")
foreach(f IN LISTS FILES)
  get_filename_component(name "${f}" NAME_WE)
  file(READ "${f}" text)
  string(APPEND body "    {\"${name}\", R\"vitae_layout(${text})vitae_layout\"},\n")
endforeach()
string(APPEND body "  };\n  return layouts;\n}\n\n}  // namespace vitae\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)

# Writes a C++ file with one function returning a text file's contents, so that the
# program carries it (the JSON Schema for `vitae schema`, the CV `vitae new` writes).
# Called as: cmake -DOUT=file.cpp -DINPUT=file -DHEADER=pipeline/x.h -DFUNCTION=name -P embed_text.cmake
file(READ "${INPUT}" text)
get_filename_component(name "${INPUT}" NAME)
set(body "// Generated from ${name} by cmake/embed_text.cmake. Do not edit.\n")
string(APPEND body "#include \"${HEADER}\"\n\nnamespace vitae {\n\n")
string(APPEND body "std::string_view ${FUNCTION}() {\n  return R\"vitae_text(${text})vitae_text\";\n}\n\n")
string(APPEND body "}  // namespace vitae\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)

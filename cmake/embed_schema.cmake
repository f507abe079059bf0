# Writes a C++ file holding data/vitae.schema.json's text, for `vitae schema`.
# Called as: cmake -DOUT=file.cpp -DSCHEMA=vitae.schema.json -P embed_schema.cmake
file(READ "${SCHEMA}" text)
set(body "// Generated from data/vitae.schema.json by cmake/embed_schema.cmake. Do not edit.\n")
string(APPEND body "#include \"pipeline/schema.h\"\n\nnamespace vitae {\n\n")
string(APPEND body "std::string_view json_schema() {\n  return R\"vitae_schema(${text})vitae_schema\";\n}\n\n")
string(APPEND body "}  // namespace vitae\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)

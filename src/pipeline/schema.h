// The JSON Schema of vitae's input (data/vitae.schema.json, compiled in by
// cmake/embed_text.cmake), for `vitae schema`: editors complete and check a CV with it.
// tests/scripts/test_schema.py keeps the file in step with the loader's key table.
#pragma once

#include <string_view>

namespace vitae {

/// The schema's text, exactly as data/vitae.schema.json holds it.
std::string_view json_schema();

}  // namespace vitae

// Small PoDoFo value helpers shared by the writer's parts: numbers and text strings.
#pragma once

#include <podofo/podofo.h>

#include <string>

namespace vitae::pdf {

/// A number object written exactly as pdf_number formats it (PoDoFo's own real
/// formatting is not ours to control).
PoDoFo::PdfObject number_object(double v, int decimals = 3);

/// A PDF text string: plain for ASCII, UTF-16BE with BOM (PoDoFo's pdf_utf8 constructor)
/// otherwise. Plain ASCII keeps the file readable and small.
PoDoFo::PdfString text_string(const std::string& utf8);

}  // namespace vitae::pdf

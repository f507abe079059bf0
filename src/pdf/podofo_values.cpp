// PoDoFo value helpers. See podofo_values.h.
#include "pdf/podofo_values.h"

#include <cmath>

#include "pdf_content/pdf_number.h"

namespace vitae::pdf {

using namespace PoDoFo;

PdfObject number_object(double v, int decimals) {
  const double r = round_to(v, decimals);
  if (r == std::floor(r) && std::fabs(r) < 1e15) return PdfObject(static_cast<pdf_int64>(r));
  // PdfData is written verbatim, without the separating space PoDoFo puts before numbers.
  return PdfObject(PdfData((" " + pdf_number(r, decimals)).c_str()));
}

PdfString text_string(const std::string& s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80)
      return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str()));
  return PdfString(s);
}

void set_stream_data(PdfObject& obj, const StreamData& data) {
  PdfMemoryInputStream in(data.bytes.data(), static_cast<pdf_long>(data.bytes.size()));
  obj.GetStream()->SetRawData(&in, static_cast<pdf_long>(data.bytes.size()));
  if (data.flate)
    obj.GetDictionary().AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
  else
    obj.GetDictionary().RemoveKey(PdfName::KeyFilter);
}

}  // namespace vitae::pdf

// Small PoDoFo value helpers shared by the writer's parts: numbers, text strings and
// stream data.
#pragma once

#include <podofo/podofo.h>

#include <mutex>
#include <string>

#include "pdf_content/flate.h"

namespace vitae::pdf {

/// A number object written exactly as pdf_number formats it (PoDoFo's own real
/// formatting is not ours to control).
PoDoFo::PdfObject number_object(double v, int decimals = 3);

/// A PDF text string: plain for ASCII, UTF-16BE with BOM (PoDoFo's pdf_utf8 constructor)
/// otherwise. Plain ASCII keeps the file readable and small.
PoDoFo::PdfString text_string(const std::string& utf8);

/// Sets `data` as the data of `obj`'s stream, replacing any data and filter, with
/// /Filter /FlateDecode when it is compressed. PoDoFo stores the bytes without running a
/// filter of its own.
void set_stream_data(PoDoFo::PdfObject& obj, const StreamData& data);

/// PoDoFo 0.9.8 stamps the clock into a new document's Info (PdfInfo::Init) and into each
/// annotation (/M) through localtime(), whose result is one static struct per process: two
/// threads doing either at once race on it (ThreadSanitizer, batch builds, which assemble
/// their PDFs in parallel). Hold this lock around every PoDoFo call that makes a date.
inline std::mutex& podofo_clock_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace vitae::pdf

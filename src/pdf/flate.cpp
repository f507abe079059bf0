// Flate compression and raw stream data. See flate.h.
#include "pdf/flate.h"

#include <algorithm>
#include <memory>

#ifdef VITAE_HAVE_ZLIB
#include <zlib.h>
#endif

namespace vitae::pdf {
namespace {

using namespace PoDoFo;

#ifdef VITAE_HAVE_ZLIB

/// The smallest deflate window (2^9 to 2^15 bytes) that holds all of `size` bytes: a
/// match can then reach back to any earlier byte, as with the full window, while zlib
/// allocates and clears up to 64 times less memory for a small stream.
int window_bits(std::size_t size) {
  int bits = 9;
  while (bits < 15 && (std::size_t{1} << bits) < size) ++bits;
  return bits;
}

/// Deflates the whole input in one call when the output fits deflateBound, as it does
/// but for stored blocks (level 0) of tiny inputs in zlib 1.2.13: then it grows.
std::string zlib_compress(std::string_view bytes, int level) {
  z_stream z{};
  if (deflateInit2(&z, level, Z_DEFLATED, window_bits(bytes.size()), 8, Z_DEFAULT_STRATEGY) != Z_OK)
    PODOFO_RAISE_ERROR_INFO(ePdfError_Flate, "deflateInit2 failed");
  std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  int rc = Z_OK;
  while (rc == Z_OK || (rc == Z_BUF_ERROR && z.avail_out == 0)) {
    if (z.total_out == out.size()) out.resize(out.size() * 2);
    z.next_out = reinterpret_cast<Bytef*>(out.data()) + z.total_out;
    z.avail_out = static_cast<uInt>(out.size() - z.total_out);
    rc = deflate(&z, Z_FINISH);
  }
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) PODOFO_RAISE_ERROR_INFO(ePdfError_Flate, "deflate failed");
  return out;
}

#else

/// PoDoFo's Flate filter in one call (its level is zlib's default).
std::string podofo_compress(std::string_view bytes) {
  std::unique_ptr<PdfFilter> filter(PdfFilterFactory::Create(ePdfFilter_FlateDecode));
  char* out = nullptr;
  pdf_long size = 0;
  filter->Encode(bytes.data(), static_cast<pdf_long>(bytes.size()), &out, &size);
  std::string result(out, static_cast<std::size_t>(size));
  podofo_free(out);
  return result;
}

#endif

}  // namespace

std::string flate_compress(std::string_view bytes, int level) {
#ifdef VITAE_HAVE_ZLIB
  return zlib_compress(bytes, std::clamp(level, 0, 9));
#else
  (void)level;
  return podofo_compress(bytes);
#endif
}

bool flate_levels_supported() {
#ifdef VITAE_HAVE_ZLIB
  return true;
#else
  return false;
#endif
}

StreamData prepare_stream(std::string_view bytes, Compression compression) {
  if (!compression.enabled) return StreamData{std::string(bytes), false};
  return StreamData{flate_compress(bytes, compression.level), true};
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

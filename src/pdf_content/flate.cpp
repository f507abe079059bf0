// Flate compression with libdeflate. See flate.h.
#include "pdf_content/flate.h"

#include <libdeflate.h>

#include <algorithm>
#include <new>

namespace vitae::pdf {

Deflater::Deflater(int level)
    : c_(libdeflate_alloc_compressor(std::clamp(level, 0, 12))), level_(std::clamp(level, 0, 12)) {
  if (!c_) throw std::bad_alloc();
}

Deflater::~Deflater() { libdeflate_free_compressor(c_); }

std::string Deflater::compress(std::string_view bytes) {
  // The bound always suffices, so compression cannot fail for want of room.
  std::string out(libdeflate_zlib_compress_bound(c_, bytes.size()), '\0');
  const std::size_t n = libdeflate_zlib_compress(c_, bytes.data(), bytes.size(), out.data(), out.size());
  out.resize(n);
  return out;
}

StreamData prepare_stream(std::string_view bytes, Deflater* deflater) {
  if (!deflater) return StreamData{std::string(bytes), false};
  return StreamData{deflater->compress(bytes), true};
}

}  // namespace vitae::pdf

// Flate compression with zlib. See flate.h.
#include "pdf_content/flate.h"

#include <zlib.h>

#include <algorithm>
#include <stdexcept>

namespace vitae::pdf {
namespace {

/// The smallest deflate window (2^9 to 2^15 bytes) that holds all of `size` bytes: a
/// match can then reach back to any earlier byte, as with the full window, while zlib
/// allocates and clears up to 64 times less memory for a small stream.
int window_bits(std::size_t size) {
  int bits = 9;
  while (bits < 15 && (std::size_t{1} << bits) < size) ++bits;
  return bits;
}

}  // namespace

/// Deflates the whole input in one call when the output fits deflateBound, as it does
/// but for stored blocks (level 0) of tiny inputs in zlib 1.2.13: then it grows.
std::string flate_compress(std::string_view bytes, int level) {
  z_stream z{};
  if (deflateInit2(&z, std::clamp(level, 0, 9), Z_DEFLATED, window_bits(bytes.size()), 8,
                   Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib: deflateInit2 failed");
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
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib: deflate failed");
  return out;
}

StreamData prepare_stream(std::string_view bytes, Compression compression) {
  if (!compression.enabled) return StreamData{std::string(bytes), false};
  return StreamData{flate_compress(bytes, compression.level), true};
}

}  // namespace vitae::pdf

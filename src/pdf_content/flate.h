// Flate compression of stream data, done before PoDoFo sees it, with libdeflate: on our
// streams its level 1 does half the work of zlib's level 2 for smaller output (3.1 M against
// 6.3 M instructions, 29.2 KB against 29.8 KB on the reference CV). PoDoFo's own filter
// would use zlib's default level (6) and stream data through it in 4 KB pieces. Made
// without PoDoFo, so the program compresses while the PDF writer module is still loading.
#pragma once

#include <string>
#include <string_view>

struct libdeflate_compressor;

namespace vitae::pdf {

/// A compressor at one level, kept for many streams: libdeflate's match-finder tables are
/// made once, not per stream. Not thread-safe: one per thread.
class Deflater {
 public:
  /// `level` is clamped to libdeflate's 0..12; 0 stores without compressing.
  explicit Deflater(int level);
  ~Deflater();
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  /// `bytes` as a zlib stream (RFC 1950: what /FlateDecode reads). Deterministic: the same
  /// bytes for the same input, level and libdeflate version. Throws std::bad_alloc.
  std::string compress(std::string_view bytes);
  /// The level it compresses at (after clamping).
  int level() const { return level_; }

 private:
  libdeflate_compressor* c_;
  int level_;
};

/// The bytes of one stream as they go into the file: Flate-compressed, or as they are.
struct StreamData {
  std::string bytes;
  bool flate = false;  ///< bytes are a zlib stream: the stream gets /Filter /FlateDecode
};

/// `bytes` as a stream: compressed with `deflater`, or as they are when it is null.
StreamData prepare_stream(std::string_view bytes, Deflater* deflater);

}  // namespace vitae::pdf

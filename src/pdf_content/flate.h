// Flate compression of stream data, done before PoDoFo sees it: PoDoFo's own filter
// always uses zlib's default level (6), which costs about twice the instructions of level 1
// on our streams for 10% smaller output, and streams data through it in 4 KB pieces. Made
// without PoDoFo, so the program compresses while the PDF writer module is still loading.
#pragma once

#include <string>
#include <string_view>

namespace vitae::pdf {

/// `bytes` as a zlib stream (RFC 1950: what /FlateDecode reads) at `level` (clamped to
/// 0..9; 0 stores without compressing). Deterministic: the same bytes for the same input.
/// Throws std::runtime_error when zlib fails (out of memory).
std::string flate_compress(std::string_view bytes, int level);

/// How streams are stored: Flate-compressed at `level`, or (for debugging) as they are.
struct Compression {
  bool enabled = true;
  int level = 6;
};

/// The bytes of one stream as they go into the file: Flate-compressed, or as they are.
struct StreamData {
  std::string bytes;
  bool flate = false;  ///< bytes are a zlib stream: the stream gets /Filter /FlateDecode
};

/// `bytes` prepared as `compression` says (flate_compress when enabled).
StreamData prepare_stream(std::string_view bytes, Compression compression);

}  // namespace vitae::pdf

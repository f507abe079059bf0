// Flate compression of stream data, done before PoDoFo sees it: PoDoFo's own filter
// always uses zlib's default level (6), which costs about twice the instructions of level 1
// on our streams for 10% smaller output, and streams data through it in 4 KB pieces.
#pragma once

#include <podofo/podofo.h>

#include <string>
#include <string_view>

namespace vitae::pdf {

/// zlib's default level, the only one available without zlib (see flate_levels_supported).
inline constexpr int kZlibDefaultLevel = 6;

/// `bytes` as a zlib stream (RFC 1950: what /FlateDecode reads) at `level` (clamped to
/// 0..9; 0 stores without compressing). Deterministic: the same bytes for the same input.
/// Throws PoDoFo::PdfError when zlib fails (out of memory).
std::string flate_compress(std::string_view bytes, int level);

/// Whether flate_compress honours `level`. True when this library is built with
/// VITAE_HAVE_ZLIB (linked against zlib itself); otherwise compression goes through
/// PoDoFo's Flate filter, which always uses kZlibDefaultLevel.
bool flate_levels_supported();

/// How streams are stored: Flate-compressed at `level`, or (for debugging) as they are.
struct Compression {
  bool enabled = true;
  int level = kZlibDefaultLevel;
};

/// The bytes of one stream as they go into the file: Flate-compressed, or as they are.
/// Made without PoDoFo, so on any thread.
struct StreamData {
  std::string bytes;
  bool flate = false;  ///< bytes are a zlib stream: the stream gets /Filter /FlateDecode
};

/// `bytes` prepared as `compression` says (flate_compress when enabled).
StreamData prepare_stream(std::string_view bytes, Compression compression);

/// Sets `data` as the data of `obj`'s stream, replacing any data and filter, with
/// /Filter /FlateDecode when it is compressed. PoDoFo stores the bytes without running a
/// filter of its own.
void set_stream_data(PoDoFo::PdfObject& obj, const StreamData& data);

}  // namespace vitae::pdf

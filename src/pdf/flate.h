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

/// Sets `bytes` as the data of `obj`'s stream, replacing any data and filter: with
/// /Filter /FlateDecode, compressed by flate_compress, when compression is enabled; as
/// they are otherwise. PoDoFo stores the data without running a filter of its own.
void set_stream_data(PoDoFo::PdfObject& obj, std::string_view bytes, Compression compression);

/// The same with data already compressed by flate_compress (made on another thread).
void set_flate_data(PoDoFo::PdfObject& obj, std::string_view compressed);

}  // namespace vitae::pdf

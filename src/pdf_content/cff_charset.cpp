// Reading a CFF charset (Adobe Technical Note 5176, "The Compact Font Format
// Specification"): header, Name INDEX, Top DICT INDEX, Top DICT operators ROS (12 30),
// charset (15) and CharStrings (17), then the charset in format 0, 1 or 2.
#include "pdf_content/cff_charset.h"

namespace vitae::pdf {
namespace {

/// Bounds-checked big-endian reads: damaged fonts must not crash the writer.
struct Reader {
  std::string_view data;
  bool ok = true;

  uint32_t u(std::size_t off, int n) {
    if (off + static_cast<std::size_t>(n) > data.size()) {
      ok = false;
      return 0;
    }
    uint32_t v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<uint8_t>(data[off + i]);
    return v;
  }
};

/// An INDEX at `off`: its element count, the start and end of element 0, and the offset
/// just past the INDEX (TN 5176, 5).
struct Index {
  uint32_t count = 0;
  std::size_t first_begin = 0, first_end = 0, end = 0;
};

Index read_index(Reader& r, std::size_t off) {
  Index ix;
  ix.count = r.u(off, 2);
  if (ix.count == 0) {
    ix.end = off + 2;
    return ix;
  }
  const int off_size = static_cast<int>(r.u(off + 2, 1));
  if (off_size < 1 || off_size > 4) {
    r.ok = false;
    return ix;
  }
  const std::size_t offsets = off + 3;
  const std::size_t data = offsets + (ix.count + 1) * off_size - 1;  // offsets count from 1
  ix.first_begin = data + r.u(offsets, off_size);
  ix.first_end = data + r.u(offsets + off_size, off_size);
  ix.end = data + r.u(offsets + ix.count * off_size, off_size);
  return ix;
}

/// The Top DICT entries we need.
struct TopDict {
  bool ros = false;
  int64_t charset = -1, charstrings = -1;
};

/// Parses DICT data (TN 5176, 4): operands precede their operator.
TopDict read_top_dict(Reader& r, std::size_t begin, std::size_t end) {
  TopDict d;
  std::vector<int64_t> operands;
  for (std::size_t i = begin; i < end && r.ok;) {
    const uint32_t b0 = r.u(i, 1);
    if (b0 <= 21) {  // operator
      uint32_t op = b0;
      ++i;
      if (b0 == 12) op = 1200 + r.u(i++, 1);
      if (op == 1230) d.ros = true;
      if (op == 15 && !operands.empty()) d.charset = operands.back();
      if (op == 17 && !operands.empty()) d.charstrings = operands.back();
      operands.clear();
    } else if (b0 == 28) {
      operands.push_back(static_cast<int16_t>(r.u(i + 1, 2)));
      i += 3;
    } else if (b0 == 29) {
      operands.push_back(static_cast<int32_t>(r.u(i + 1, 4)));
      i += 5;
    } else if (b0 == 30) {  // real: skip nibbles up to the 0xf terminator
      ++i;
      while (r.ok && (r.u(i, 1) & 0x0F) != 0x0F && (r.u(i, 1) >> 4) != 0x0F) ++i;
      ++i;
      operands.push_back(0);
    } else if (b0 >= 32 && b0 <= 246) {
      operands.push_back(static_cast<int64_t>(b0) - 139);
      ++i;
    } else if (b0 >= 247 && b0 <= 250) {
      operands.push_back((static_cast<int64_t>(b0) - 247) * 256 + r.u(i + 1, 1) + 108);
      i += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      operands.push_back(-(static_cast<int64_t>(b0) - 251) * 256 - r.u(i + 1, 1) - 108);
      i += 2;
    } else {
      r.ok = false;  // reserved byte
    }
  }
  return d;
}

/// Charset formats 0, 1 and 2 (TN 5176, 13). Glyph 0 (.notdef) is CID 0 and not stored.
std::vector<uint16_t> read_charset(Reader& r, std::size_t off, uint32_t glyphs) {
  std::vector<uint16_t> cids(glyphs, 0);
  const uint32_t format = r.u(off, 1);
  std::size_t p = off + 1;
  uint32_t gid = 1;
  if (format == 0) {
    for (; gid < glyphs && r.ok; ++gid, p += 2) cids[gid] = static_cast<uint16_t>(r.u(p, 2));
  } else if (format == 1 || format == 2) {
    const int left_size = format == 1 ? 1 : 2;
    while (gid < glyphs && r.ok) {
      const uint32_t first = r.u(p, 2);
      const uint32_t left = r.u(p + 2, left_size);
      p += 2 + static_cast<std::size_t>(left_size);
      for (uint32_t k = 0; k <= left && gid < glyphs; ++k) cids[gid++] = static_cast<uint16_t>(first + k);
    }
  } else {
    r.ok = false;
  }
  return cids;
}

}  // namespace

std::optional<std::vector<uint16_t>> cff_glyph_cids(std::string_view cff) {
  Reader r{cff};
  const std::size_t header_size = r.u(2, 1);
  const Index names = read_index(r, header_size);
  const Index top = read_index(r, names.end);
  if (!r.ok || top.count == 0) return std::nullopt;
  const TopDict d = read_top_dict(r, top.first_begin, top.first_end);
  if (!r.ok || !d.ros || d.charset <= 0 || d.charstrings <= 0) return std::nullopt;
  const Index charstrings = read_index(r, static_cast<std::size_t>(d.charstrings));
  if (!r.ok || charstrings.count == 0) return std::nullopt;
  auto cids = read_charset(r, static_cast<std::size_t>(d.charset), charstrings.count);
  if (!r.ok) return std::nullopt;
  return cids;
}

}  // namespace vitae::pdf

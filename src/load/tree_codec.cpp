#include "load/tree_codec.h"

#include <cstdint>

namespace vitae::load {

namespace {

// Each node: a kind byte (bit 3: plain), line, column and offset as LEB128 varints; then a
// scalar's length and bytes, or a list's count and items, or a mapping's count and pairs.
constexpr unsigned char kPlainBit = 8;

void put_varint(std::string& out, std::uint64_t v) {
  do {
    unsigned char byte = v & 0x7F;
    v >>= 7;
    out += static_cast<char>(v ? byte | 0x80 : byte);
  } while (v);
}

void put_node(std::string& out, const YNode& n) {
  out += static_cast<char>(static_cast<unsigned char>(n.kind) | (n.plain ? kPlainBit : 0));
  put_varint(out, static_cast<std::uint64_t>(n.loc.line));
  put_varint(out, static_cast<std::uint64_t>(n.loc.column));
  put_varint(out, n.offset);
  switch (n.kind) {
    case YNode::Kind::Null: break;
    case YNode::Kind::Scalar:
      put_varint(out, n.value.size());
      out += n.value;
      break;
    case YNode::Kind::Sequence:
      put_varint(out, n.items.size());
      for (const YNode& item : n.items) put_node(out, item);
      break;
    case YNode::Kind::Map:
      put_varint(out, n.entries.size());
      for (const auto& [key, value] : n.entries) {
        put_node(out, key);
        put_node(out, value);
      }
      break;
  }
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  bool done() const { return at_ == bytes_.size(); }

  bool varint(std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64 && at_ < bytes_.size(); shift += 7) {
      unsigned char byte = static_cast<unsigned char>(bytes_[at_++]);
      v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return true;
    }
    return false;
  }

  bool node(YNode& n, int depth) {
    if (at_ >= bytes_.size() || depth > 512) return false;
    unsigned char kind = static_cast<unsigned char>(bytes_[at_++]);
    if ((kind & ~kPlainBit) > static_cast<unsigned char>(YNode::Kind::Map)) return false;
    n.kind = static_cast<YNode::Kind>(kind & ~kPlainBit);
    n.plain = kind & kPlainBit;
    std::uint64_t line = 0, column = 0, offset = 0, count = 0;
    if (!varint(line) || !varint(column) || !varint(offset)) return false;
    n.loc = {static_cast<int>(line), static_cast<int>(column)};
    n.offset = offset;
    if (n.kind == YNode::Kind::Null) return true;
    if (!varint(count) || count > bytes_.size()) return false;  // no node takes less than a byte
    if (n.kind == YNode::Kind::Scalar) {
      if (count > bytes_.size() - at_) return false;
      n.value.assign(bytes_.substr(at_, count));
      at_ += count;
      return true;
    }
    if (n.kind == YNode::Kind::Sequence) {
      n.items.resize(count);
      for (YNode& item : n.items)
        if (!node(item, depth + 1)) return false;
      return true;
    }
    n.entries.resize(count);
    for (auto& [key, value] : n.entries)
      if (!node(key, depth + 1) || !node(value, depth + 1)) return false;
    return true;
  }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

}  // namespace

std::string encode_tree(const YNode& node) {
  std::string out;
  put_node(out, node);
  return out;
}

std::optional<YNode> decode_tree(std::string_view bytes) {
  Reader r(bytes);
  YNode root;
  if (!r.node(root, 0) || !r.done()) return std::nullopt;
  return root;
}

}  // namespace vitae::load

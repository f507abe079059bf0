// Cluster text, ToUnicode choice and CMap writing. See glyph_text.h.
#include "pdf/glyph_text.h"

#include <algorithm>

#include "pdf/unicode.h"

namespace vitae::pdf {
namespace {

/// The text with the most votes; on a tie the smallest string (std::map order).
const std::string* most_voted(const std::map<std::string, int>& votes) {
  const std::string* best = nullptr;
  int best_n = 0;
  for (const auto& [text, n] : votes) {
    if (n > best_n) {
      best = &text;
      best_n = n;
    }
  }
  return best;
}

void append_hex4(std::string& out, uint16_t v) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '<';
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 0xF];
  out += '>';
}

}  // namespace

std::vector<Cluster> clusters_of(const GlyphRun& run) {
  // Sorted cluster starts: a cluster's text ends where the next larger one begins
  // (this also holds for right-to-left runs, whose clusters decrease along the glyphs).
  std::vector<uint32_t> starts;
  starts.reserve(run.glyphs.size());
  for (const Glyph& g : run.glyphs) starts.push_back(g.cluster);
  std::sort(starts.begin(), starts.end());
  std::vector<Cluster> out;
  const std::size_t n = run.glyphs.size();
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i + 1;
    while (j < n && run.glyphs[j].cluster == run.glyphs[i].cluster) ++j;
    const uint32_t begin = run.glyphs[i].cluster;
    auto next = std::upper_bound(starts.begin(), starts.end(), begin);
    std::size_t end = next == starts.end() ? run.text.size() : *next;
    end = std::min(end, run.text.size());
    Cluster c{i, j - i, {}};
    if (begin < end) c.text = std::string_view(run.text).substr(begin, end - begin);
    out.push_back(c);
    i = j;
  }
  return out;
}

void ToUnicodeTally::add_run(const GlyphRun& run) {
  for (const Cluster& c : clusters_of(run)) {
    if (c.text.empty()) continue;
    auto& votes = c.count == 1 ? alone_ : leading_;
    ++votes[run.glyphs[c.first].id][std::string(c.text)];
  }
}

GlyphTextMap ToUnicodeTally::choose() const {
  GlyphTextMap out;
  for (const auto& [glyph, votes] : alone_)
    if (const std::string* t = most_voted(votes)) out.emplace(glyph, *t);
  for (const auto& [glyph, votes] : leading_)
    if (!out.count(glyph))
      if (const std::string* t = most_voted(votes)) out.emplace(glyph, *t);
  return out;
}

bool cluster_extracts_exactly(const GlyphRun& run, const Cluster& c, const GlyphTextMap& map) {
  std::string got;
  for (std::size_t i = c.first; i < c.first + c.count; ++i) {
    auto it = map.find(run.glyphs[i].id);
    if (it != map.end()) got += it->second;
  }
  return got == c.text;
}

std::string to_unicode_cmap(const std::vector<std::pair<uint16_t, std::string>>& entries) {
  std::string s =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  constexpr std::size_t kBlock = 100;  // at most 100 entries per bfchar block
  for (std::size_t i = 0; i < entries.size(); i += kBlock) {
    const std::size_t n = std::min(kBlock, entries.size() - i);
    s += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      append_hex4(s, entries[k].first);
      s += " <" + utf16be_hex(entries[k].second) + ">\n";
    }
    s += "endbfchar\n";
  }
  s += "endcmap\n"
       "CMapName currentdict /CMap defineresource pop\n"
       "end\n"
       "end\n";
  return s;
}

}  // namespace vitae::pdf

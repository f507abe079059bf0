// Cluster text, ToUnicode choice and CMap writing. See glyph_text.h.
#include "pdf_content/glyph_text.h"

#include <algorithm>

#include "pdf_content/unicode.h"

namespace vitae::pdf {
namespace {

void append_hex4(std::string& out, uint16_t v) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '<';
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 0xF];
  out += '>';
}

bool by_cluster(const Glyph& a, const Glyph& b) { return a.cluster < b.cluster; }

/// Where the text of the cluster starting at `begin` ends: at the next larger cluster value
/// among `sorted_starts`, or at the end of the text.
std::size_t text_end(const std::vector<uint32_t>& sorted_starts, uint32_t begin, std::size_t size) {
  auto next = std::upper_bound(sorted_starts.begin(), sorted_starts.end(), begin);
  return next == sorted_starts.end() ? size : *next;
}

}  // namespace

std::vector<Cluster> clusters_of(const GlyphRun& run) {
  // A cluster's text ends where the next larger cluster value begins. In left-to-right
  // runs (clusters never decrease) that is the next cluster's value; otherwise (right to
  // left, reordered marks) it is looked up among the sorted cluster values.
  const bool ascending = std::is_sorted(run.glyphs.begin(), run.glyphs.end(), by_cluster);
  std::vector<uint32_t> starts;
  if (!ascending) {
    starts.reserve(run.glyphs.size());
    for (const Glyph& g : run.glyphs) starts.push_back(g.cluster);
    std::sort(starts.begin(), starts.end());
  }
  std::vector<Cluster> out;
  const std::size_t n = run.glyphs.size();
  out.reserve(n);
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i + 1;
    while (j < n && run.glyphs[j].cluster == run.glyphs[i].cluster) ++j;
    const uint32_t begin = run.glyphs[i].cluster;
    std::size_t end = !ascending ? text_end(starts, begin, run.text.size())
                      : j < n    ? run.glyphs[j].cluster
                                 : run.text.size();
    end = std::min(end, run.text.size());
    Cluster c{i, j - i, {}};
    if (begin < end) c.text = std::string_view(run.text).substr(begin, end - begin);
    out.push_back(c);
    i = j;
  }
  return out;
}

const std::string* ToUnicodeTally::most_voted(const std::vector<Votes>& votes, int Votes::*count) {
  const std::string* best = nullptr;
  int best_n = 0;
  for (const Votes& v : votes) {
    const int n = v.*count;
    if (n > best_n || (n == best_n && n > 0 && v.text < *best)) {
      best = &v.text;
      best_n = n;
    }
  }
  return best;
}

std::vector<ToUnicodeTally::Votes>& ToUnicodeTally::votes_of(uint16_t glyph) {
  if (glyph >= slot_.size()) slot_.resize(glyph + 1u, 0);
  if (slot_[glyph] == 0) {
    votes_.emplace_back();
    slot_[glyph] = static_cast<uint32_t>(votes_.size());
  }
  return votes_[slot_[glyph] - 1];
}

void ToUnicodeTally::add_run(const GlyphRun& run) {
  for (const Cluster& c : clusters_of(run)) {
    if (c.text.empty()) continue;
    std::vector<Votes>& votes = votes_of(run.glyphs[c.first].id);
    auto it = std::find_if(votes.begin(), votes.end(),
                           [&](const Votes& v) { return v.text == c.text; });
    if (it == votes.end()) it = votes.insert(votes.end(), Votes{std::string(c.text)});
    ++(c.count == 1 ? it->alone : it->leading);
  }
}

GlyphTextMap ToUnicodeTally::choose() const {
  GlyphTextMap out;
  for (std::size_t glyph = 0; glyph < slot_.size(); ++glyph) {
    if (slot_[glyph] == 0) continue;
    const std::vector<Votes>& votes = votes_[slot_[glyph] - 1];
    const std::string* t = most_voted(votes, &Votes::alone);
    if (!t) t = most_voted(votes, &Votes::leading);
    if (t) out.emplace_hint(out.end(), static_cast<uint16_t>(glyph), *t);
  }
  return out;
}

bool cluster_extracts_exactly(const GlyphRun& run, const Cluster& c, const GlyphTextMap& map) {
  return cluster_extracts_exactly(run, c, [&map](uint16_t glyph) {
    auto it = map.find(glyph);
    return it == map.end() ? std::string_view() : std::string_view(it->second);
  });
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

// The charset of a CID-keyed CFF font: which CID each glyph index carries.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace vitae::pdf {

/// For a CID-keyed CFF table (Top DICT with ROS), the CID of every glyph index, read from
/// its charset (CFF spec, Adobe TN 5176, 13). nullopt for a name-keyed CFF, where glyph
/// index and CID coincide in PDF (PDF 1.7, 9.7.4.2), and for data too damaged to read.
/// hb-subset keeps the original CIDs of a CID-keyed font, so the PDF writer must draw
/// and measure glyphs by these CIDs, not by the subset's glyph indices.
std::optional<std::vector<uint16_t>> cff_glyph_cids(std::string_view cff);

}  // namespace vitae::pdf

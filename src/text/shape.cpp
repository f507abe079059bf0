// Shaping with HarfBuzz. The font's scale is its units per em (text_detail::HbFont), so
// HarfBuzz positions are exact font units; they are converted to Abs at the requested
// size here, once, without intermediate rounding.
#include "text/shape.h"

#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <new>
#include <optional>

#include "text/detail/hb_font.h"

namespace vitae {
namespace {

/// The features HarfBuzz should apply, parsed; unparsable strings are dropped (the caller
/// validates them with parse_feature to report errors with a source location).
std::vector<hb_feature_t> to_hb_features(const std::vector<std::string>& features) {
  std::vector<hb_feature_t> out;
  out.reserve(features.size());
  for (const std::string& f : features) {
    hb_feature_t feature;
    if (hb_feature_from_string(f.data(), static_cast<int>(f.size()), &feature))
      out.push_back(feature);
  }
  return out;
}

void set_properties(hb_buffer_t* buf, const ShapeOptions& options) {
  hb_buffer_set_direction(buf, options.direction == TextDirection::RightToLeft ? HB_DIRECTION_RTL
                                                                               : HB_DIRECTION_LTR);
  if (!options.script.empty())
    hb_buffer_set_script(buf, hb_script_from_string(options.script.data(),
                                                    static_cast<int>(options.script.size())));
  if (!options.language.empty())
    hb_buffer_set_language(buf, hb_language_from_string(options.language.data(),
                                                        static_cast<int>(options.language.size())));
  hb_buffer_guess_segment_properties(buf);  // fills only what is still unset
}

std::vector<ShapedGlyph> convert(hb_buffer_t* buf, const Font& font, Abs size) {
  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
  const double per_unit = size.to_pt() / font.metrics().units_per_em;
  std::vector<ShapedGlyph> glyphs(count);
  for (unsigned i = 0; i < count; ++i) {
    ShapedGlyph& g = glyphs[i];
    g.id = static_cast<uint16_t>(info[i].codepoint);
    g.cluster = info[i].cluster;
    g.x_advance_units = pos[i].x_advance;
    g.x_advance = Abs::pt(pos[i].x_advance * per_unit);
    g.x_offset = Abs::pt(pos[i].x_offset * per_unit);
    g.y_offset = Abs::pt(pos[i].y_offset * per_unit);
    g.unsafe_to_break =
        (hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
  }
  return glyphs;
}

}  // namespace

ShapeBuffer::ShapeBuffer() : buffer_(hb_buffer_create()) {}
ShapeBuffer::~ShapeBuffer() { hb_buffer_destroy(buffer_); }

hb_buffer_t* ShapeBuffer::take() {
  hb_buffer_reset(buffer_);  // contents and properties; its memory stays
  return buffer_;
}

std::vector<ShapedGlyph> shape(const Font& font, std::string_view text, std::size_t begin,
                               std::size_t end, const ShapeOptions& options,
                               ShapeBuffer* buffer) {
  end = std::min(end, text.size());
  if (begin >= end) return {};
  const auto& hb_font = text_detail::hb_font_of(font);
  std::optional<ShapeBuffer> own;
  hb_buffer_t* buf = (buffer ? buffer : &own.emplace())->take();
  // The whole string goes in as context; only [begin, end) is shaped (hb_buffer_add_utf8
  // item_offset/item_length), so clusters are byte offsets into `text`.
  hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()),
                     static_cast<unsigned>(begin), static_cast<int>(end - begin));
  hb_buffer_set_flags(buf, static_cast<hb_buffer_flags_t>(
                               (begin == 0 ? HB_BUFFER_FLAG_BOT : 0) |
                               (end == text.size() ? HB_BUFFER_FLAG_EOT : 0)));
  set_properties(buf, options);
  const std::vector<hb_feature_t> features = to_hb_features(options.features);
  hb_shape(hb_font.hb(), buf, features.data(), static_cast<unsigned>(features.size()));
  // HarfBuzz reports a failed allocation only through the buffer: its text would then come
  // out with no glyphs, silently. Thrown, it fails the build with an error instead.
  if (!hb_buffer_allocation_successful(buf)) throw std::bad_alloc();
  return convert(buf, font, options.size);
}

std::vector<ShapedGlyph> shape(const Font& font, std::string_view text,
                               const ShapeOptions& options) {
  return shape(font, text, 0, text.size(), options);
}

bool has_substitution_feature(const Font& font, std::string_view tag) {
  if (tag.size() != 4) return false;
  const hb_tag_t want = hb_tag_from_string(tag.data(), 4);
  hb_face_t* face = hb_font_get_face(text_detail::hb_font_of(font).hb());
  hb_tag_t tags[64];
  for (unsigned start = 0;;) {
    unsigned count = 64;
    unsigned total = hb_ot_layout_table_get_feature_tags(face, HB_OT_TAG_GSUB, start, &count, tags);
    for (unsigned i = 0; i < count; ++i)
      if (tags[i] == want) return true;
    start += count;
    if (count == 0 || start >= total) return false;
  }
}

bool parse_feature(const std::string& feature, std::string* error) {
  hb_feature_t parsed;
  if (hb_feature_from_string(feature.data(), static_cast<int>(feature.size()), &parsed))
    return true;
  if (error)
    *error = "invalid OpenType feature '" + feature +
             "' (expected e.g. \"smcp\", \"+onum\", \"-liga\" or \"kern=0\")";
  return false;
}

Abs total_advance(const std::vector<ShapedGlyph>& glyphs) {
  Abs sum;
  for (const ShapedGlyph& g : glyphs) sum += g.x_advance;
  return sum;
}

}  // namespace vitae

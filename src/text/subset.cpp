// Font subsetting with hb-subset (HarfBuzz 6.0 public API). See subset.h.
#include "text/subset.h"

#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <memory>

namespace vitae {
namespace {

/// Owning handles for the HarfBuzz objects used here, so every exit path frees them.
struct BlobDeleter { void operator()(hb_blob_t* b) const { hb_blob_destroy(b); } };
struct FaceDeleter { void operator()(hb_face_t* f) const { hb_face_destroy(f); } };
struct FontDeleter { void operator()(hb_font_t* f) const { hb_font_destroy(f); } };
struct InputDeleter { void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); } };
struct PlanDeleter { void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); } };
using Blob = std::unique_ptr<hb_blob_t, BlobDeleter>;
using Face = std::unique_ptr<hb_face_t, FaceDeleter>;
using HbFont = std::unique_ptr<hb_font_t, FontDeleter>;
using Input = std::unique_ptr<hb_subset_input_t, InputDeleter>;
using Plan = std::unique_ptr<hb_subset_plan_t, PlanDeleter>;

/// A face over the Font's bytes, without copying them (the Font outlives the face).
Face make_face(const Font& font) {
  auto bytes = font.data();
  Blob blob(hb_blob_create(reinterpret_cast<const char*>(bytes.data()),
                           static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY,
                           nullptr, nullptr));
  return Face(hb_face_create(blob.get(), 0));
}

std::string blob_bytes(hb_blob_t* blob) {
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  return data ? std::string(data, len) : std::string();
}

/// Six uppercase letters from an FNV-1a hash of the face name and the glyph set. The PDF
/// spec (9.6.4) only asks that tags differ between subsets; a hash keeps them stable.
std::string subset_tag(const Font& font, const std::set<uint16_t>& glyphs) {
  uint64_t h = 14695981039346656037ull;
  auto mix = [&h](uint8_t byte) { h = (h ^ byte) * 1099511628211ull; };
  for (char c : font.postscript_name()) mix(static_cast<uint8_t>(c));
  for (uint16_t g : glyphs) {
    mix(static_cast<uint8_t>(g >> 8));
    mix(static_cast<uint8_t>(g & 0xff));
  }
  std::string tag(6, 'A');
  for (char& c : tag) {
    c = static_cast<char>('A' + h % 26);
    h /= 26;
  }
  return tag;
}

/// The tables an embedded font program needs, and so the only ones subset.
/// - TrueType outlines in a CIDFontType2 with /CIDToGIDMap /Identity (FontFile2): glyf,
///   loca, head, hhea, hmtx and maxp (PDF 1.7, 9.9; TrueType Reference Manual). Content
///   selects glyphs by id, so no cmap; widths are in /W and names in the PDF, so no name,
///   post or OS/2. iText's subsets for CID fonts keep the same six (with the hinting tables,
///   which NO_HINTING drops here anyway).
/// - CFF outlines: only the bare 'CFF ' table is embedded (FontFile3 /CIDFontType0C).
/// Everything else would be subset only to be thrown away: subsetting cmap, name, post and
/// OS/2 was a fifth of subsetting a face, 0.4-0.5 M instructions each (docs/performance.md).
bool embedded_table(hb_tag_t tag, bool cff) {
  if (cff) return tag == HB_TAG('C', 'F', 'F', ' ');
  for (hb_tag_t keep : {HB_TAG('g', 'l', 'y', 'f'), HB_TAG('l', 'o', 'c', 'a'), HB_TAG('h', 'e', 'a', 'd'),
                        HB_TAG('h', 'h', 'e', 'a'), HB_TAG('h', 'm', 't', 'x'), HB_TAG('m', 'a', 'x', 'p')})
    if (tag == keep) return true;
  return false;
}

/// The subset input: our glyphs, only the tables embedded (so no layout table's closure
/// adds glyphs we never draw), no hinting (PDF viewers hint themselves or not at all).
Input make_input(hb_face_t* face, const std::set<uint16_t>& glyphs, bool cff) {
  Input input(hb_subset_input_create_or_fail());
  if (!input) return input;
  hb_set_t* gs = hb_subset_input_glyph_set(input.get());
  hb_set_add(gs, 0);
  for (uint16_t g : glyphs) hb_set_add(gs, g);
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  hb_tag_t tags[32];
  for (unsigned start = 0, n = 32; n == 32; start += n) {
    n = 32;
    hb_face_get_table_tags(face, start, &n, tags);
    for (unsigned i = 0; i < n; ++i)
      if (!embedded_table(tags[i], cff)) hb_set_add(drop, tags[i]);
  }
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  return input;
}

}  // namespace

std::optional<uint16_t> FontSubset::new_glyph(uint16_t old_id) const {
  auto it = std::lower_bound(old_to_new.begin(), old_to_new.end(),
                             std::pair<uint16_t, uint16_t>{old_id, 0});
  if (it == old_to_new.end() || it->first != old_id) return std::nullopt;
  return it->second;
}

std::optional<FontSubset> subset_font(const Font& font, const std::set<uint16_t>& glyphs,
                                      std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<FontSubset> {
    if (error) *error = "cannot subset font " + font.path() + ": " + why;
    return std::nullopt;
  };
  Face face = make_face(font);
  if (!face || hb_face_get_glyph_count(face.get()) == 0) return fail("no glyphs in the face");
  Input input = make_input(face.get(), glyphs, font.is_cff());
  if (!input) return fail("out of memory");
  // A plan (rather than hb_subset_or_fail) exposes the old -> new glyph mapping.
  Plan plan(hb_subset_plan_create_or_fail(face.get(), input.get()));
  if (!plan) return fail("HarfBuzz could not plan the subset");
  Face sub(hb_subset_plan_execute_or_fail(plan.get()));
  if (!sub) return fail("HarfBuzz could not execute the subset");

  FontSubset result;
  const hb_map_t* map = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  std::set<uint16_t> wanted = glyphs;
  wanted.insert(0);
  for (uint16_t g : wanted) {
    hb_codepoint_t n = hb_map_get(map, g);
    if (n == HB_MAP_VALUE_INVALID) return fail("glyph " + std::to_string(g) + " is not in the font");
    result.old_to_new.emplace_back(g, static_cast<uint16_t>(n));
  }
  if (font.is_cff()) {
    Blob cff(hb_face_reference_table(sub.get(), hb_tag_from_string("CFF ", 4)));
    result.program = blob_bytes(cff.get());
  } else {
    Blob all(hb_face_reference_blob(sub.get()));
    result.program = blob_bytes(all.get());
  }
  if (result.program.empty()) return fail("the subset font is empty");
  result.tag = subset_tag(font, glyphs);
  return result;
}

std::optional<uint16_t> glyph_for_codepoint(const Font& font, char32_t c) {
  Face face = make_face(font);
  HbFont hb(hb_font_create(face.get()));
  hb_codepoint_t g = 0;
  if (!hb_font_get_nominal_glyph(hb.get(), c, &g)) return std::nullopt;
  return static_cast<uint16_t>(g);
}

std::map<uint16_t, char32_t> nominal_codepoints(const Font& font, const std::set<uint16_t>& glyphs) {
  std::map<uint16_t, char32_t> out;
  if (glyphs.empty()) return out;
  Face face = make_face(font);
  HbFont hb(hb_font_create(face.get()));
  hb_set_t* unicodes = hb_set_create();
  hb_face_collect_unicodes(face.get(), unicodes);
  // Increasing code point order: the first code point found for a glyph is the smallest.
  for (hb_codepoint_t c = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &c);) {
    hb_codepoint_t g = 0;
    if (hb_font_get_nominal_glyph(hb.get(), c, &g) && g <= 0xFFFF &&
        glyphs.count(static_cast<uint16_t>(g)))
      out.emplace(static_cast<uint16_t>(g), static_cast<char32_t>(c));
  }
  hb_set_destroy(unicodes);
  return out;
}

}  // namespace vitae

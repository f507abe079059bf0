// Loading one font face from a file: validation, HarfBuzz face, metrics, advances.
#include <hb-ot.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <new>

#include "text/detail/hb_font.h"
#include "text/font_library.h"

namespace vitae {
namespace text_detail {
namespace {

constexpr std::size_t kMaxFontBytes = 64u * 1024 * 1024;  // far above any real text face

hb_tag_t tag(const char* s) { return hb_tag_from_string(s, 4); }

/// Big-endian reads from an OpenType table; out-of-range reads give 0 (truncated tables
/// in a damaged font must not crash us).
struct TableReader {
  hb_blob_t* blob;
  const uint8_t* p = nullptr;
  unsigned len = 0;
  TableReader(hb_face_t* face, const char* name) : blob(hb_face_reference_table(face, tag(name))) {
    p = reinterpret_cast<const uint8_t*>(hb_blob_get_data(blob, &len));
  }
  ~TableReader() { hb_blob_destroy(blob); }
  TableReader(const TableReader&) = delete;
  TableReader& operator=(const TableReader&) = delete;
  bool present() const { return len > 0; }
  uint32_t u(unsigned off, unsigned n) const {
    if (off + n > len) return 0;
    uint32_t v = 0;
    for (unsigned i = 0; i < n; ++i) v = (v << 8) | p[off + i];
    return v;
  }
  int s16(unsigned off) const { return static_cast<int16_t>(u(off, 2)); }
  int32_t s32(unsigned off) const { return static_cast<int32_t>(u(off, 4)); }
};

std::string name_entry(hb_face_t* face, hb_ot_name_id_t id) {
  unsigned len = hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, nullptr, nullptr);
  if (len == 0) return {};
  std::string s(len + 1, '\0');
  unsigned cap = len + 1;
  hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &cap, s.data());
  s.resize(cap);
  return s;
}

int metric(hb_font_t* font, hb_ot_metrics_tag_t t) {
  hb_position_t v = 0;
  hb_ot_metrics_get_position(font, t, &v);
  return v;
}

}  // namespace

HbFont::HbFont(std::string path, hb_blob_t* blob) : path_(std::move(path)), blob_(blob) {
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob_, &length);
  bytes_ = std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(data), length);
  face_ = hb_face_create(blob_, 0);
  hb_face_make_immutable(face_);
  glyph_count_ = hb_face_get_glyph_count(face_);
  font_ = hb_font_create(face_);
  const int upem = static_cast<int>(hb_face_get_upem(face_));
  // Scale = units per em: positions are in font units, with no rounding to a pixel grid.
  hb_font_set_scale(font_, upem, upem);
  hb_font_make_immutable(font_);
  {
    TableReader cff(face_, "CFF ");
    TableReader cff2(face_, "CFF2");
    is_cff_ = cff.present() || cff2.present();
  }
  read_names();
  read_metrics();
  printable_ascii_ = true;
  for (char32_t c = 0x20; c <= 0x7E && printable_ascii_; ++c) printable_ascii_ = has_codepoint(c);
}

HbFont::~HbFont() {
  hb_font_destroy(font_);
  hb_face_destroy(face_);
  hb_blob_destroy(blob_);
}

void HbFont::read_names() {
  family_ = name_entry(face_, HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY);
  if (family_.empty()) family_ = name_entry(face_, HB_OT_NAME_ID_FONT_FAMILY);
  postscript_name_ = name_entry(face_, HB_OT_NAME_ID_POSTSCRIPT_NAME);
}

void HbFont::read_metrics() {
  FontMetrics& m = metrics_;
  m.units_per_em = static_cast<int>(hb_face_get_upem(face_));
  // HarfBuzz picks OS/2 typo metrics when USE_TYPO_METRICS is set, else hhea (as browsers do).
  m.ascender = metric(font_, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER);
  m.descender = metric(font_, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER);
  m.line_gap = metric(font_, HB_OT_METRICS_TAG_HORIZONTAL_LINE_GAP);
  m.cap_height = metric(font_, HB_OT_METRICS_TAG_CAP_HEIGHT);
  m.x_height = metric(font_, HB_OT_METRICS_TAG_X_HEIGHT);
  TableReader head(face_, "head");  // OpenType spec, 'head': bbox at 36..43, macStyle at 44
  m.bbox_x_min = head.s16(36);
  m.bbox_y_min = head.s16(38);
  m.bbox_x_max = head.s16(40);
  m.bbox_y_max = head.s16(42);
  const uint32_t mac_style = head.u(44, 2);
  TableReader post(face_, "post");  // italicAngle Fixed 16.16 at 4, isFixedPitch at 12
  m.italic_angle = post.s32(4) / 65536.0;
  m.is_fixed_pitch = post.u(12, 4) != 0;
  TableReader os2(face_, "OS/2");  // sFamilyClass at 30, fsSelection at 62
  const uint32_t fs_selection = os2.u(62, 2);
  m.is_italic = (fs_selection & 0x1) || (mac_style & 0x2);
  m.is_bold = (fs_selection & 0x20) || (mac_style & 0x1);
  // IBM font class: 1-5 and 7 are serif classes, 8 is sans serif (OS/2 sFamilyClass).
  const int family_class = os2.s16(30) >> 8;
  m.is_serif = (family_class >= 1 && family_class <= 5) || family_class == 7;
  const int weight = static_cast<int>(os2.u(4, 2));  // usWeightClass at 4
  m.weight_class = weight >= 1 && weight <= 1000 ? weight : 400;
}

int HbFont::glyph_advance(uint16_t glyph) const {
  // Asked on demand (the PDF writer needs only the glyphs it embeds): reading all of a
  // font's advances up front cost more than the rest of loading it.
  return glyph < glyph_count_ ? hb_font_get_glyph_h_advance(font_, glyph) : 0;
}

bool HbFont::has_codepoint(char32_t c) const {
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(font_, static_cast<hb_codepoint_t>(c), &g) && g != 0;
}

const HbFont& hb_font_of(const Font& font) {
  // Every Font in the program is made by load_font_file; the cast cannot fail in practice,
  // and a foreign implementation would be a programming error, not a user error.
  return dynamic_cast<const HbFont&>(font);
}

namespace {

/// Reads the whole file; false and an error text when it cannot.
hb_blob_t* map_file(const std::string& path, std::string& error) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    error = "font file '" + path + "' does not exist";
    return nullptr;
  }
  if (!std::filesystem::is_regular_file(path, ec)) {
    error = "'" + path + "' is not a regular file";
    return nullptr;
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    error = "cannot read font file '" + path + "'";
    return nullptr;
  }
  if (size > kMaxFontBytes) {
    error = "font file '" + path + "' is larger than 64 MB";
    return nullptr;
  }
  // Mapped, not read: a build touches only the pages of the tables it uses.
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) error = "cannot read font file '" + path + "'";
  return blob;
}

/// Checks the sfnt signature (OpenType spec, "Organization of an OpenType Font").
bool check_signature(const std::string& path, std::span<const uint8_t> bytes,
                     std::string& error) {
  auto is = [&](const char* sig) { return bytes.size() >= 4 && std::memcmp(bytes.data(), sig, 4) == 0; };
  static const uint8_t kTrueType[4] = {0, 1, 0, 0};
  if (bytes.size() >= 4 && std::memcmp(bytes.data(), kTrueType, 4) == 0) return true;
  if (is("OTTO") || is("true")) return true;
  if (is("ttcf")) {
    error = "font file '" + path + "' is a font collection (.ttc), which is not supported; "
            "use a single-face .ttf or .otf file";
  } else if (is("wOFF") || is("wOF2")) {
    error = "font file '" + path + "' is a WOFF web font, which is not supported; "
            "use a .ttf or .otf file";
  } else {
    error = "'" + path + "' is not a font file (expected TrueType or OpenType)";
  }
  return false;
}

/// Tables without which the face cannot be shaped, measured or embedded.
bool check_tables(const std::string& path, const HbFont& font, std::string& error) {
  hb_face_t* face = hb_font_get_face(font.hb());
  for (const char* t : {"head", "cmap", "hmtx", "maxp"}) {
    TableReader table(face, t);
    if (!table.present()) {
      error = "font file '" + path + "' is damaged or not a font: no '" + std::string(t) + "' table";
      return false;
    }
  }
  TableReader glyf(face, "glyf");
  if (!glyf.present() && !font.is_cff()) {
    error = "font file '" + path + "' has no glyph outlines ('glyf' or 'CFF ' table)";
    return false;
  }
  if (font.glyph_count() == 0) {
    error = "font file '" + path + "' has no glyphs";
    return false;
  }
  return true;
}

}  // namespace
}  // namespace text_detail

std::shared_ptr<const Font> load_font_file(const std::string& path, std::string* error) {
  std::string err;
  try {
    hb_blob_t* blob = text_detail::map_file(path, err);
    if (blob) {
      unsigned length = 0;
      const char* data = hb_blob_get_data(blob, &length);
      if (!text_detail::check_signature(path, {reinterpret_cast<const uint8_t*>(data), length}, err)) {
        hb_blob_destroy(blob);
      } else {
        auto font = std::make_shared<text_detail::HbFont>(path, blob);  // owns the blob now
        if (text_detail::check_tables(path, *font, err)) return font;
      }
    }
  } catch (const std::bad_alloc&) {
    err = "out of memory loading font file '" + path + "'";
  } catch (const std::exception& e) {
    err = "cannot load font file '" + path + "': " + e.what();
  }
  if (error) *error = err;
  return nullptr;
}

}  // namespace vitae

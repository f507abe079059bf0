// Type0 font objects. See font_embed.h.
#include "pdf/font_embed.h"

#include <algorithm>
#include <cmath>

#include "pdf_content/pdf_number.h"
#include "pdf/podofo_values.h"

namespace vitae::pdf {
namespace {

using namespace PoDoFo;

// FontDescriptor /Flags bits (PDF 1.7, table 123).
constexpr pdf_int64 kFixedPitch = 1 << 0;
constexpr pdf_int64 kSerif = 1 << 1;
constexpr pdf_int64 kSymbolic = 1 << 2;  // glyphs outside the standard Latin set: true for CID fonts
constexpr pdf_int64 kItalic = 1 << 6;

/// Font units -> thousandths of an em (PDF glyph space).
double to_1000(const Font& f, int units) {
  const int upem = f.metrics().units_per_em > 0 ? f.metrics().units_per_em : 1000;
  return units * 1000.0 / upem;
}

/// /W as runs of consecutive CIDs: [first [w1 w2 ...] first [...] ...] (PDF 1.7, 9.7.4.3),
/// as text laid out exactly as PoDoFo writes a PdfArray ("[ 0[ 547 243.5] 9[ 600]]"):
/// PoDoFo formats each integer of an array with two vsnprintf calls, which made writing
/// the widths a third of the cost of serialising the document.
PdfObject widths_object(const EmbeddedFont& f) {
  std::vector<std::pair<uint16_t, double>> by_new;
  for (const auto& [old_id, new_id] : f.subset.old_to_new)
    by_new.emplace_back(new_id, f.code(old_id)->width_1000);
  std::sort(by_new.begin(), by_new.end());
  std::string w = "[";
  for (std::size_t i = 0; i < by_new.size();) {
    w += ' ';
    append_number(w, by_new[i].first, 0);
    w += '[';
    std::size_t j = i;
    for (; j < by_new.size() && by_new[j].first == by_new[i].first + (j - i); ++j) {
      w += ' ';
      append_number(w, by_new[j].second, 3);
    }
    w += ']';
    i = j;
  }
  w += ']';
  return PdfObject(PdfData(w.c_str(), w.size()));
}

/// StemV is not stored in OpenType; estimate it from the weight class, the usual linear
/// fit (weight 400 -> about 96, 700 -> 169).
double stem_v(const Font& f) { return std::round(10 + 220 * (f.metrics().weight_class - 50) / 900.0); }

PdfObject* descriptor(PdfVecObjects& objects, const EmbeddedFont& f, FontObjects& out) {
  const Font& font = *f.font;
  const FontMetrics& m = font.metrics();
  PdfObject* d = objects.CreateObject("FontDescriptor");
  PdfDictionary& dict = d->GetDictionary();
  dict.AddKey("FontName", PdfName(f.base_font()));
  pdf_int64 flags = kSymbolic;
  if (m.is_fixed_pitch) flags |= kFixedPitch;
  if (m.is_serif) flags |= kSerif;
  if (m.is_italic || m.italic_angle != 0) flags |= kItalic;
  dict.AddKey("Flags", PdfObject(flags));
  PdfArray bbox;
  for (int v : {m.bbox_x_min, m.bbox_y_min, m.bbox_x_max, m.bbox_y_max})
    bbox.push_back(number_object(to_1000(font, v)));
  dict.AddKey("FontBBox", PdfObject(bbox));
  dict.AddKey("ItalicAngle", number_object(m.italic_angle, 2));
  dict.AddKey("Ascent", number_object(to_1000(font, m.ascender)));
  dict.AddKey("Descent", number_object(to_1000(font, m.descender)));
  // CapHeight is required; fonts without an OS/2 cap height get the ascender.
  dict.AddKey("CapHeight", number_object(to_1000(font, m.cap_height ? m.cap_height : m.ascender)));
  if (m.x_height) dict.AddKey("XHeight", number_object(to_1000(font, m.x_height)));
  dict.AddKey("StemV", number_object(stem_v(font)));
  PdfObject* file = out.program = objects.CreateObject();
  if (font.is_cff()) {
    file->GetDictionary().AddKey("Subtype", PdfName("CIDFontType0C"));
    dict.AddKey("FontFile3", file->Reference());
  } else {
    file->GetDictionary().AddKey("Length1", PdfObject(static_cast<pdf_int64>(f.subset.program.size())));
    dict.AddKey("FontFile2", file->Reference());
  }
  return d;
}

PdfObject* cid_font(PdfVecObjects& objects, const EmbeddedFont& f, FontObjects& out) {
  PdfObject* cid = objects.CreateObject("Font");
  PdfDictionary& dict = cid->GetDictionary();
  const bool cff = f.font->is_cff();
  dict.AddKey("Subtype", PdfName(cff ? "CIDFontType0" : "CIDFontType2"));
  dict.AddKey("BaseFont", PdfName(f.base_font()));
  PdfDictionary info;
  info.AddKey("Registry", PdfString("Adobe"));
  info.AddKey("Ordering", PdfString("Identity"));
  info.AddKey("Supplement", PdfObject(static_cast<pdf_int64>(0)));
  dict.AddKey("CIDSystemInfo", PdfObject(info));
  dict.AddKey("FontDescriptor", descriptor(objects, f, out)->Reference());
  dict.AddKey("W", widths_object(f));
  // CID = glyph id of the subset. For a name-keyed CFF the CIDs index glyphs directly
  // (PDF 1.7, 9.7.4.2); for TrueType this says so explicitly.
  if (!cff) dict.AddKey("CIDToGIDMap", PdfName("Identity"));
  return cid;
}

}  // namespace

FontObjects embed_font(PdfVecObjects& objects, const EmbeddedFont& f) {
  FontObjects out;
  PdfObject* type0 = objects.CreateObject("Font");
  out.type0 = type0->Reference();
  PdfDictionary& dict = type0->GetDictionary();
  dict.AddKey("Subtype", PdfName("Type0"));
  // For a CIDFontType0 descendant the name carries the CMap name too (PDF 1.7, 9.7.6.1).
  dict.AddKey("BaseFont", PdfName(f.font->is_cff() ? f.base_font() + "-Identity-H" : f.base_font()));
  dict.AddKey("Encoding", PdfName("Identity-H"));
  PdfArray descendants;
  descendants.push_back(cid_font(objects, f, out)->Reference());
  dict.AddKey("DescendantFonts", PdfObject(descendants));
  out.to_unicode = objects.CreateObject();
  dict.AddKey("ToUnicode", out.to_unicode->Reference());
  return out;
}

}  // namespace vitae::pdf

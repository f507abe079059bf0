// The golden-test dump of laid-out pages: one line per item, lengths in points.
#include <charconv>

#include "text/font.h"
#include "vitae/pages.h"

namespace vitae {

namespace {

std::string num(Abs a) {
  char buf[32];
  double v = a.to_pt();
  if (v > -0.005 && v < 0.005) v = 0;  // no "-0.00"
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
  return std::string(buf, r.ptr);
}

std::string hex(const Color& c) {
  static const char* digits = "0123456789abcdef";
  std::string s = "#";
  for (uint8_t v : {c.r, c.g, c.b}) s += digits[v >> 4], s += digits[v & 15];
  return s;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
  return out + "\"";
}

/// The last component of a path: the dump names the file, not the folder it was found in.
std::string file_name(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string dump_pages(const LaidOutDocument& doc) {
  std::string out;
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    out += "page " + std::to_string(p + 1) + " " + num(page.width) + "x" + num(page.height) + "\n";
    for (const Anchor& a : page.anchors) out += "  anchor y=" + num(a.y) + " " + quoted(a.title) + "\n";
    for (const GlyphRun& r : page.runs) {
      out += "  run " + (r.font ? r.font->postscript_name() : std::string("?")) + " " + num(r.size) + " " +
             hex(r.color) + " at " + num(r.origin.x) + "," + num(r.origin.y) + " w=" + num(r.width()) + " " +
             quoted(r.text);
      if (r.actual_text) out += " actual=" + quoted(*r.actual_text);
      out += "\n    glyphs";
      for (const Glyph& g : r.glyphs) out += " " + std::to_string(g.id) + "@" + std::to_string(g.cluster);
      out += "\n";
    }
    for (const Rule& r : page.rules)
      out += "  rule at " + num(r.origin.x) + "," + num(r.origin.y) + " " + num(r.width) + "x" + num(r.height) + " " +
             hex(r.color) + "\n";
    for (const Disc& c : page.discs)
      out += "  disc at " + num(c.center.x) + "," + num(c.center.y) + " r=" + num(c.radius) + " " + hex(c.color) + "\n";
    for (const PlacedImage& i : page.images)
      out += "  image at " + num(i.origin.x) + "," + num(i.origin.y) + " " + num(i.width) + "x" + num(i.height) + " " +
             (i.image ? file_name(i.image->path) : std::string("?")) + "\n";
    for (const LinkArea& l : page.links)
      out += "  link at " + num(l.origin.x) + "," + num(l.origin.y) + " " + num(l.width) + "x" + num(l.height) + " " +
             l.uri + "\n";
  }
  return out;
}

}  // namespace vitae

// Writing page content streams. See content_stream.h.
//
// Positioning: with Identity-H each glyph advances the pen by its /W width; the layout's
// advances differ (kerning, justification, rounding), so before each glyph a TJ number
// moves the pen to where the layout put it. The number is computed from the pen position a
// reader will actually compute (using the widths as written), so rounding never accumulates.
// Justified word spaces are the exception: they are scaled with Tz instead (see
// stretched_space), because `Tw` has no effect on 2-byte codes (PDF 1.7, 9.3.3).
#include "pdf_content/content_stream.h"

#include <cmath>

#include "pdf_content/glyph_text.h"
#include "pdf_content/pdf_number.h"
#include "pdf_content/unicode.h"

namespace vitae::pdf {
namespace {

constexpr int kCoordDecimals = 3;  // 1/1000 pt: far below a device pixel
constexpr int kTjDecimals = 2;     // 1/100000 em

/// The marked-content operator that makes extractors read `text` instead of the glyphs
/// it encloses (PDF 1.7, 14.9.4). The string is UTF-16BE with BOM, written in hex.
std::string begin_actual_text(std::string_view text) {
  std::string hex = utf16be_hex(text);
  return "/Span <</ActualText <FEFF" + hex + ">>> BDC\n";
}

/// Builds one run's text object.
class RunWriter {
 public:
  RunWriter(std::string& out, const GlyphRun& run, const EmbeddedFont& font)
      : out_(out), run_(run), font_(font), size_(run.size.to_pt()) {}

  void write(double page_height) {
    const bool whole = run_.actual_text.has_value();
    if (whole) out_ += begin_actual_text(*run_.actual_text);
    out_ += "BT\n/";
    out_ += font_.resource;
    out_ += ' ';
    append_number(out_, size_, kCoordDecimals);
    out_ += " Tf\n1 0 0 1 ";
    append_number(out_, run_.origin.x.to_pt(), kCoordDecimals);
    out_ += ' ';
    append_number(out_, page_height - run_.origin.y.to_pt(), kCoordDecimals);
    out_ += " Tm\n";
    for (const Cluster& c : clusters_of(run_)) write_cluster(c, !whole);
    flush();
    if (rise_ != 0) out_ += "0 Ts\n";  // Ts is graphics state: it outlives ET
    out_ += "ET\n";
    if (whole) out_ += "EMC\n";
  }

 private:
  void write_cluster(const Cluster& c, bool spans_allowed) {
    const bool span = spans_allowed && !cluster_extracts_exactly(run_, c, [this](uint16_t g) {
                        const GlyphCode* code = font_.code(g);
                        return code ? std::string_view(code->text) : std::string_view();
                      });
    if (span) {
      flush();
      out_ += begin_actual_text(c.text);
    }
    for (std::size_t i = c.first; i < c.first + c.count; ++i)
      write_glyph(run_.glyphs[i], c.count == 1 ? c.text : std::string_view());
    if (span) {
      flush();
      out_ += "EMC\n";
    }
  }

  void write_glyph(const Glyph& g, std::string_view text) {
    // HarfBuzz's y_offset (marks) cannot be expressed in TJ: text rise (Ts) lifts the glyph.
    const double rise = round_to(g.y_offset.to_pt(), kCoordDecimals);
    if (rise != rise_) {
      flush();
      append_number(out_, rise, kCoordDecimals);
      out_ += " Ts\n";
      rise_ = rise;
    }
    const double target = layout_x_ + g.x_offset.to_pt();
    const double adjust = round_to((pen_ - target) * 1000.0 / size_, kTjDecimals);
    if (adjust != 0) {
      open_array();
      append_number(out_, adjust, kTjDecimals);
      pen_ -= adjust * size_ / 1000.0;
      last_was_glyph_ = false;
    }
    // Every glyph drawn is in the subset (plan_fonts saw this run); code 0 is .notdef.
    const GlyphCode* code = font_.code(g.id);
    const double width = (code ? code->width_1000 : font_.width_1000(g.id)) * size_ / 1000.0;
    const uint16_t id = code ? code->code : 0;
    if (stretched_space(g, text, width)) {
      write_scaled(id, width, g.x_advance.to_pt());
    } else {
      append_glyph(id);
      pen_ += width;
    }
    layout_x_ += g.x_advance.to_pt();
  }

  /// Whether a glyph is a word space that justification widened or narrowed by more than
  /// kStretchThreshold em. Such a space is drawn horizontally scaled (Tz) to its layout
  /// width rather than followed by a TJ gap: extractors that infer word breaks from gaps
  /// (pdfminer) would otherwise see the space glyph AND a gap, and print two spaces.
  bool stretched_space(const Glyph& g, std::string_view text, double width) const {
    constexpr double kStretchThreshold = 0.05;
    return (text == " " || text == "\u00A0") && width > 0 &&
           std::abs(g.x_advance.to_pt() - width) > kStretchThreshold * size_;
  }

  /// The glyph alone in a TJ, scaled so that its advance is `advance`. Tz is text state
  /// that outlives the operator, so it is reset right after.
  void write_scaled(uint16_t id, double width, double advance) {
    flush();
    const double tz = round_to(100.0 * advance / width, kCoordDecimals);
    append_number(out_, tz, kCoordDecimals);
    out_ += " Tz\n";
    append_glyph(id);
    flush();
    out_ += "100 Tz\n";
    pen_ += width * tz / 100.0;
  }

  /// Consecutive glyphs share one hex string: "<00010002>".
  void append_glyph(uint16_t id) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    if (last_was_glyph_) {
      out_.pop_back();  // reopen the hex string
    } else {
      open_array();
      out_ += '<';
    }
    for (int shift = 12; shift >= 0; shift -= 4) out_ += kHex[(id >> shift) & 0xF];
    out_ += '>';
    last_was_glyph_ = true;
  }

  /// Starts the TJ array, or separates its next element; the array is written straight
  /// into the stream.
  void open_array() {
    out_ += array_open_ ? ' ' : '[';
    array_open_ = true;
  }

  void flush() {
    if (!array_open_) return;
    out_ += "] TJ\n";
    array_open_ = false;
    last_was_glyph_ = false;
  }

  std::string& out_;
  const GlyphRun& run_;
  const EmbeddedFont& font_;
  double size_;
  double pen_ = 0;       ///< where a reader's pen is, relative to the origin (pt)
  double layout_x_ = 0;  ///< where the layout's pen is (sum of advances so far)
  double rise_ = 0;
  bool array_open_ = false;     ///< a "[" is written and not yet closed
  bool last_was_glyph_ = false;  ///< the stream ends with a glyph string's ">"
};

/// Tracks the fill colour so that `rg` is written only when it changes.
class FillState {
 public:
  void set(std::string& out, Color c) {
    if (c == current_) return;
    append_number(out, c.r / 255.0, kCoordDecimals);
    out += ' ';
    append_number(out, c.g / 255.0, kCoordDecimals);
    out += ' ';
    append_number(out, c.b / 255.0, kCoordDecimals);
    out += " rg\n";
    current_ = c;
  }

 private:
  Color current_{0, 0, 0};  // the initial graphics state fills black
};

void write_rule(std::string& out, const Rule& r, double page_height) {
  append_number(out, r.origin.x.to_pt(), kCoordDecimals);
  out += ' ';
  append_number(out, page_height - r.origin.y.to_pt() - r.height.to_pt(), kCoordDecimals);
  out += ' ';
  append_number(out, r.width.to_pt(), kCoordDecimals);
  out += ' ';
  append_number(out, r.height.to_pt(), kCoordDecimals);
  out += " re f\n";
}

/// A filled circle as four cubic Béziers, one per quadrant; the control points sit at
/// kappa = 4(sqrt 2 - 1)/3 of the radius along the tangents (maximum radial error 0.027%).
void write_disc(std::string& out, const Disc& d, double page_height) {
  constexpr double kappa = 0.5522847498;
  const double cx = d.center.x.to_pt(), cy = page_height - d.center.y.to_pt();
  const double r = d.radius.to_pt(), k = r * kappa;
  auto pt = [&out](double x, double y) {
    append_number(out, x, kCoordDecimals);
    out += ' ';
    append_number(out, y, kCoordDecimals);
    out += ' ';
  };
  pt(cx + r, cy);
  out += "m\n";
  const double q[4][6] = {{cx + r, cy + k, cx + k, cy + r, cx, cy + r},
                          {cx - k, cy + r, cx - r, cy + k, cx - r, cy},
                          {cx - r, cy - k, cx - k, cy - r, cx, cy - r},
                          {cx + k, cy - r, cx + r, cy - k, cx + r, cy}};
  for (const auto& c : q) {
    pt(c[0], c[1]);
    pt(c[2], c[3]);
    pt(c[4], c[5]);
    out += "c\n";
  }
  out += "f\n";
}

/// An image XObject scaled into its rectangle: an image occupies the unit square of its
/// user space (PDF 1.7, 8.9.4), so the matrix is the rectangle's size and lower-left corner.
void write_image(std::string& out, const PlacedImage& image, const std::string& resource, double page_height) {
  out += "q\n";
  append_number(out, image.width.to_pt(), kCoordDecimals);
  out += " 0 0 ";
  append_number(out, image.height.to_pt(), kCoordDecimals);
  out += ' ';
  append_number(out, image.origin.x.to_pt(), kCoordDecimals);
  out += ' ';
  append_number(out, page_height - image.origin.y.to_pt() - image.height.to_pt(), kCoordDecimals);
  out += " cm\n/" + resource + " Do\nQ\n";
}

}  // namespace

std::string page_content(const Page& page, const FontPlan& fonts, const ImagePlan* images) {
  std::string out;
  FillState fill;
  const double h = page.height.to_pt();
  for (const PlacedImage& image : page.images) {
    std::optional<std::size_t> i = images ? images->index_of(image.image.get()) : std::nullopt;
    if (i) write_image(out, image, ImagePlan::resource(*i), h);
  }
  for (const Rule& r : page.rules) {
    fill.set(out, r.color);
    write_rule(out, r, h);
  }
  for (const Disc& d : page.discs) {
    if (d.radius.to_pt() <= 0) continue;
    fill.set(out, d.color);
    write_disc(out, d, h);
  }
  for (const GlyphRun& run : page.runs) {
    if (!drawable(run)) continue;
    const EmbeddedFont* font = fonts.find(run.font.get());
    if (!font) continue;  // plan_fonts saw every drawable run; cannot happen
    fill.set(out, run.color);
    RunWriter(out, run, *font).write(h);
  }
  return out;
}

}  // namespace vitae::pdf

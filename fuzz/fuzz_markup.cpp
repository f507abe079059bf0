// Fuzz harness: bytes as inline markup (src/model/markup.h), then set as a paragraph
// (src/layout/inline.h) with the bundled Lato, at a width and alignment taken from the
// first byte. Checks the parser's promises: adjacent spans differ in style, no span is
// empty, valid UTF-8 stays valid, and the plain text is the spans' text.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "layout/inline.h"
#include "layout/shape_cache.h"
#include "linebreak/knuth_plass.h"
#include "model/markup.h"
#include "model/utf8.h"
#include "text/font_library.h"
#include "text/hyphenate.h"

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_markup: broken invariant: %s\n", what);
    std::abort();
  }
}

struct Services {
  vitae::FontLibrary fonts{vitae::FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false}};
  vitae::HyphenatorCache hyphenators;
  std::shared_ptr<const vitae::Hyphenator> english;
  vitae::TextStyle styles[4];  // regular, bold, italic, bold italic

  Services() {
    for (int i = 0; i < 4; ++i) {
      vitae::FontRequest req{"Lato", i & 1 ? vitae::FontWeight::Bold : vitae::FontWeight::Regular,
                             i & 2 ? vitae::FontStyle::Italic : vitae::FontStyle::Upright, {}};
      styles[i].font = fonts.resolve(req).font;
      check(styles[i].font != nullptr, "the bundled Lato is missing");
      styles[i].chain = vitae::make_font_chain(fonts, styles[i].font, req.weight, req.style);
      styles[i].size = vitae::Abs::pt(10);
    }
    std::string error;
    english = hyphenators.get("en-US", &error);
    check(english != nullptr, "no en-US hyphenation patterns");
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Services services;
  if (size == 0) return 0;
  const uint8_t control = data[0];
  const std::string markup(reinterpret_cast<const char*>(data + 1), size - 1);
  const bool valid_utf8 = vitae::find_invalid_utf8(markup) == std::string::npos;

  std::vector<vitae::Span> spans = vitae::parse_markup(markup);
  std::string joined;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const vitae::Span& s = spans[i];
    check(!s.text.empty(), "an empty span");
    if (i > 0) {
      const vitae::Span& p = spans[i - 1];
      check(p.bold != s.bold || p.italic != s.italic || p.link != s.link, "adjacent spans in one style");
    }
    if (valid_utf8) {
      check(vitae::find_invalid_utf8(s.text) == std::string::npos, "valid UTF-8 in, invalid text out");
      check(vitae::find_invalid_utf8(s.link) == std::string::npos, "valid UTF-8 in, invalid link out");
    }
    joined += s.text;
  }
  check(joined == vitae::markup_plain_text(markup), "markup_plain_text differs from the spans");
  // The loader rejects invalid UTF-8 before text reaches layout: so does this.
  if (!valid_utf8) return 0;

  vitae::ParagraphSpec spec;
  for (const vitae::Span& s : spans)
    spec.spans.push_back({s.text, services.styles[(s.bold ? 1 : 0) | (s.italic ? 2 : 0)], s.link});
  spec.width = vitae::Abs::pt(20 + (control & 0x3f) * 8);  // 20pt .. 524pt
  spec.align = static_cast<vitae::Align>((control >> 6) & 3);
  spec.hyphenate = (control & 1) != 0;
  vitae::ShapeCache cache;
  vitae::Shaper shaper(cache);
  vitae::linebreak::LineBreaker breaker;
  const vitae::Hyphenator* hyphenator = spec.hyphenate ? services.english.get() : nullptr;
  vitae::SetParagraph p = vitae::set_paragraph(spec, vitae::InlineContext{&shaper, hyphenator, &breaker});
  check(!joined.empty() || p.lines.size() <= 1, "lines from no text");
  for (const vitae::SetLine& l : p.lines)
    check(std::isfinite(l.natural_width.to_pt()) && std::isfinite(l.ratio), "a line of no finite width or ratio");
  return 0;
}

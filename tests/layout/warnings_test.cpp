// Warnings a typesetter owes its user, from a whole layout.
#include <gtest/gtest.h>

#include "layout/layout.h"
#include "text/font_library.h"

namespace vitae {
namespace {

Document one_paragraph(const std::string& text) {
  Document doc;
  doc.path = "cv.yaml";
  doc.cv.name.markup = "Ada";
  Section s;
  s.key = s.title = "About";
  s.kind = EntryKind::Text;
  Entry e;
  e.kind = EntryKind::Text;
  e.text = Text{text, SourceLoc{7, 9}};
  e.loc = e.text.loc;
  s.entries.push_back(e);
  doc.cv.sections.push_back(s);
  doc.design.typography.font_family.body.family = "Lato";
  return doc;
}

std::vector<const Diagnostic*> warnings_with(const Diagnostics& d, const std::string& needle) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& x : d.all())
    if (x.severity == Severity::Warning && x.message.find(needle) != std::string::npos) out.push_back(&x);
  return out;
}

TEST(LayoutWarnings, MissingCharactersAreNamedOncePerParagraphAtTheirSourceLine) {
  FontLibrary fonts(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false});
  Diagnostics d;
  // U+1F600 (an emoji) and U+10FFFD (private use) are in no bundled font; fontconfig is off.
  layout_document(one_paragraph("a \xf0\x9f\x98\x80 b \xf4\x8f\xbf\xbd c \xf0\x9f\x98\x80"), fonts, {}, d);
  auto w = warnings_with(d, "not in any font");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0]->message, "characters U+1F600, U+10FFFD are not in any font; shown as a box");
  EXPECT_EQ(w[0]->loc.line, 7);
  EXPECT_EQ(w[0]->path, "cv.yaml");
}

// A word wider than the line is cut between letters on every line it needs, with no
// overfull or underfull noise for its pieces, and one warning for the paragraph, which
// shows where the first cut is.
TEST(LayoutWarnings, AWordLongerThanTheLineIsBrokenWithOneWarning) {
  FontLibrary fonts(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false});
  Diagnostics d;
  LayoutResult r = layout_document(one_paragraph(std::string(300, 'w')), fonts, {}, d);
  EXPECT_EQ(r.stats.overfull_lines, 0);
  EXPECT_EQ(r.stats.underfull_lines, 0);
  EXPECT_GE(r.stats.lines, 3);
  auto w = warnings_with(d, "line");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0]->message.rfind("a word wider than the line is broken between two letters: '...www", 0), 0u)
      << w[0]->message;
  EXPECT_EQ(w[0]->hint, "shorten the word, or give it a place to break (a hyphen, or a space)");
  EXPECT_EQ(w[0]->loc.line, 7);
}

// A long address breaks at its slashes and dots, as addresses do, even where the line
// before a long part is left loose: nothing is cut, nothing to report.
TEST(LayoutWarnings, ALongAddressBrokenAtItsSlashesGivesNoWarning) {
  FontLibrary fonts(FontLibraryConfig{VITAE_SOURCE_DIR "/fonts", false});
  Diagnostics d;
  std::string url = "https://example.org";
  for (int i = 0; i < 12; ++i) url += "/path" + std::to_string(i) + "segment";
  LayoutResult r = layout_document(one_paragraph(url), fonts, {}, d);
  EXPECT_GE(r.stats.lines, 2);
  for (const Diagnostic* w : warnings_with(d, "line")) ADD_FAILURE() << w->message << "\n" << dump_pages(r.doc);
}

}  // namespace
}  // namespace vitae

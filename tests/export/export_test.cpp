// The text and Markdown exports (src/export) on small CVs: content and order, markup
// stripped in text and kept in Markdown, Markdown's own syntax escaped.
#include <gtest/gtest.h>

#include "export/export.h"
#include "load/load.h"

namespace vitae {
namespace {

Document load(const std::string& yaml) {
  Diagnostics diags;
  std::optional<Document> doc = load_document(SourceFile{"cv.yaml", yaml}, diags);
  EXPECT_TRUE(doc && !diags.has_errors()) << format_diagnostics(diags, {});
  return doc ? *doc : Document{};
}

const char* kCv = R"(cv:
  name: Ada Lovelace
  headline: Analyst of *engines*
  email: ada@example.org
  website: https://ada.example.org/
  social_networks:
    - network: GitHub
      username: ada
  sections:
    experience:
      - company: Analytical Engine Project
        position: Analyst
        location: London
        start_date: 1842-09
        end_date: 1843-08
        summary: Notes on the **engine**.
        highlights:
          - Wrote the first **algorithm**, see [the notes](https://example.org/notes)
          - - Bernoulli numbers, [https://example.org/b](https://example.org/b)
    skills:
      - label: Languages
        details: English, French
      - label: Maths
        details: Analysis
)";

TEST(ExportText, HeaderSectionsAndEntriesInOrder) {
  EXPECT_EQ(export_text(load(kCv), {}),
            "Ada Lovelace\n"
            "Analyst of engines\n"
            "ada@example.org | ada.example.org | GitHub: ada (https://github.com/ada)\n"
            "\n"
            "Experience\n"
            "==========\n"
            "\n"
            "Analytical Engine Project, Analyst\n"
            "London | Sept 1842 – Aug 1843 | 1 year\n"
            "Notes on the engine.\n"
            "- Wrote the first algorithm, see the notes (https://example.org/notes)\n"
            "  - Bernoulli numbers, https://example.org/b\n"
            "\n"
            "Skills\n"
            "======\n"
            "\n"
            "Languages: English, French\n"
            "Maths: Analysis\n");
}

TEST(ExportMarkdown, KeepsMarkupAsMarkdown) {
  EXPECT_EQ(export_markdown(load(kCv), {}),
            "# Ada Lovelace\n"
            "\n"
            "Analyst of *engines*\n"
            "\n"
            "[ada@example.org](mailto:ada@example.org) | [ada.example.org](https://ada.example.org/) | "
            "GitHub: [ada](https://github.com/ada)\n"
            "\n"
            "## Experience\n"
            "\n"
            "### **Analytical Engine Project**, Analyst\n"
            "\n"
            "London | Sept 1842 – Aug 1843 | 1 year\n"
            "\n"
            "Notes on the **engine**.\n"
            "\n"
            "- Wrote the first **algorithm**, see [the notes](https://example.org/notes)\n"
            "  - Bernoulli numbers, [https://example.org/b](https://example.org/b)\n"
            "\n"
            "## Skills\n"
            "\n"
            "**Languages:** English, French\n"
            "\n"
            "**Maths:** Analysis\n");
}

TEST(ExportText, StripsEveryKindOfMarkup) {
  EXPECT_EQ(markup_to_text("**a *b* c** \\*literal\\* [**x** y](https://u.org) [https://v.org](https://v.org)"),
            "a b c *literal* x y (https://u.org) https://v.org");
  EXPECT_EQ(markup_to_text("[mail me](mailto:a@b.org) [a@b.org](mailto:a@b.org)"), "mail me (mailto:a@b.org) a@b.org");
  EXPECT_EQ(markup_to_text("[+1-503-555](tel:+1503555) [call](tel:+1503555)"), "+1-503-555 call (tel:+1503555)");
}

TEST(ExportMarkdown, EmphasisAndLinksWrittenAgain) {
  EXPECT_EQ(markup_to_markdown("**a *b* c**"), "**a *b* c**");
  EXPECT_EQ(markup_to_markdown("***both*** and [**x** y](https://u.org/a_(b))"),
            "***both*** and [**x** y](https://u.org/a_\\(b\\))");
  // Spaces at the edge of a styled run go outside its delimiters, where CommonMark needs them.
  EXPECT_EQ(markup_to_markdown("[a ](https://u.org)b"), "[a](https://u.org) b");
}

TEST(ExportMarkdown, EscapesWhatMarkdownWouldReadAsSyntax) {
  // Literal in a CV, syntax in Markdown: an escaped star, an underscore, HTML, backticks.
  EXPECT_EQ(markup_to_markdown("5 \\* 3, snake_case, <b>, `code`"), "5 \\* 3, snake\\_case, \\<b\\>, \\`code\\`");
  const Document doc = load(R"(cv:
  name: Ada
  sections:
    notes:
      - 1. not a list item
      - "# not a heading"
      - "- not a bullet"
)");
  EXPECT_EQ(export_markdown(doc, {}),
            "# Ada\n\n## Notes\n\n1\\. not a list item\n\n\\# not a heading\n\n\\- not a bullet\n");
  EXPECT_EQ(export_text(doc, {}), "Ada\n\nNotes\n=====\n\n1. not a list item\n\n# not a heading\n\n- not a bullet\n");
}

TEST(ExportMarkdown, NumberedListsCountUpReversedOnesStayLiteral) {
  const Document doc = load(R"(cv:
  name: Ada
  sections:
    talks:
      - number: First
      - number: Second
    papers:
      - reversed_number: Older
      - reversed_number: Newer
    tools:
      - bullet: Loom
      - bullet: Mill
)");
  EXPECT_EQ(export_markdown(doc, {}),
            "# Ada\n\n## Talks\n\n1. First\n2. Second\n\n## Papers\n\n2\\. Older\n\n1\\. Newer\n\n"
            "## Tools\n\n- Loom\n- Mill\n");
  EXPECT_EQ(export_text(doc, {}),
            "Ada\n\nTalks\n=====\n\n1. First\n2. Second\n\nPapers\n======\n\n2. Older\n1. Newer\n\n"
            "Tools\n=====\n\n- Loom\n- Mill\n");
}

TEST(Export, SidebarSectionsInReadingOrderAndKeywordsInBold) {
  const Document doc = load(R"(cv:
  name: Ada
  sections:
    experience:
      - Worked on engines.
    skills:
      - Engines, Maths
design:
  theme: sidebar
  sidebar:
    position: left
    sections: [skills]
settings:
  bold_keywords: [Maths]
)");
  // The left column is read first, as a reader (and pdftotext) meets it.
  EXPECT_EQ(export_markdown(doc, {}), "# Ada\n\n## Skills\n\nEngines, **Maths**\n\n## Experience\n\nWorked on engines.\n");
}

TEST(Export, TimeSpansNeedToday) {
  const std::string cv = R"(cv:
  name: Ada
  sections:
    experience:
      - company: Engine
        position: Analyst
        start_date: 2020-01
        end_date: present
design:
  sections:
    show_time_spans_in: [experience]
)";
  const Document doc = load(cv);
  EXPECT_NE(export_text(doc, {}).find("Jan 2020 – present\n"), std::string::npos);
  EXPECT_NE(export_text(doc, {Date{2021, 3, 1, false, {}}}).find("Jan 2020 – present | 1 year 3 months\n"),
            std::string::npos);
}

}  // namespace
}  // namespace vitae

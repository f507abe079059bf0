// The walk both exports share: the document into an Outline, entry by entry as the layout
// sets them (src/layout/entries.cpp), so that the text and the PDF agree.
#include "export/export.h"

namespace vitae {

namespace {

bool is_list_like(EntryKind k) {
  return k == EntryKind::OneLine || k == EntryKind::Bullet || k == EntryKind::Numbered ||
         k == EntryKind::ReversedNumbered;
}

void add_highlights(const std::vector<Highlight>& hs, int depth, std::vector<OutlineBlock>& out) {
  for (const Highlight& h : hs) {
    out.push_back({OutlineBlock::Kind::Item, h.text.markup, depth, ""});
    add_highlights(h.children, depth + 1, out);
  }
}

/// An entry with side columns: the header line, the columns' lines, the rest of the main
/// template (summary, highlights, further lines such as a publication's authors).
OutlineEntry regular_entry(const Document& doc, const Section& s, const Entry& e, const ExportOptions& options) {
  const std::map<std::string, std::string> fields = entry_fields(e, doc);
  const EntryTemplates t = entry_templates(doc.design, e.kind);
  OutlineEntry out;
  if (t.degree && !e.degree.empty())
    for (const TemplateLine& l : expand_template(*t.degree, fields)) out.facts.push_back(l.markup);
  for (const TemplateLine& l : date_location_lines(doc, s, e, fields, options.today)) out.facts.push_back(l.markup);
  std::vector<TemplateLine> main = expand_template(*t.main, fields);
  for (std::size_t i = 0; i < main.size(); ++i) {
    const TemplateLine& l = main[i];
    if (l.kind == TemplateLine::Kind::Highlights) {
      add_highlights(e.highlights, 0, out.body);
    } else if (l.kind == TemplateLine::Kind::Summary) {
      // The layout sets the summary as written, without settings.bold_keywords.
      out.body.push_back({OutlineBlock::Kind::Paragraph, e.summary.markup, 0, ""});
    } else if (i == 0) {
      out.title = l.markup;
    } else {
      out.body.push_back({OutlineBlock::Kind::Paragraph, l.markup, 0, ""});
    }
  }
  return out;
}

/// One-line, bullet, numbered and text entries: one paragraph (or list item) each, with
/// the numbering the PDF shows.
OutlineEntry text_entry(const Document& doc, const Section& s, const Entry& e, std::size_t index) {
  const std::vector<std::string>& keywords = doc.settings.bold_keywords;
  OutlineEntry out;
  out.tight = is_list_like(e.kind);
  using K = OutlineBlock::Kind;
  switch (e.kind) {
    case EntryKind::OneLine:
      for (const TemplateLine& l : expand_template(doc.design.templates.one_line_main, entry_fields(e, doc)))
        out.body.push_back({K::Paragraph, embolden_keywords(l.markup, keywords), 0, ""});
      break;
    case EntryKind::Bullet: out.body.push_back({K::Item, embolden_keywords(e.bullet.markup, keywords), 0, ""}); break;
    case EntryKind::Numbered:
      out.body.push_back({K::Item, embolden_keywords(e.bullet.markup, keywords), 0, std::to_string(index + 1) + "."});
      break;
    case EntryKind::ReversedNumbered:
      out.body.push_back(
          {K::Paragraph, embolden_keywords(e.bullet.markup, keywords), 0, std::to_string(s.entries.size() - index) + "."});
      break;
    default: out.body.push_back({K::Paragraph, embolden_keywords(e.text.markup, keywords), 0, ""}); break;
  }
  return out;
}

bool is_regular(EntryKind k) { return !is_list_like(k) && k != EntryKind::Text; }

}  // namespace

Outline outline_of(const Document& doc, const ExportOptions& options) {
  Outline out;
  out.name = doc.cv.name.markup;
  out.headline = doc.cv.headline.markup;
  out.contacts = connections_of(doc.cv, doc.design.header.connections);
  for (const Section* s : sections_in_reading_order(doc)) {
    OutlineSection& os = out.sections.emplace_back();
    os.title = s->title;
    for (std::size_t i = 0; i < s->entries.size(); ++i) {
      const Entry& e = s->entries[i];
      os.entries.push_back(is_regular(e.kind) ? regular_entry(doc, *s, e, options) : text_entry(doc, *s, e, i));
    }
  }
  return out;
}

}  // namespace vitae

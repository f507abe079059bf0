// The plain-text export: what a portal's text box keeps. No markup survives; a link keeps
// its URL in parentheses, since a pasted CV loses its hyperlinks.
#include <string_view>

#include "export/export.h"
#include "model/markup.h"

namespace vitae {

namespace {

std::string dial_digits(const std::string& s) {
  std::string out;
  for (char c : s)
    if ((c >= '0' && c <= '9') || c == '+') out += c;
  return out;
}

/// Whether a link's text already says where it goes ("ada@example.org" for its mailto:
/// URL, "example.org" for https://example.org/, "+1 503 555" for tel:+1503555): the URL
/// in parentheses would repeat it.
bool text_is_url(const std::string& text, const std::string& url) {
  if (url.rfind("tel:", 0) == 0) return dial_digits(text) == dial_digits(url);
  return text == url || text == strip_scheme(url);
}

/// Line breaks inside a value (YAML block scalars) as spaces: every block is one line.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string text_contact_line(const std::vector<Connection>& contacts) {
  std::string out;
  for (const Connection& c : contacts) {
    if (!out.empty()) out += " | ";
    if (!c.label.empty()) out += c.label + ": ";
    out += markup_to_text(c.url.empty() ? c.markup : "[" + c.markup + "](" + c.url + ")");
  }
  return out;
}

void append_entry(const OutlineEntry& e, std::string& out) {
  if (!e.title.empty()) out += markup_to_text(e.title) + "\n";
  std::string facts;
  for (const std::string& f : e.facts) facts += (facts.empty() ? "" : " | ") + markup_to_text(f);
  if (!facts.empty()) out += facts + "\n";
  for (const OutlineBlock& b : e.body) {
    if (b.kind == OutlineBlock::Kind::Item)
      out += std::string(2 * static_cast<std::size_t>(b.depth), ' ') + (b.marker.empty() ? "-" : b.marker) + " ";
    else if (!b.marker.empty())
      out += b.marker + " ";
    out += markup_to_text(b.markup) + "\n";
  }
}

}  // namespace

std::string markup_to_text(const std::string& markup) {
  std::vector<Span> spans = parse_markup(markup);
  std::string out;
  for (std::size_t i = 0; i < spans.size();) {
    // A link's text may run over several spans (bold inside it): gather them first.
    std::string text = spans[i].text;
    const std::string& link = spans[i].link;
    std::size_t j = i + 1;
    for (; !link.empty() && j < spans.size() && spans[j].link == link; ++j) text += spans[j].text;
    out += text;
    if (!link.empty() && !text_is_url(text, link)) out += " (" + link + ")";
    i = j;
  }
  return one_line(out);
}

std::string export_text(const Document& doc, const ExportOptions& options) {
  const Outline o = outline_of(doc, options);
  std::string out;
  for (const std::string* line : {&o.name, &o.headline})
    if (!line->empty()) out += markup_to_text(*line) + "\n";
  if (std::string c = text_contact_line(o.contacts); !c.empty()) out += c + "\n";
  for (const OutlineSection& s : o.sections) {
    out += (out.empty() ? "" : "\n") + one_line(s.title) + "\n" + std::string(code_points(s.title), '=') + "\n";
    for (std::size_t i = 0; i < s.entries.size(); ++i) {
      const bool tight = i > 0 && s.entries[i - 1].tight && s.entries[i].tight;
      if (!tight) out += "\n";
      append_entry(s.entries[i], out);
    }
  }
  return out;
}

}  // namespace vitae

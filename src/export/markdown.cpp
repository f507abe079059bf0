// The Markdown export (CommonMark). CV markup is a subset of Markdown already, but it is
// not passed through: text that Markdown would read as structure ("- " or "1. " at the start
// of a line, "<", "_", backticks) is literal in a CV. The markup is parsed and written
// again, each literal character escaped, emphasis and links as Markdown.
#include <string_view>

#include "export/export.h"
#include "model/markup.h"

namespace vitae {

namespace {

/// Characters that are Markdown syntax anywhere in a line. CommonMark lets a backslash
/// escape any ASCII punctuation, but a portal that shows the Markdown as text shows the
/// backslash too, so only what can start syntax is escaped: not '!', which makes an image
/// only before a '[', and '[' is always escaped.
bool needs_escape(char c) {
  return std::string_view("\\`*_[]<>&~|").find(c) != std::string_view::npos;
}

std::string escaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r') c = ' ';
    if (needs_escape(c)) out += '\\';
    out += c;
  }
  return out;
}

/// A line of a paragraph that Markdown would read as a heading, a list item or a quote is
/// made literal: "#", "-", "+", ">" or "12." at its start escaped.
std::string literal_line_start(std::string line) {
  std::size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) return line.insert(digits, "\\");
  if (!line.empty() && std::string_view("#-+>=").find(line[0]) != std::string_view::npos) return line.insert(0, "\\");
  return line;
}

/// A link destination: spaces and angle brackets percent-encoded, parentheses escaped.
std::string destination(std::string_view url) {
  std::string out;
  for (char c : url) {
    if (c == ' ') out += "%20";
    else if (c == '<') out += "%3C";
    else if (c == '>') out += "%3E";
    else if (c == '(' || c == ')' || c == '\\') out += std::string("\\") + c;
    else out += c;
  }
  return out;
}

/// Writes spans as Markdown. Emphasis opens and closes only where the style changes, bold
/// outside italic; a link closes any emphasis around it. Delimiters must touch text to
/// count (CommonMark's flanking rules), so spaces at a span's ends are moved outside them.
class InlineWriter {
 public:
  void add(const Span& s) {
    const std::size_t first = s.text.find_first_not_of(' ');
    if (first == std::string::npos) {  // only spaces: no style to show
      pending_ += s.text;
      return;
    }
    const std::size_t last = s.text.find_last_not_of(' ');
    close_for(s);
    out_ += pending_ + s.text.substr(0, first);
    pending_ = s.text.substr(last + 1);
    if (s.link != link_ && !s.link.empty()) out_ += "[";
    link_ = s.link;
    if (s.bold && !bold_) out_ += "**";
    if (s.italic && !italic_) out_ += "*";
    bold_ = s.bold;
    italic_ = s.italic;
    out_ += escaped(s.text.substr(first, last + 1 - first));
  }
  std::string finish() {
    close_for(Span{});
    return out_ + pending_;
  }

 private:
  /// Closes what `next` does not continue: italic inside bold, bold, then the link.
  void close_for(const Span& next) {
    const bool link_ends = next.link != link_;
    const bool bold_ends = bold_ && (!next.bold || link_ends);
    if (italic_ && (!next.italic || bold_ends || link_ends)) out_ += "*", italic_ = false;
    if (bold_ends) out_ += "**", bold_ = false;
    if (link_ends && !link_.empty()) out_ += "](" + destination(link_) + ")";
    if (link_ends) link_.clear();
  }

  std::string out_, pending_, link_;
  bool bold_ = false, italic_ = false;
};

std::string markdown_contact_line(const std::vector<Connection>& contacts) {
  std::string out;
  for (const Connection& c : contacts) {
    if (!out.empty()) out += " | ";
    if (!c.label.empty()) out += escaped(c.label) + ": ";
    out += markup_to_markdown(c.url.empty() ? c.markup : "[" + c.markup + "](" + c.url + ")");
  }
  return literal_line_start(out);
}

/// Blocks are separated by a blank line, but for items of one list: each is a line of its
/// own, and a blank line between them would make a loose list.
class BlockWriter {
 public:
  void block(const std::string& text, bool item = false) {
    if (!out_.empty()) out_ += last_item_ && item ? "\n" : "\n\n";
    out_ += text;
    last_item_ = item;
  }
  std::string finish() { return out_.empty() ? out_ : out_ + "\n"; }

 private:
  std::string out_;
  bool last_item_ = false;
};

void write_entry(const OutlineEntry& e, BlockWriter& w) {
  if (!e.title.empty()) w.block("### " + markup_to_markdown(e.title));
  std::string facts;
  for (const std::string& f : e.facts) facts += (facts.empty() ? "" : " | ") + markup_to_markdown(f);
  if (!facts.empty()) w.block(literal_line_start(facts));
  for (const OutlineBlock& b : e.body) {
    if (b.kind == OutlineBlock::Kind::Paragraph) {
      // A number counting down stays literal text ("3\. ...", escaped by literal_line_start).
      w.block(literal_line_start((b.marker.empty() ? "" : b.marker + " ") + markup_to_markdown(b.markup)));
      continue;
    }
    const std::string indent(2 * static_cast<std::size_t>(b.depth), ' ');
    w.block(indent + (b.marker.empty() ? "- " : b.marker + " ") + markup_to_markdown(b.markup), true);
  }
}

}  // namespace

std::string markup_to_markdown(const std::string& markup) {
  InlineWriter w;
  for (const Span& s : parse_markup(markup)) w.add(s);
  return w.finish();
}

std::string export_markdown(const Document& doc, const ExportOptions& options) {
  const Outline o = outline_of(doc, options);
  BlockWriter w;
  if (!o.name.empty()) w.block("# " + markup_to_markdown(o.name));
  if (!o.headline.empty()) w.block(literal_line_start(markup_to_markdown(o.headline)));
  if (std::string c = markdown_contact_line(o.contacts); !c.empty()) w.block(c);
  for (const OutlineSection& s : o.sections) {
    w.block("## " + escaped(s.title));
    for (const OutlineEntry& e : s.entries) write_entry(e, w);
  }
  return w.finish();
}

}  // namespace vitae

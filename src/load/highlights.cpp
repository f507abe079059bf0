#include "load/highlights.h"


namespace vitae::load {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

Highlight read_mapping_highlight(const YNode& node, Reader& r) {
  Highlight h;
  h.text.loc = node.loc;
  bool has_text = false;
  r.for_each_field(node, {"text", "tags", "highlights"}, "a highlight",
                   [&](const std::string& key, const YNode& v) {
                     if (key == "text") {
                       if (auto t = r.text(v, "text")) {
                         h.text = *t;
                         has_text = true;
                       }
                     } else if (key == "tags") {
                       h.tags = read_tags(v, r);
                     } else {
                       h.children = read_highlights(v, r);
                     }
                   });
  if (!has_text) r.error(node.loc, "this highlight has no 'text'", "write {text: ..., tags: [...]}");
  return h;
}

}  // namespace

bool split_nested_plain_scalar(const YNode& scalar, std::string_view source, Text& main,
                               std::vector<Highlight>& children) {
  if (!scalar.plain || scalar.offset >= source.size()) return false;
  if (scalar.value.find(" - ") == std::string::npos) return false;
  std::size_t line_start = source.rfind('\n', scalar.offset);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  std::size_t indent = scalar.offset - line_start;  // continuation lines are indented more than the item's dash
  std::size_t dash = source.rfind('-', scalar.offset);
  if (dash != std::string_view::npos && dash >= line_start) indent = dash - line_start;

  std::size_t end = source.find('\n', scalar.offset);
  std::vector<std::string_view> lines{
      trim(source.substr(scalar.offset, end == std::string_view::npos ? source.npos : end - scalar.offset))};
  while (end != std::string_view::npos) {
    std::size_t next = end + 1;
    end = source.find('\n', next);
    std::string_view line = source.substr(next, end == std::string_view::npos ? source.npos : end - next);
    std::size_t first = line.find_first_not_of(' ');
    if (first == std::string_view::npos || first <= indent || trim(line).empty()) break;
    lines.push_back(trim(line));
  }

  // The lines must fold to exactly the parsed value, or the scalar is not what we think.
  std::string folded;
  for (std::string_view l : lines) folded += (folded.empty() ? "" : " ") + std::string(l);
  if (folded != scalar.value) return false;

  Text head{std::string(lines[0]), scalar.loc};
  std::vector<Highlight> kids;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].substr(0, 2) == "- ") {
      Highlight h;
      h.text.markup = std::string(trim(lines[i].substr(2)));
      h.text.loc = loc_of_offset(source, static_cast<std::size_t>(lines[i].data() - source.data()) + 2);
      kids.push_back(std::move(h));
    } else {
      std::string& target = kids.empty() ? head.markup : kids.back().text.markup;
      target += ' ';
      target += lines[i];
    }
  }
  if (kids.empty()) return false;
  main = std::move(head);
  children = std::move(kids);
  return true;
}

std::vector<Highlight> read_highlights(const YNode& node, Reader& r) {
  std::vector<Highlight> out;
  if (node.is_null()) return out;
  if (!node.is_seq()) {
    r.type_error(node, "highlights", "a list of strings");
    return out;
  }
  for (const YNode& item : node.items) {
    if (item.is_scalar()) {
      Highlight h;
      if (!split_nested_plain_scalar(item, r.source(item.loc), h.text, h.children)) h.text = {item.value, item.loc};
      out.push_back(std::move(h));
    } else if (item.is_map()) {
      out.push_back(read_mapping_highlight(item, r));
    } else if (item.is_seq()) {
      if (out.empty()) {
        r.error(item.loc, "a nested list of highlights must follow the highlight it belongs to");
        continue;
      }
      std::vector<Highlight> kids = read_highlights(item, r);
      for (Highlight& k : kids) out.back().children.push_back(std::move(k));
    } else {
      r.error(item.loc, "a highlight cannot be empty");
    }
  }
  return out;
}

}  // namespace vitae::load

#include "load/yaml_errors.h"

#include <yaml-cpp/exceptions.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "load/yaml_tree.h"

namespace vitae::load {

namespace {

bool starts(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

constexpr const char* kTabMessage = "a tab is used for indentation";
constexpr const char* kTabHint = "YAML indents with spaces; replace the tab";

/// The character (one UTF-8 sequence) at byte `at`, to quote it in a message.
std::string char_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return {};
  std::size_t end = at + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return std::string(text.substr(at, end - at));
}

/// True when only blanks and comments follow `at`: the parser ran out of text.
bool only_blank_after(std::string_view text, std::size_t at) {
  for (std::size_t i = at; i < text.size(); ++i) {
    if (text[i] == '#') {
      i = text.find('\n', i);
      if (i == std::string_view::npos) return true;
    } else if (!std::isspace(static_cast<unsigned char>(text[i]))) {
      return false;
    }
  }
  return true;
}

std::size_t line_start(std::string_view text, std::size_t at) {
  std::size_t nl = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

std::string line_column(std::string_view text, std::size_t at) {
  SourceLoc loc = loc_of_offset(text, at);
  return "line " + std::to_string(loc.line) + ", column " + std::to_string(loc.column);
}

/// Messages that depend on nothing but yaml-cpp's message.
struct FixedRule {
  std::array<const char*, 3> problems;  ///< starts of yaml-cpp's messages (nullptr: unused)
  const char* message;
  const char* hint;
};

using namespace YAML::ErrorMsg;

const std::array kFixedRules = {
    FixedRule{{MAP_VALUE}, "unexpected ':' here",
              "a value containing ': ' must be quoted, and keys must line up with the keys above"},
    FixedRule{{BLOCK_ENTRY}, "unexpected list item '-' here", "check the indentation of this line"},
    FixedRule{{MAP_KEY}, "unexpected '?' here", "a value starting with '? ' must be quoted"},
    FixedRule{{TAB_IN_INDENTATION}, kTabMessage, kTabHint},
    FixedRule{{CHAR_IN_BLOCK, ZERO_INDENT_IN_BLOCK}, "a value starting with '|' or '>' must be quoted",
              "or write '|' alone at the end of the line and the text on the lines below, indented"},
    FixedRule{{YAML_MAJOR_VERSION, YAML_VERSION, YAML_DIRECTIVE_ARGS}, "this YAML version is not supported",
              "write '%YAML 1.2' (or 1.1), or remove the line"},
    FixedRule{{REPEATED_YAML_DIRECTIVE, TAG_DIRECTIVE_ARGS, REPEATED_TAG_DIRECTIVE},
              "a line starting with '%' is a YAML directive, and this one is not valid",
              "remove the line, or quote a value starting with '%'"},
    FixedRule{{BAD_FILE}, "nesting too deep", "a CV nests a few levels; this file looks generated or damaged"},
};

std::optional<ExplainedError> fixed_rule(const YamlError& e) {
  for (const FixedRule& r : kFixedRules)
    for (const char* problem : r.problems)
      if (problem && starts(e.problem, problem)) return ExplainedError{r.message, r.hint, e.at};
  return std::nullopt;
}

/// "end of map not found" and "end of sequence not found": yaml-cpp found something where a
/// block mapping or list wanted its next item.
ExplainedError block_item_expected(const YamlError& e, std::string_view text) {
  std::string c = char_at(text, e.at);
  if (c == "-") return {"unexpected list item '-' here", "check the indentation of this line", e.at};
  if (c == ":") return {"a key is missing before ':'", "write 'key: value'", e.at};
  return {"the indentation does not match the lines above",
          "items of one list or mapping must start in the same column", e.at};
}

/// "a '[' is not closed", at the bracket at byte `open`.
ExplainedError unclosed(std::string_view text, std::size_t open) {
  bool sequence = text[open] == '[';
  return {std::string("a '") + text[open] + "' is not closed", std::string("add the matching '") + (sequence ? ']' : '}') + "'",
          open};
}

/// "end of sequence flow not found" (or map flow): a '[' or '{' left open at the end of the
/// file, or two of its items without a ',' between them.
ExplainedError flow_end_expected(const YamlError& e, std::string_view text, bool sequence) {
  if (!e.open_flow_at) return {"a '" + std::string(sequence ? "[" : "{") + "' is not closed", "", e.at};
  if (only_blank_after(text, e.at)) return unclosed(text, *e.open_flow_at);
  std::string open = sequence ? "'['" : "'{'";
  std::string close = sequence ? "']'" : "'}'";
  return {"expected ',' or " + close + " here",
          "the " + open + " at " + line_column(text, *e.open_flow_at) + " opens a " + (sequence ? "list" : "mapping") +
              ": separate its items with ',' and close it with " + close,
          e.at};
}

/// "illegal flow end": a ']' or '}' that closes nothing, or not the bracket that is open.
ExplainedError stray_flow_end(const YamlError& e, std::string_view text) {
  std::string c = char_at(text, e.at);
  bool square = c == "]";
  if (!e.open_flow_at)
    return {"unexpected '" + c + "' here", "there is no '" + std::string(square ? "[" : "{") + "' open for it to close",
            e.at};
  char open = text[*e.open_flow_at];
  return {"unexpected '" + c + "' here",
          "the '" + std::string(1, open) + "' at " + line_column(text, *e.open_flow_at) + " is closed with '" +
              (open == '[' ? "]" : "}") + "'",
          e.at};
}

/// yaml-cpp could not read an alias (*name) or anchor (&name): a '*' or '&' starting a
/// value that is not meant as one, such as "*bold* text" or "& more".
ExplainedError alias_or_anchor(const YamlError& e, std::string_view text) {
  if (starts(e.problem, YAML::ErrorMsg::UNKNOWN_ANCHOR))
    return {"YAML aliases (*name) are not supported", "a value starting with '*' must be quoted, e.g. '*italic* text'",
            e.at};
  // "alias not found after *": the mark is just after the indicator.
  std::size_t at = e.at > 0 && (text[e.at - 1] == '*' || text[e.at - 1] == '&') ? e.at - 1 : e.at;
  return {std::string("a value starting with '") + char_at(text, at) + "' must be quoted", "put the value in quotes", at};
}

/// A bad escape in a double-quoted string: quotes the escape as written ("\q", "\xZZ").
ExplainedError bad_escape(const YamlError& e, std::string_view text) {
  std::size_t backslash = text.rfind('\\', e.at);
  if (backslash == std::string_view::npos || backslash < line_start(text, e.at)) backslash = e.at;
  std::size_t digits = 0;
  if (backslash + 1 < text.size()) {
    char kind = text[backslash + 1];
    digits = kind == 'x' ? 2 : kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
  }
  std::size_t end = backslash + 2;
  while (end < text.size() && end < backslash + 2 + digits && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
  std::string escape(text.substr(backslash, std::min(end, text.size()) - backslash));
  std::string hint = "write a backslash as \\\\ or use single quotes";
  if (starts(e.problem, YAML::ErrorMsg::INVALID_HEX)) hint = "'\\x' takes 2 hexadecimal digits, '\\u' 4 and '\\U' 8";
  if (starts(e.problem, YAML::ErrorMsg::INVALID_UNICODE))
    hint = "the escape names no character (a surrogate, or beyond U+10FFFF)";
  return {"bad escape sequence '" + escape + "' in a double-quoted string", hint, backslash};
}

/// The quote that opens the string a document marker ("---") or the end of the file was
/// found in: the nearest quote before `at` that stands where a value can start.
std::size_t opening_quote(std::string_view text, std::size_t at) {
  for (std::size_t i = std::min(at, text.size()); i-- > 0;) {
    if (text[i] != '"' && text[i] != '\'') continue;
    std::size_t j = i;
    while (j > 0 && text[j - 1] == ' ') --j;
    if (j == 0 || std::string_view(":-[{,\n").find(text[j - 1]) != std::string_view::npos) return i;
  }
  return at;
}

/// "illegal map value" after a line that is only a key: yaml-cpp reads "email ada@x.org"
/// and the next line's key as one plain scalar spanning both lines, and stops at the next
/// line's ':'. The line to fix is the one without ':'.
std::optional<ExplainedError> line_without_colon(const YamlError& e, std::string_view text) {
  std::size_t start = line_start(text, e.at);
  if (start == 0) return std::nullopt;
  std::size_t prev = line_start(text, start - 1);
  std::string_view line = text.substr(prev, start - 1 - prev);
  std::size_t indent = line.find_first_not_of(' ');
  std::size_t here = text.substr(start).find_first_not_of(' ');
  if (indent == std::string_view::npos || indent != here) return std::nullopt;
  std::string_view content = line.substr(indent);
  if (content.find(':') != std::string_view::npos || content[0] == '-' || content[0] == '#') return std::nullopt;
  return ExplainedError{"this line has no ':' after its key",
                        "write 'key: value'; a line that continues the value above must be indented further",
                        prev + indent};
}

}  // namespace

ExplainedError explain_yaml_error(const YamlError& e, std::string_view text) {
  std::string_view p = e.problem;
  if (starts(p, UNKNOWN_ANCHOR) || starts(p, ALIAS_NOT_FOUND) || starts(p, ANCHOR_NOT_FOUND))
    return alias_or_anchor(e, text);
  if (starts(p, INVALID_ESCAPE) || starts(p, INVALID_HEX) || starts(p, INVALID_UNICODE)) return bad_escape(e, text);
  if (starts(p, DOC_IN_SCALAR) || starts(p, EOF_IN_SCALAR))
    return {"a quoted string is not closed", "add the closing quote", opening_quote(text, e.at)};
  if (starts(p, UNKNOWN_TOKEN)) {
    std::string c = char_at(text, e.at);
    if (c == "\t") return {kTabMessage, kTabHint, e.at};
    return {"a value cannot start with '" + c + "'", "put the value in quotes", e.at};
  }
  if (starts(p, END_OF_MAP_FLOW)) return flow_end_expected(e, text, false);
  if (starts(p, END_OF_SEQ_FLOW)) return flow_end_expected(e, text, true);
  if (starts(p, END_OF_MAP) || starts(p, END_OF_SEQ)) return block_item_expected(e, text);
  if (starts(p, FLOW_END)) return stray_flow_end(e, text);
  if (starts(p, MAP_VALUE))
    if (auto x = line_without_colon(e, text)) return *x;
  if (auto fixed = fixed_rule(e)) return *fixed;
  return {"YAML syntax error: " + std::string(p), "", e.at};
}

std::optional<SourceLoc> tab_in_indentation(std::string_view text, int line) {
  int n = 1;
  std::size_t start = 0;
  for (; n < line - 1 && start != std::string_view::npos; ++n) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  for (int l = std::max(1, line - 1); l <= line && start != std::string_view::npos && start < text.size(); ++l) {
    for (std::size_t i = start; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i)
      if (text[i] == '\t') return SourceLoc{l, static_cast<int>(i - start) + 1};
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  return std::nullopt;
}

}  // namespace vitae::load

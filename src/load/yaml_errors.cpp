#include "load/yaml_errors.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "load/yaml_tree.h"

namespace vitae::load {

namespace {

bool has(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

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

/// Messages that depend on nothing but libyaml's problem (and context, when given).
struct FixedRule {
  const char* problem;  ///< a part of libyaml's problem; "" matches any
  const char* context;  ///< a part of libyaml's context; "" matches any
  const char* message;
  const char* hint;
  bool at_context;  ///< report at the construct's start rather than where libyaml gave up
};

constexpr std::array kFixedRules = {
    FixedRule{"found a tab character", "", kTabMessage, kTabHint, false},
    FixedRule{"mapping values are not allowed", "", "unexpected ':' here",
              "a value containing ': ' must be quoted, and keys must line up with the keys above", false},
    FixedRule{"block sequence entries are not allowed", "", "unexpected list item '-' here",
              "check the indentation of this line", false},
    FixedRule{"mapping keys are not allowed", "", "unexpected '?' here",
              "a value starting with '? ' must be quoted", false},
    FixedRule{"could not find expected ':'", "", "this line has no ':' after its key",
              "write 'key: value'; a line that continues the value above must be indented further", true},
    FixedRule{"found unexpected end of stream", "quoted scalar", "a quoted string is not closed",
              "add the closing quote", true},
    FixedRule{"found unexpected document indicator", "quoted scalar", "a quoted string is not closed",
              "add the closing quote", true},
    FixedRule{"did not find expected <document start>", "", "unexpected text after the end of the document",
              "the file holds one mapping; check the brackets and the indentation above", false},
    FixedRule{"found undefined tag handle", "", "a value starting with '!' must be quoted",
              "'!' starts a YAML tag; put the value in quotes", false},
    FixedRule{"found incompatible YAML document", "", "this YAML version is not supported",
              "write '%YAML 1.2' (or 1.1), or remove the line", false},
    FixedRule{"", "block scalar", "a value starting with '|' or '>' must be quoted",
              "or write '|' alone at the end of the line and the text on the lines below, indented", false},
    FixedRule{"", "directive", "a line starting with '%' is a YAML directive, and this one is not valid",
              "remove the line, or quote a value starting with '%'", false},
};

std::optional<ExplainedError> fixed_rule(const YamlError& e) {
  for (const FixedRule& r : kFixedRules)
    if (has(e.problem, r.problem) && has(e.context, r.context))
      return ExplainedError{r.message, r.hint, r.at_context ? e.context_at : e.problem_at};
  return std::nullopt;
}

/// "did not find expected key" and "did not find expected '-' indicator": libyaml found
/// something where a block mapping or list wanted its next item.
ExplainedError block_item_expected(const YamlError& e, std::string_view text) {
  std::string c = char_at(text, e.problem_at);
  if (c == "]" || c == "}")
    return {"unexpected '" + c + "' here", "there is no '" + std::string(c == "]" ? "[" : "{") + "' open for it to close",
            e.problem_at};
  if (c == "-") return {"unexpected list item '-' here", "check the indentation of this line", e.problem_at};
  if (c == ":") return {"a key is missing before ':'", "write 'key: value'", e.problem_at};
  return {"the indentation does not match the lines above",
          "items of one list or mapping must start in the same column", e.problem_at};
}

/// "a '[' is not closed", at the bracket at byte `open`.
ExplainedError unclosed(std::string_view text, std::size_t open) {
  bool sequence = text[open] == '[';
  return {std::string("a '") + text[open] + "' is not closed", std::string("add the matching '") + (sequence ? ']' : '}') + "'",
          open};
}

/// "did not find expected ',' or ']'" (or '}'): a flow collection left open at the end of
/// the file, or two of its items without a ',' between them.
ExplainedError flow_item_expected(const YamlError& e, std::string_view text, bool sequence) {
  if (only_blank_after(text, e.problem_at)) return unclosed(text, e.context_at);
  std::string open = sequence ? "'['" : "'{'";
  std::string close = sequence ? "']'" : "'}'";
  SourceLoc start = loc_of_offset(text, e.context_at);
  return {"expected ',' or " + close + " here",
          "the " + open + " at line " + std::to_string(start.line) + ", column " + std::to_string(start.column) +
              " opens a " + (sequence ? "list" : "mapping") + ": separate its items with ',' and close it with " +
              close,
          e.problem_at};
}

/// "did not find expected node content": the end of the file inside a '[' or '{', or a
/// ',' or ':' with nothing before it.
ExplainedError value_expected(const YamlError& e, std::string_view text) {
  if (e.open_flow_at && only_blank_after(text, e.problem_at)) return unclosed(text, *e.open_flow_at);
  std::string c = char_at(text, e.problem_at);
  if (c == ",") return {"expected a value before ','", "remove the extra ','", e.problem_at};
  if (c == ":") return {"a key is missing before ':'", "write 'key: value'", e.problem_at};
  return {"expected a value here", "", e.problem_at};
}

/// libyaml could not read an alias (*name) or anchor (&name): a '*' or '&' starting a value
/// that is not meant as one, such as "*bold* text" or "& more".
ExplainedError alias_or_anchor(const YamlError& e, std::string_view text) {
  bool alias = has(e.context, "alias");
  std::size_t next = e.context_at + 1;
  if (alias && next < text.size() && std::isalnum(static_cast<unsigned char>(text[next])))
    return {"YAML aliases (*name) are not supported", "a value starting with '*' must be quoted, e.g. '*italic* text'",
            e.context_at};
  return {std::string("a value starting with '") + (alias ? '*' : '&') + "' must be quoted", "put the value in quotes",
          e.context_at};
}

/// A bad escape in a double-quoted string: quotes the escape as written ("\q", "\xZZ").
ExplainedError bad_escape(const YamlError& e, std::string_view text) {
  std::size_t line_start = text.rfind('\n', e.problem_at);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  std::size_t backslash = text.rfind('\\', e.problem_at);
  if (backslash == std::string_view::npos || backslash < line_start) backslash = e.problem_at;
  std::size_t digits = 0;
  if (backslash + 1 < text.size()) {
    char kind = text[backslash + 1];
    digits = kind == 'x' ? 2 : kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
  }
  std::size_t end = backslash + 2;
  while (end < text.size() && end < backslash + 2 + digits && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
  std::string escape(text.substr(backslash, std::min(end, text.size()) - backslash));
  std::string hint = "write a backslash as \\\\ or use single quotes";
  if (has(e.problem, "hexdecimal")) hint = "'\\x' takes 2 hexadecimal digits, '\\u' 4 and '\\U' 8";
  if (has(e.problem, "Unicode")) hint = "the escape names no character (a surrogate, or beyond U+10FFFF)";
  return {"bad escape sequence '" + escape + "' in a double-quoted string", hint, backslash};
}

/// "found character that cannot start any token": a tab, or a reserved indicator ('@', '`',
/// '%') at the start of a plain value.
ExplainedError cannot_start_token(const YamlError& e, std::string_view text) {
  std::string c = char_at(text, e.problem_at);
  if (c == "\t") return {kTabMessage, kTabHint, e.problem_at};
  return {"a value cannot start with '" + c + "'", "put the value in quotes", e.problem_at};
}

}  // namespace

ExplainedError explain_yaml_error(const YamlError& e, std::string_view text) {
  if (has(e.context, "alias") || has(e.context, "anchor")) return alias_or_anchor(e, text);
  if (has(e.context, "quoted scalar") && (has(e.problem, "escape") || has(e.problem, "hexdecimal")))
    return bad_escape(e, text);
  if (has(e.problem, "cannot start any token")) return cannot_start_token(e, text);
  if (has(e.problem, "did not find expected key") || has(e.problem, "did not find expected '-'"))
    return block_item_expected(e, text);
  if (has(e.problem, "did not find expected ',' or ']'")) return flow_item_expected(e, text, true);
  if (has(e.problem, "did not find expected ',' or '}'")) return flow_item_expected(e, text, false);
  if (has(e.problem, "did not find expected node content")) return value_expected(e, text);
  if (auto fixed = fixed_rule(e)) return *fixed;
  std::string message = "YAML syntax error: " + std::string(e.problem);
  if (!e.context.empty()) message += " (" + std::string(e.context) + ")";
  return {message, "", e.problem_at};
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

// YAML syntax errors: the parser's problems said the way a person editing a CV understands
// them, each at the place to fix (pinned: message, line:column and hint).
#include <gtest/gtest.h>

#include "load_test_util.h"

namespace vitae {
namespace {

struct SyntaxCase {
  const char* what;
  std::string text;
  std::string message;
  std::string at;  ///< "line:column"
  std::string hint;
};

void expect_syntax_error(const SyntaxCase& c) {
  auto l = testing::load_text(c.text);
  EXPECT_FALSE(l.doc) << c.what;
  ASSERT_EQ(l.diags.error_count(), 1u) << c.what << "\n" << l.text();
  const Diagnostic& d = l.diags.all().front();
  EXPECT_EQ(d.message, c.message) << c.what;
  EXPECT_EQ(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column), c.at) << c.what << ": " << d.message;
  EXPECT_EQ(d.hint, c.hint) << c.what;
}

const std::string kIndentHint = "items of one list or mapping must start in the same column";
const std::string kTabHint = "YAML indents with spaces; replace the tab";
const std::string kQuoteHint = "put the value in quotes";

TEST(YamlSyntax, QuotesAndBrackets) {
  const std::vector<SyntaxCase> cases = {
      {"double quote", "cv:\n  name: \"Ada\n  x: y\n", "a quoted string is not closed", "2:9", "add the closing quote"},
      {"single quote", "cv:\n  name: 'Ada\n", "a quoted string is not closed", "2:9", "add the closing quote"},
      {"document marker in a string", "cv:\n  name: \"Ada\n---\n", "a quoted string is not closed", "2:9",
       "add the closing quote"},
      {"open [", "cv:\n  name: Ada\n  x: [a, b\n", "a '[' is not closed", "3:6", "add the matching ']'"},
      {"open {", "cv:\n  name: Ada\n  x: {a: b\n\n# end\n", "a '{' is not closed", "3:6", "add the matching '}'"},
      {"open [ with nothing after it", "cv:\n  x: [a, [\n", "a '[' is not closed", "2:10", "add the matching ']'"},
      {"two commas", "cv:\n  x: [a, , b]\n", "expected a value before ','", "2:10", "remove the extra ','"},
      {"no comma in a list", "cv:\n  x: [\"a\" \"b\"]\n", "expected ',' or ']' here", "2:11",
       "the '[' at line 2, column 6 opens a list: separate its items with ',' and close it with ']'"},
      {"no comma in a mapping", "{\"cv\": 1 \"b\": 2}\n", "expected ',' or '}' here", "1:13",
       "the '{' at line 1, column 1 opens a mapping: separate its items with ',' and close it with '}'"},
      {"stray ]", "cv:\n  name: Ada\n]\n", "unexpected ']' here", "3:1", "there is no '[' open for it to close"},
      {"text after the document", "[a] b\n", "unexpected text after the end of the document", "1:5",
       "the file holds one mapping; check the brackets and the indentation above"},
  };
  for (const auto& c : cases) expect_syntax_error(c);
}

TEST(YamlSyntax, IndentationAndStructure) {
  const std::vector<SyntaxCase> cases = {
      {"tab at line start", "cv:\n\tname: Ada\n", "a tab is used for indentation", "2:1", kTabHint},
      {"tab after spaces", "cv:\n  s:\n  \t- a\n", "a tab is used for indentation", "3:3", kTabHint},
      {"tab in a block scalar", "cv:\n  summary: |\n\tx\n", "a tab is used for indentation", "3:1", kTabHint},
      {"less indented key", "cv:\n  name: Ada\n email: x\n", "the indentation does not match the lines above", "3:2",
       kIndentHint},
      {"more indented key", "cv:\n  name: Ada\n    email: x\n", "unexpected ':' here", "3:10",
       "a value containing ': ' must be quoted, and keys must line up with the keys above"},
      {"': ' in a value", "cv:\n  name: Ada: Countess\n", "unexpected ':' here", "2:12",
       "a value containing ': ' must be quoted, and keys must line up with the keys above"},
      {"list item among keys", "cv:\n  name: Ada\n  - b\n", "unexpected list item '-' here", "3:3",
       "check the indentation of this line"},
      {"list item after a key on its line", "cv:\n  name: - b\n", "unexpected list item '-' here", "2:9",
       "check the indentation of this line"},
      {"line without ':'", "cv:\n  name: Ada\n  email ada@example.com\n  phone: 1\n",
       "this line has no ':' after its key", "3:3",
       "write 'key: value'; a line that continues the value above must be indented further"},
      {"key missing", "cv:\n  name: Ada\n  : x\n", "a key is missing before ':'", "3:3", "write 'key: value'"},
      {"'?' in a value", "cv:\n  name: ? x\n", "unexpected '?' here", "2:9", "a value starting with '? ' must be quoted"},
      {"wrong bracket closes a flow", "cv:\n  x: [a, }\n", "unexpected '}' here", "2:10",
       "the '[' at line 2, column 6 is closed with ']'"},
  };
  for (const auto& c : cases) expect_syntax_error(c);
}

TEST(YamlSyntax, CharactersThatMustBeQuoted) {
  const std::vector<SyntaxCase> cases = {
      {"markdown bold", "cv:\n  name: *bold* text\n", "YAML aliases (*name) are not supported", "2:9",
       "a value starting with '*' must be quoted, e.g. '*italic* text'"},
      {"markdown bullet", "cv:\n  name: * item\n", "a value starting with '*' must be quoted", "2:9", kQuoteHint},
      {"ampersand", "cv:\n  name: & more\n", "a value starting with '&' must be quoted", "2:9", kQuoteHint},
      {"at sign", "cv:\n  name: @ada\n", "a value cannot start with '@'", "2:9", kQuoteHint},
      {"backtick", "cv:\n  name: `code`\n", "a value cannot start with '`'", "2:9", kQuoteHint},
      {"percent", "cv:\n  name: %50\n", "a value cannot start with '%'", "2:9", kQuoteHint},
      {"exclamation mark", "cv:\n  name: !x!y z\n", "a value starting with '!' must be quoted", "2:9",
       "'!' starts a YAML tag; put the value in quotes"},
      {"greater-than", "cv:\n  summary: > 10 years\n", "a value starting with '|' or '>' must be quoted", "2:14",
       "or write '|' alone at the end of the line and the text on the lines below, indented"},
      {"directive", "%FOO bar\n---\ncv: x\n", "a line starting with '%' is a YAML directive, and this one is not valid",
       "1:1", "remove the line, or quote a value starting with '%'"},
      {"YAML version", "%YAML 2.0\n---\ncv: x\n", "this YAML version is not supported", "1:1",
       "write '%YAML 1.2' (or 1.1), or remove the line"},
  };
  for (const auto& c : cases) expect_syntax_error(c);
}

TEST(YamlSyntax, BadEscapesAreQuoted) {
  const std::vector<SyntaxCase> cases = {
      {"unknown", "cv:\n  name: \"Ada \\q\"\n", "bad escape sequence '\\q' in a double-quoted string", "2:14",
       "write a backslash as \\\\ or use single quotes"},
      {"hex digits", "cv:\n  name: \"Ada \\xZZ\"\n", "bad escape sequence '\\xZZ' in a double-quoted string", "2:14",
       "'\\x' takes 2 hexadecimal digits, '\\u' 4 and '\\U' 8"},
      {"surrogate", "cv:\n  name: \"\\uD800\"\n", "bad escape sequence '\\uD800' in a double-quoted string", "2:10",
       "the escape names no character (a surrogate, or beyond U+10FFFF)"},
  };
  for (const auto& c : cases) expect_syntax_error(c);
}

TEST(YamlSyntax, FormattedWithSourceLineCaretAndHint) {
  auto l = testing::load_text("cv:\n  name: Ada\n  sections:\n    skills: [Python, C++\n");
  EXPECT_EQ(l.text(),
            "cv.yaml:4:13: error: a '[' is not closed\n"
            "      skills: [Python, C++\n"
            "              ^\n"
            "  hint: add the matching ']'\n");
}

TEST(YamlSyntax, MultiByteCharactersBeforeTheErrorCountOnce) {
  expect_syntax_error({"umlauts", "cv:\n  name: \xC3\x84\xC3\x96\xC3\x9C: x\n", "unexpected ':' here", "2:12",
                       "a value containing ': ' must be quoted, and keys must line up with the keys above"});
}

}  // namespace
}  // namespace vitae

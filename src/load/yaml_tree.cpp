#include "load/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <streambuf>
#include <unordered_set>
#include <vector>

#include "load/input_checks.h"
#include "load/yaml_errors.h"

namespace vitae::load {

namespace {

/// Nodes allowed in one document: far more than any CV, few enough to bound memory.
constexpr std::size_t kMaxNodes = 100000;

/// Thrown by the builder to stop yaml-cpp's parser at the first problem; never leaves this file.
struct StopParsing {};

/// yaml-cpp reads from a std::istream; this one reads the text in place instead of copying
/// it into a std::istringstream.
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view text) {
    char* p = const_cast<char*>(text.data());  // read only: streambuf's API is not const
    setg(p, p, p + text.size());
  }
};

/// Where yaml-cpp's marks are in the source. A mark's `pos` counts bytes from the first
/// character after a UTF-8 byte order mark (yaml-cpp skips it); lines and columns are
/// recomputed as LineIndex counts them (columns in code points).
class Positions {
 public:
  explicit Positions(std::string_view text)
      : lines_(text), size_(text.size()), origin_(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0) {}

  std::size_t offset(const YAML::Mark& mark) const {
    return mark.pos < 0 ? origin_ : std::min(size_, origin_ + static_cast<std::size_t>(mark.pos));
  }
  std::size_t origin() const { return origin_; }  ///< the first byte after a byte order mark
  SourceLoc loc(std::size_t offset) { return lines_.at(offset); }
  SourceLoc loc(const YAML::Mark& mark) { return loc(offset(mark)); }

 private:
  LineIndex lines_;
  std::size_t size_;
  std::size_t origin_;
};

/// Builds a YNode tree from yaml-cpp's events. Uses an explicit stack, so that the tree's
/// own building never recurses; nesting is limited all the same (yaml-cpp's parser and the
/// tree's destructor do recurse), since check_nesting only estimates it.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const std::string& path, Diagnostics& diags)
      : positions(text), text_(text), path_(path), diags_(diags) {}

  std::optional<YNode> root;
  Positions positions;

  /// The byte offset of the innermost '[' or '{' still open, if any.
  std::optional<std::size_t> open_flow() const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if (it->flow) return it->node.offset;
    return std::nullopt;
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    std::size_t at = positions.offset(mark);
    if (++documents_ == 1) return check_directives(at);
    if (text_.substr(at, 3) != "---")
      fail_at(at, "unexpected text after the end of the document",
              "the file holds one mapping; check the brackets and the indentation above");
    fail_at(at, "a file holds one YAML document; this is a second one", "remove the '---' line or split the file");
  }
  void OnDocumentEnd() override {}

  /// An empty value, or a plain ~, null, Null or NULL (YAML 1.2's core schema).
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    YNode n = make(YNode::Kind::Null, mark);
    check_missing(n.offset);
    place_empty_value(n);
    attach(std::move(n));
  }

  /// Refuses an alias, stopping the parse: one report is enough, an alias bomb holds thousands.
  /// (An alias to an anchor never defined makes yaml-cpp throw; see yaml_errors.cpp.)
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    fail(mark, "YAML aliases (*name) are not supported",
         "write the value out in full: vitae refuses aliases so that a small file cannot expand into a huge one");
  }

  /// yaml-cpp's tag is "?" for a plain scalar and "!" for a quoted or block one; anything
  /// else was written (`!!str x`), so the scalar is not plain.
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
    YNode n = make(YNode::Kind::Scalar, mark);
    check_tag(tag, n.offset);
    check_quote_closed(n.offset);
    n.value = value;
    n.plain = tag == "?";
    attach(std::move(n));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    check_tag(tag, positions.offset(mark));
    open(YNode::Kind::Sequence, mark, style == YAML::EmitterStyle::Flow);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    check_tag(tag, positions.offset(mark));
    open(YNode::Kind::Map, mark, style == YAML::EmitterStyle::Flow);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YNode node;
    std::optional<YNode> key;  ///< a map's key waiting for its value
    bool flow = false;         ///< written with [ ] or { }
  };

  /// yaml-cpp accepts, and YAML 1.2 does not, an item missing between commas ("[a, , b]")
  /// and a key missing before ':' (": x"), reading each as null.
  void check_missing(std::size_t at) {
    if (stack_.empty() || at >= text_.size()) return;
    const Frame& top = stack_.back();
    if (text_[at] == ',' && top.node.kind == YNode::Kind::Sequence)
      fail_at(at, "expected a value before ','", "remove the extra ','");
    if (text_[at] == ':' && top.node.kind == YNode::Kind::Map && !top.key)
      fail_at(at, "a key is missing before ':'", "write 'key: value'");
  }

  /// A tag other than YAML's own (`!!str`) is a value that starts with '!' by mistake:
  /// vitae gives tags no meaning, and yaml-cpp accepts any ("!x!y z").
  void check_tag(const std::string& tag, std::size_t at) {
    if (tag.empty() || tag == "?" || tag == "!" || tag.starts_with("tag:yaml.org,2002:")) return;
    fail_at(at, "a value starting with '!' must be quoted", "'!' starts a YAML tag; put the value in quotes");
  }

  /// yaml-cpp skips directives it does not know ("%FOO bar"), which in a CV are more likely
  /// a value that lost its key; YAML 1.2 reserves them, and only %YAML and %TAG exist.
  void check_directives(std::size_t document_start) {
    for (std::size_t line = positions.origin(); line < document_start;) {
      std::string_view rest = text_.substr(line);
      if (rest.starts_with('%') && !rest.starts_with("%YAML ") && !rest.starts_with("%TAG "))
        fail_at(line, "a line starting with '%' is a YAML directive, and this one is not valid",
                "remove the line, or quote a value starting with '%'");
      std::size_t nl = text_.find('\n', line);
      if (nl == std::string_view::npos) break;
      line = nl + 1;
    }
  }

  /// yaml-cpp marks an empty value ("headline:" with nothing after it) at the next token,
  /// often on a later line; a message about the value belongs right after its ':' or '-'.
  void place_empty_value(YNode& n) {
    if (written_null(n.offset)) return;
    std::size_t i = n.offset;
    // A comment runs to the end of its line, so only a line break crossed on the way back
    // can lead into one; checking only then keeps the walk linear in a file of long lines.
    bool crossed_line = false;
    while (i > 0) {
      char c = text_[i - 1];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        crossed_line = crossed_line || c == '\n';
        --i;
      } else if (std::size_t hash = crossed_line ? comment_start(i - 1) : std::string_view::npos;
                 hash != std::string_view::npos) {
        i = hash;
      } else {
        break;
      }
    }
    if (i > 0 && (text_[i - 1] == ':' || text_[i - 1] == '-') && i < n.offset) {
      n.offset = i;
      n.loc = positions.loc(i);
    }
  }

  /// True when a null word ("~", "null", "Null", "NULL") is written at byte `at`.
  bool written_null(std::size_t at) const {
    for (std::string_view word : {"~", "null", "Null", "NULL"}) {
      if (text_.substr(at, word.size()) != word) continue;
      std::size_t end = at + word.size();
      if (end == text_.size() || std::string_view(" \t\r\n,]}:#").find(text_[end]) != std::string_view::npos)
        return true;
    }
    return false;
  }

  /// The '#' starting a comment that byte `at` is in, or npos: a '#' after a blank or at the
  /// start of its line, with an even number of quotes before it on the line.
  std::size_t comment_start(std::size_t at) const {
    std::size_t start = text_.rfind('\n', at);
    start = start == std::string_view::npos ? 0 : start + 1;
    int quotes = 0;
    for (std::size_t k = start; k <= at; ++k) {
      if (text_[k] == '"' || text_[k] == '\'') ++quotes;
      if (text_[k] == '#' && quotes % 2 == 0 && (k == start || text_[k - 1] == ' ' || text_[k - 1] == '\t')) return k;
    }
    return std::string_view::npos;
  }

  /// yaml-cpp 0.7 takes a quoted scalar left open at the end of the file for one that runs
  /// to the end; refuse it, at the opening quote.
  void check_quote_closed(std::size_t at) {
    if (at >= text_.size() || (text_[at] != '"' && text_[at] != '\'')) return;
    char q = text_[at];
    for (std::size_t i = at + 1; i < text_.size(); ++i) {
      if (q == '"' && text_[i] == '\\') {
        ++i;
      } else if (text_[i] == q) {
        if (q == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
          ++i;  // '' is an escaped quote
          continue;
        }
        return;
      }
    }
    fail_at(at, "a quoted string is not closed", "add the closing quote");
  }

  void open(YNode::Kind kind, const YAML::Mark& mark, bool flow) {
    if (stack_.size() >= static_cast<std::size_t>(kMaxNesting))
      fail(mark, "nesting too deep: more than " + std::to_string(kMaxNesting) + " levels",
           "a CV nests a few levels; this file looks generated or damaged");
    stack_.push_back({make(kind, mark), std::nullopt, flow});
  }

  void close() {
    YNode done = std::move(stack_.back().node);
    stack_.pop_back();
    attach(std::move(done));
  }

  void attach(YNode child) {
    if (stack_.empty()) {
      root = std::move(child);
      return;
    }
    Frame& top = stack_.back();
    if (top.node.kind == YNode::Kind::Sequence) {
      top.node.items.push_back(std::move(child));
    } else if (!top.key) {
      top.key = std::move(child);
    } else {
      top.node.entries.emplace_back(std::move(*top.key), std::move(child));
      top.key.reset();
    }
  }

  YNode make(YNode::Kind kind, const YAML::Mark& mark) {
    if (++count_ > kMaxNodes)
      fail(mark, "the document has more than " + std::to_string(kMaxNodes) + " YAML nodes",
           "a CV needs a few thousand at most");
    YNode n;
    n.kind = kind;
    n.offset = positions.offset(mark);
    n.loc = positions.loc(n.offset);
    return n;
  }

  [[noreturn]] void fail(const YAML::Mark& mark, std::string message, std::string hint) {
    fail_at(positions.offset(mark), std::move(message), std::move(hint));
  }
  [[noreturn]] void fail_at(std::size_t at, std::string message, std::string hint) {
    diags_.error(path_, positions.loc(at), std::move(message), std::move(hint));
    throw StopParsing{};
  }

  std::string_view text_;
  const std::string& path_;
  Diagnostics& diags_;
  std::vector<Frame> stack_;
  std::size_t count_ = 0;
  int documents_ = 0;
};

/// Reports why yaml-cpp stopped, explained (see yaml_errors.h).
void report_parse_error(const YAML::Exception& e, std::string_view text, TreeBuilder& builder,
                        const std::string& path, Diagnostics& diags) {
  YamlError error{e.msg, builder.positions.offset(e.mark), builder.open_flow()};
  ExplainedError x = explain_yaml_error(error, text);
  SourceLoc loc = builder.positions.loc(x.at);
  if (auto tab = tab_in_indentation(text, loc.line)) {
    loc = *tab;  // whatever yaml-cpp says, a tab in the indentation is the likely cause
    x.message = "a tab is used for indentation";
    x.hint = "YAML indents with spaces; replace the tab";
  }
  diags.error(path, loc, x.message, x.hint);
}

}  // namespace

const char* kind_phrase(const YNode& node) {
  switch (node.kind) {
    case YNode::Kind::Null: return "nothing";
    case YNode::Kind::Scalar: return "a string";
    case YNode::Kind::Sequence: return "a list";
    case YNode::Kind::Map: return "a mapping";
  }
  return "nothing";
}

SourceLoc loc_of_offset(std::string_view text, std::size_t offset) {
  SourceLoc loc{1, 1};
  std::size_t end = std::min(offset, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++loc.line;
      loc.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++loc.column;  // count code points, not bytes
    }
  }
  return loc;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

SourceLoc LineIndex::at(std::size_t offset) {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
  std::size_t start = starts_[line - 1];
  int column = 1;
  if (static_cast<std::size_t>(cursor_.line) == line && cursor_offset_ <= offset) {
    start = cursor_offset_;  // continue from the previous lookup on this line
    column = cursor_.column;
  }
  for (std::size_t i = start; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  cursor_offset_ = offset;
  cursor_ = {static_cast<int>(line), column};
  return cursor_;
}

std::optional<YNode> parse_yaml_tree(std::string_view text, const std::string& path, Diagnostics& diags) {
  TreeBuilder builder(text, path, diags);
  ViewBuf buf(text);
  std::istream in(&buf);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const StopParsing&) {
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    report_parse_error(e, text, builder, path, diags);
    return std::nullopt;
  } catch (const std::exception& e) {  // std::bad_alloc, or anything else from the library
    diags.error(path, {1, 1}, std::string("cannot parse the file: ") + e.what());
    return std::nullopt;
  }
  if (!builder.root) return YNode{};
  return std::move(builder.root);
}

}  // namespace vitae::load

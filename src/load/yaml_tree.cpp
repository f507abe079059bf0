#include "load/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>

namespace vitae::load {

namespace {

/// Nodes allowed in one document: far more than any CV, few enough to bound memory.
constexpr std::size_t kMaxNodes = 100000;

/// Thrown by the builder to stop the parser early; never leaves this file.
struct StopParsing {};

/// Builds a YNode tree from parser events. Uses an explicit stack, so deep input cannot
/// overflow the C++ stack here (yaml-cpp itself refuses nesting beyond a few hundred levels).
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const std::string& path, Diagnostics& diags)
      : text_(text), lines_(text), path_(path), diags_(diags) {}

  std::optional<YNode> root;
  int documents = 0;

  void OnDocumentStart(const YAML::Mark& mark) override {
    ++documents;
    if (documents > 1) {
      diags_.error(path_, loc(mark), "a file holds one YAML document; this is a second one",
                   "remove the '---' line or split the file");
      throw StopParsing{};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { attach(make(YNode::Kind::Null, mark)); }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    diags_.error(path_, loc(mark), "YAML aliases (*name) are not supported",
                 "write the value out in full: vitae refuses aliases so that a small file "
                 "cannot expand into a huge one");
    throw StopParsing{};  // one report is enough: an alias bomb holds thousands
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    if (mark.pos >= 0) check_quote_closed(static_cast<std::size_t>(mark.pos));
    YNode n = make(YNode::Kind::Scalar, mark);
    n.value = value;
    n.plain = (tag == "?");
    attach(std::move(n));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    stack_.push_back({make(YNode::Kind::Sequence, mark), std::nullopt, style == YAML::EmitterStyle::Flow});
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    stack_.push_back({make(YNode::Kind::Map, mark), std::nullopt, style == YAML::EmitterStyle::Flow});
  }
  void OnMapEnd() override { close(); }

  /// Where the innermost '[' or '{' still open was written, if any.
  std::optional<SourceLoc> open_flow() const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if (it->flow) return it->node.loc;
    return std::nullopt;
  }

 private:
  struct Frame {
    YNode node;
    std::optional<YNode> key;  ///< a map's key waiting for its value
    bool flow = false;         ///< written with [ ] or { }
  };

  /// yaml-cpp 0.7 accepts a quoted scalar left open at the end of the file (it takes the
  /// rest of the file as its text); refuse it.
  void check_quote_closed(std::size_t pos) {
    if (pos >= text_.size() || (text_[pos] != '"' && text_[pos] != '\'')) return;
    char q = text_[pos];
    for (std::size_t i = pos + 1; i < text_.size(); ++i) {
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
    diags_.error(path_, lines_.at(pos), "a quoted string is not closed",
                 "add the closing quote");
    throw StopParsing{};
  }

  SourceLoc loc(const YAML::Mark& mark) {
    return mark.pos < 0 ? SourceLoc{} : lines_.at(static_cast<std::size_t>(mark.pos));
  }

  YNode make(YNode::Kind kind, const YAML::Mark& mark) {
    if (++count_ > kMaxNodes) {
      diags_.error(path_, loc(mark), "the document has more than 100000 YAML nodes",
                   "a CV needs a few thousand at most");
      throw StopParsing{};
    }
    YNode n;
    n.kind = kind;
    n.loc = loc(mark);
    n.offset = mark.pos < 0 ? 0 : static_cast<std::size_t>(mark.pos);
    return n;
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

  std::string_view text_;
  LineIndex lines_;
  const std::string& path_;
  Diagnostics& diags_;
  std::vector<Frame> stack_;
  std::size_t count_ = 0;
};

/// yaml-cpp's terse messages, said the way a person editing a CV would understand them.
std::pair<std::string, std::string> translate(const std::string& msg) {
  auto starts = [&msg](const char* p) { return msg.rfind(p, 0) == 0; };
  if (starts(YAML::ErrorMsg::BAD_FILE))
    return {"nesting too deep: YAML nesting is limited to a few hundred levels", ""};
  if (starts("illegal tab when looking for indentation"))
    return {"a tab is used for indentation", "YAML indents with spaces; replace the tab"};
  if (starts(YAML::ErrorMsg::EOF_IN_SCALAR) || starts("end of string not found"))
    return {"a quoted string is not closed", "add the closing quote"};
  if (starts(YAML::ErrorMsg::END_OF_MAP) || starts(YAML::ErrorMsg::END_OF_SEQ))
    return {"the indentation does not match the lines above",
            "items of one list or mapping must start in the same column"};
  if (starts(YAML::ErrorMsg::END_OF_MAP_FLOW))
    return {"a '{' is not closed", "add the matching '}'"};
  if (starts(YAML::ErrorMsg::END_OF_SEQ_FLOW))
    return {"a '[' is not closed", "add the matching ']'"};
  if (starts(YAML::ErrorMsg::MAP_VALUE))
    return {"unexpected ':' here",
            "a value containing ': ' must be quoted, and keys must line up with the keys above"};
  if (starts(YAML::ErrorMsg::BLOCK_ENTRY))
    return {"unexpected list item '-' here", "check the indentation of this line"};
  if (starts(YAML::ErrorMsg::UNKNOWN_ANCHOR))
    return {"YAML aliases (*name) are not supported",
            "a value starting with '*' must be quoted, e.g. '*italic* text'"};
  if (starts(YAML::ErrorMsg::ALIAS_NOT_FOUND) || starts(YAML::ErrorMsg::ANCHOR_NOT_FOUND))
    return {"a value starting with '*' or '&' must be quoted", "put the value in quotes"};
  if (starts(YAML::ErrorMsg::INVALID_ESCAPE) || starts(YAML::ErrorMsg::INVALID_UNICODE) ||
      starts(YAML::ErrorMsg::INVALID_HEX))
    return {"bad escape sequence in a double-quoted string (" + msg + ")",
            "write a backslash as \\\\ or use single quotes"};
  return {"YAML syntax error: " + msg, ""};
}

/// The first tab in the indentation of line `line` (1-based) or the line before: yaml-cpp
/// often reports a tab-indented line as some other error ("illegal map value").
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

std::optional<YNode> parse_yaml_tree(std::string_view text, const std::string& path,
                                     Diagnostics& diags) {
  std::size_t errors_before = diags.error_count();
  std::istringstream in{std::string(text)};
  TreeBuilder builder(text, path, diags);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const StopParsing&) {
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    auto [message, hint] = translate(e.msg);
    SourceLoc loc = e.mark.pos < 0 ? SourceLoc{}
                                   : loc_of_offset(text, static_cast<std::size_t>(e.mark.pos));
    if (loc.line == 0) loc = {1, 1};
    if (e.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW || e.msg == YAML::ErrorMsg::END_OF_MAP_FLOW)
      if (auto open = builder.open_flow()) loc = *open;  // point at the bracket left open
    if (auto tab = tab_in_indentation(text, loc.line)) {
      loc = *tab;
      message = "a tab is used for indentation";
      hint = "YAML indents with spaces; replace the tab";
    }
    diags.error(path, loc, message, hint);
    return std::nullopt;
  } catch (const std::exception& e) {
    diags.error(path, {1, 1}, std::string("cannot parse the file: ") + e.what());
    return std::nullopt;
  }
  if (diags.error_count() != errors_before) return std::nullopt;
  if (!builder.root) return YNode{};
  return std::move(builder.root);
}

}  // namespace vitae::load

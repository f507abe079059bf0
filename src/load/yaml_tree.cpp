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
constexpr std::size_t kMaxNodes = 500000;

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
    attach(make(YNode::Kind::Null, mark));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    YNode n = make(YNode::Kind::Scalar, mark);
    n.value = value;
    n.plain = (tag == "?");
    attach(std::move(n));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    stack_.push_back({make(YNode::Kind::Sequence, mark), std::nullopt});
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    stack_.push_back({make(YNode::Kind::Map, mark), std::nullopt});
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YNode node;
    std::optional<YNode> key;  ///< a map's key waiting for its value
  };

  SourceLoc loc(const YAML::Mark& mark) const {
    return mark.pos < 0 ? SourceLoc{} : lines_.at(static_cast<std::size_t>(mark.pos));
  }

  YNode make(YNode::Kind kind, const YAML::Mark& mark) {
    if (++count_ > kMaxNodes) {
      diags_.error(path_, loc(mark), "the document has more than 500000 YAML nodes",
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

SourceLoc LineIndex::at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
  std::size_t start = starts_[line - 1];
  int column = 1;
  for (std::size_t i = start; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  return {static_cast<int>(line), column};
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

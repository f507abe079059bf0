#include "load/yaml_tree.h"

#include <yaml.h>

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "load/input_checks.h"
#include "load/yaml_errors.h"
#include "load/yaml_stand_ins.h"

namespace vitae::load {

namespace {

/// Nodes allowed in one document: far more than any CV, few enough to bound memory.
constexpr std::size_t kMaxNodes = 100000;

/// Where libyaml's marks are in the source. libyaml counts a mark's index in code points
/// from the first character after a byte order mark; the tree wants byte offsets, and lines
/// and columns as LineIndex counts them (libyaml also breaks lines at a lone CR). Marks come
/// mostly in increasing order, so each conversion walks on from the previous one.
class Positions {
 public:
  explicit Positions(std::string_view text) : text_(text), lines_(text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") byte_ = origin_ = 3;
  }

  std::size_t offset(const yaml_mark_t& mark) {
    while (index_ < mark.index && byte_ < text_.size()) {
      ++byte_;
      while (byte_ < text_.size() && continuation(text_[byte_])) ++byte_;
      ++index_;
    }
    while (index_ > mark.index && byte_ > origin_) {
      --byte_;
      while (byte_ > origin_ && continuation(text_[byte_])) --byte_;
      --index_;
    }
    return byte_;
  }

  SourceLoc loc(std::size_t offset) { return lines_.at(offset); }

 private:
  static bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

  std::string_view text_;
  LineIndex lines_;
  std::size_t origin_ = 0;  ///< the byte of index 0
  std::size_t index_ = 0;   ///< the previous mark, in code points
  std::size_t byte_ = 0;    ///< and in bytes
};

/// YAML 1.2's core schema (and yaml-cpp, vitae's parser before libyaml) reads these plain
/// scalars as null; the readers treat null as "not given".
bool is_null_word(std::string_view v) { return v == "~" || v == "null" || v == "Null" || v == "NULL"; }

std::string_view view(const yaml_char_t* s, std::size_t length) {
  return {reinterpret_cast<const char*>(s), length};
}

/// Tabs after list dashes given to libyaml as spaces (see tabs_after_dashes), and those of
/// them the parse found inside a scalar, where they were text.
struct SpacedTabs {
  std::vector<std::size_t> offsets;  ///< increasing
  std::vector<std::size_t> in_scalars;
};

/// Rounds of parse_with_spaced_tabs: two suffice unless giving tabs back changes where
/// scalars are, which takes a contrived file; after this many its last round stands.
constexpr int kMaxTabRounds = 4;

/// Builds a YNode tree from libyaml's events. Uses an explicit stack, so deep input cannot
/// overflow the C++ stack here; nesting is limited all the same, since check_nesting only
/// estimates it and the tree's destructor recurses.
class TreeBuilder {
 public:
  TreeBuilder(std::string_view text, const std::string& path, Diagnostics& diags, bool stand_ins,
              SpacedTabs* spaced)
      : positions(text), path_(path), diags_(diags), stand_ins_(stand_ins), spaced_(spaced) {}

  std::optional<YNode> root;
  Positions positions;

  /// The byte offset of the innermost '[' or '{' still open, if any.
  std::optional<std::size_t> open_flow() const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if (it->flow) return it->node.offset;
    return std::nullopt;
  }

  /// Takes the next event; false when it ends the parse (with an error in diags).
  bool take(const yaml_event_t& e) {
    switch (e.type) {
      case YAML_DOCUMENT_START_EVENT: return document_start(e.start_mark);
      case YAML_ALIAS_EVENT: return alias(e);
      case YAML_SCALAR_EVENT: return scalar(e);
      case YAML_SEQUENCE_START_EVENT:
        return open(YNode::Kind::Sequence, e, e.data.sequence_start.anchor,
                    e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE);
      case YAML_MAPPING_START_EVENT:
        return open(YNode::Kind::Map, e, e.data.mapping_start.anchor,
                    e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE);
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: close(); return true;
      default: return true;  // stream start and end, document end
    }
  }

 private:
  struct Frame {
    YNode node;
    std::optional<YNode> key;  ///< a map's key waiting for its value
    bool flow = false;         ///< written with [ ] or { }
  };

  bool document_start(const yaml_mark_t& mark) {
    if (++documents_ == 1) return true;
    return fail(mark, "a file holds one YAML document; this is a second one", "remove the '---' line or split the file");
  }

  /// Refuses an alias, stopping the parse: one report is enough, an alias bomb holds thousands.
  bool alias(const yaml_event_t& e) {
    // An alias to an anchor never defined is a value starting with '*', not meant as an alias.
    bool defined = anchors_.count(std::string(reinterpret_cast<const char*>(e.data.alias.anchor))) != 0;
    return fail(e.start_mark, "YAML aliases (*name) are not supported",
                defined ? "write the value out in full: vitae refuses aliases so that a small file "
                          "cannot expand into a huge one"
                        : "a value starting with '*' must be quoted, e.g. '*italic* text'");
  }

  bool scalar(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    remember(s.anchor);
    if (spaced_) note_spaced_tabs_inside(e);
    bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
    // An untagged empty node (an anchor alone included) is null; a tagged one (`x: !!str`)
    // is an empty string, as it was with yaml-cpp.
    bool null = plain && !s.tag && (s.length == 0 || is_null_word(view(s.value, s.length)));
    std::optional<YNode> n = make(null ? YNode::Kind::Null : YNode::Kind::Scalar, e.start_mark);
    if (!n) return false;
    if (!null) {
      n->value.assign(view(s.value, s.length));
      if (stand_ins_) restore_stand_ins(n->value);
      n->plain = plain && !s.tag;
    }
    attach(std::move(*n));
    return true;
  }

  void note_spaced_tabs_inside(const yaml_event_t& e) {
    std::size_t end = positions.offset(e.end_mark);
    std::size_t start = positions.offset(e.start_mark);
    const std::vector<std::size_t>& tabs = spaced_->offsets;
    for (auto it = std::lower_bound(tabs.begin(), tabs.end(), start); it != tabs.end() && *it < end; ++it)
      spaced_->in_scalars.push_back(*it);
  }

  bool open(YNode::Kind kind, const yaml_event_t& e, const yaml_char_t* anchor, bool flow) {
    remember(anchor);
    if (stack_.size() >= static_cast<std::size_t>(kMaxNesting))
      return fail(e.start_mark, "nesting too deep: more than " + std::to_string(kMaxNesting) + " levels",
                  "a CV nests a few levels; this file looks generated or damaged");
    std::optional<YNode> n = make(kind, e.start_mark);
    if (!n) return false;
    stack_.push_back({std::move(*n), std::nullopt, flow});
    return true;
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

  std::optional<YNode> make(YNode::Kind kind, const yaml_mark_t& mark) {
    if (++count_ > kMaxNodes) {
      fail(mark, "the document has more than " + std::to_string(kMaxNodes) + " YAML nodes",
           "a CV needs a few thousand at most");
      return std::nullopt;
    }
    YNode n;
    n.kind = kind;
    n.offset = positions.offset(mark);
    n.loc = positions.loc(n.offset);
    return n;
  }

  void remember(const yaml_char_t* anchor) {
    if (anchor) anchors_.insert(reinterpret_cast<const char*>(anchor));
  }

  bool fail(const yaml_mark_t& mark, std::string message, std::string hint) {
    diags_.error(path_, positions.loc(positions.offset(mark)), std::move(message), std::move(hint));
    return false;
  }

  const std::string& path_;
  Diagnostics& diags_;
  bool stand_ins_;
  SpacedTabs* spaced_;  ///< null unless tabs after dashes were made spaces
  std::vector<Frame> stack_;
  std::unordered_set<std::string> anchors_;
  std::size_t count_ = 0;
  int documents_ = 0;
};

/// libyaml's parser, deleted on every way out.
class Parser {
 public:
  explicit Parser(std::string_view text) : ok_(yaml_parser_initialize(&parser_) != 0) {
    if (ok_)
      yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~Parser() {
    if (ok_) yaml_parser_delete(&parser_);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  bool ok() const { return ok_; }
  const yaml_parser_t& state() const { return parser_; }
  bool next(yaml_event_t& event) { return yaml_parser_parse(&parser_, &event) != 0; }

 private:
  yaml_parser_t parser_;
  bool ok_;
};

/// One event, deleted on every way out.
struct Event {
  yaml_event_t event{};
  Event() = default;
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  ~Event() { yaml_event_delete(&event); }
};

std::string code_point_name(unsigned int c) {
  const char* digits = "0123456789ABCDEF";
  std::string hex;
  for (int shift = c > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) hex += digits[(c >> shift) & 15];
  return "U+" + hex;
}

/// Reports why libyaml stopped: a syntax error explained (see yaml_errors.h), a character
/// libyaml refuses, or no memory.
void report_parse_error(const yaml_parser_t& p, std::string_view text, TreeBuilder& builder, const std::string& path,
                        Diagnostics& diags) {
  Positions& positions = builder.positions;
  if (p.error == YAML_MEMORY_ERROR) {
    diags.error(path, {1, 1}, "cannot parse the file: out of memory");
    return;
  }
  if (p.error == YAML_READER_ERROR) {
    // Only when with_stand_ins gave up (the text uses plane 15): problem_offset is in bytes.
    SourceLoc loc = positions.loc(std::min(p.problem_offset, text.size()));
    if (p.problem && std::string_view(p.problem) == "control characters are not allowed")
      diags.error(path, loc, "the file contains the character " + code_point_name(static_cast<unsigned>(p.problem_value)) +
                                 ", which YAML does not allow", "remove it, or write it as an escape in a double-quoted string");
    else
      diags.error(path, loc, std::string("cannot read the file: ") + (p.problem ? p.problem : "unknown problem"));
    return;
  }
  YamlError e{p.problem ? p.problem : "syntax error", p.context ? p.context : "", positions.offset(p.problem_mark),
              positions.offset(p.context_mark), builder.open_flow()};
  ExplainedError x = explain_yaml_error(e, text);
  SourceLoc loc = positions.loc(x.at);
  if (auto tab = tab_in_indentation(text, loc.line)) {
    loc = *tab;  // whatever libyaml says, a tab in the indentation is the likely cause
    x.message = "a tab is used for indentation";
    x.hint = "YAML indents with spaces; replace the tab";
  }
  diags.error(path, loc, x.message, x.hint);
}

/// One run of libyaml over `input` (the text, or a copy with some tabs made spaces), building
/// the tree with positions in `text`. When `stopped_at_tab` is given and libyaml stops at a
/// tab after a list's dash, sets it instead of reporting an error.
std::optional<YNode> parse_once(std::string_view input, std::string_view text, const std::string& path,
                                Diagnostics& diags, SpacedTabs* spaced, bool* stopped_at_tab) {
  std::optional<std::string> stood_in = with_stand_ins(input);
  Parser parser(stood_in ? std::string_view(*stood_in) : input);
  if (!parser.ok()) {
    diags.error(path, {1, 1}, "cannot parse the file: out of memory");
    return std::nullopt;
  }
  TreeBuilder builder(text, path, diags, stood_in.has_value(), spaced);
  for (;;) {
    Event e;
    if (!parser.next(e.event)) {
      const yaml_parser_t& p = parser.state();
      if (stopped_at_tab && p.error == YAML_SCANNER_ERROR &&
          is_tab_after_dash(text, builder.positions.offset(p.problem_mark)))
        *stopped_at_tab = true;
      else
        report_parse_error(p, text, builder, path, diags);
      return std::nullopt;
    }
    if (!builder.take(e.event)) return std::nullopt;
    if (e.event.type == YAML_STREAM_END_EVENT) break;
  }
  if (!builder.root) return YNode{};
  return std::move(builder.root);
}

/// Parses `text` with every tab after a list's dash given to libyaml as a space, as YAML 1.2
/// reads it. A tab found inside a scalar was text after all: it is given back and the text
/// parsed again (in a round or two, as each round finds every such scalar it reaches).
std::optional<YNode> parse_with_spaced_tabs(std::string_view text, const std::string& path, Diagnostics& diags) {
  SpacedTabs tabs{tabs_after_dashes(text), {}};
  std::string input(text);
  for (int round = 1;; ++round) {
    for (std::size_t t : tabs.offsets) input[t] = ' ';
    tabs.in_scalars.clear();
    Diagnostics round_diags;  // only the last round's errors are the file's
    std::optional<YNode> root = parse_once(input, text, path, round_diags, &tabs, nullptr);
    if (tabs.in_scalars.empty() || round == kMaxTabRounds) {
      for (const Diagnostic& d : round_diags.all()) diags.add(d);
      return root;
    }
    std::sort(tabs.in_scalars.begin(), tabs.in_scalars.end());
    for (std::size_t t : tabs.in_scalars) input[t] = '\t';
    std::erase_if(tabs.offsets, [&](std::size_t t) {
      return std::binary_search(tabs.in_scalars.begin(), tabs.in_scalars.end(), t);
    });
  }
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
  bool stopped_at_tab = false;
  std::optional<YNode> root = parse_once(text, text, path, diags, nullptr, &stopped_at_tab);
  if (!stopped_at_tab) return root;
  return parse_with_spaced_tabs(text, path, diags);
}

}  // namespace vitae::load

#include "model/markup.h"

#include <cctype>

namespace vitae {

namespace {

bool is_punct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// The parse state of one nesting level: where to append, and the style in effect.
struct Style {
  bool bold = false, italic = false;
  std::string link;
};

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s), budget_(64 * s.size() + 4096) {}

  std::vector<Span> run() {
    parse(0, s_.size(), Style{}, 0);
    return std::move(out_);
  }

 private:
  void emit(std::string_view text, const Style& st) {
    if (text.empty()) return;
    if (!out_.empty()) {
      Span& last = out_.back();
      if (last.bold == st.bold && last.italic == st.italic && last.link == st.link) {
        last.text += text;
        return;
      }
    }
    out_.push_back(Span{std::string(text), st.bold, st.italic, st.link});
  }

  /// "---" as an em dash and "--" as an en dash, as Typst's markup reads them (RenderCV's
  /// templates write "NAME -- PAGE_NUMBER"); escaped hyphens never get here.
  static std::string with_dashes(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
      if (text.compare(i, 3, "---") == 0) {
        out += "\u2014";
        i += 3;
      } else if (text.compare(i, 2, "--") == 0) {
        out += "\u2013";
        i += 2;
      } else {
        out += text[i++];
      }
    }
    return out;
  }

  /// Position of the closing delimiter `delim` (length n of '*') for an opener ending at
  /// `from`, within [from, end): not escaped, preceded by a non-space, and for a single '*'
  /// not part of a "**" run. npos when there is none.
  std::size_t find_closer(std::size_t from, std::size_t end, std::size_t n) {
    for (std::size_t i = from; i < end; ++i) {
      if (!spend()) return std::string_view::npos;
      char c = s_[i];
      if (c == '\\' && i + 1 < end) {
        ++i;
        continue;
      }
      if (c == '[') {  // skip a whole link so "*a [b*](u)" does not close inside it
        std::size_t close_text = 0, close_url = 0;
        if (match_link(i, end, close_text, close_url)) {
          i = close_url;
          continue;
        }
      }
      if (c != '*') continue;
      std::size_t run = 0;
      while (i + run < end && s_[i + run] == '*') ++run;
      if (i > from && !is_space(s_[i - 1]) && run >= n) {
        if (n == 1 && run == 2) {  // a "**" inside italics belongs to a nested bold
          i += run - 1;
          continue;
        }
        return i;
      }
      i += run - 1;
    }
    return std::string_view::npos;
  }

  /// Matches "[text](url)" at `open`; sets the positions of ']' and ')'.
  bool match_link(std::size_t open, std::size_t end, std::size_t& close_text, std::size_t& close_url) {
    int depth = 0;
    std::size_t i = open;
    for (; i < end; ++i) {
      if (!spend()) return false;
      char c = s_[i];
      if (c == '\\') {
        ++i;
        continue;
      }
      if (c == '[') ++depth;
      if (c == ']' && --depth == 0) break;
    }
    if (i >= end || i + 1 >= end || s_[i + 1] != '(') return false;
    close_text = i;
    int parens = 0;
    for (std::size_t j = i + 1; j < end; ++j) {
      if (!spend()) return false;
      if (s_[j] == '(') ++parens;
      if (s_[j] == ')' && --parens == 0) {
        close_url = j;
        return true;
      }
    }
    return false;
  }

  /// Scanning for closers can be quadratic on hostile text ("*a *a *a ..."); a budget
  /// proportional to the input keeps it linear: once spent, delimiters are literal.
  bool spend() {
    if (budget_ == 0) return false;
    --budget_;
    return true;
  }

  void parse(std::size_t begin, std::size_t end, const Style& st, int depth) {
    if (depth > kMaxDepth) {  // deeper nesting is literal text, so recursion stays shallow
      emit(s_.substr(begin, end - begin), st);
      return;
    }
    std::size_t text_start = begin;
    auto flush = [&](std::size_t upto) { emit(with_dashes(s_.substr(text_start, upto - text_start)), st); };
    for (std::size_t i = begin; i < end;) {
      char c = s_[i];
      if (c == '\\' && i + 1 < end && is_punct(s_[i + 1])) {
        flush(i);
        emit(s_.substr(i + 1, 1), st);
        i += 2;
        text_start = i;
      } else if (c == '*') {
        std::size_t run = 0;
        while (i + run < end && s_[i + run] == '*' && run < 3) ++run;
        bool opens = i + run < end && !is_space(s_[i + run]);
        std::size_t close = opens ? find_closer(i + run, end, run) : std::string_view::npos;
        // "***x***" needs a closing run of three; fall back to "**" then "*".
        while (opens && close == std::string_view::npos && run > 1) {
          --run;
          close = find_closer(i + run, end, run);
        }
        if (close == std::string_view::npos) {
          i += run;  // literal stars
          continue;
        }
        flush(i);
        Style inner = st;
        if (run != 1) inner.bold = true;
        if (run != 2) inner.italic = true;
        parse(i + run, close, inner, depth + 1);
        i = close + run;
        text_start = i;
      } else if (c == '[') {
        std::size_t close_text = 0, close_url = 0;
        if (!match_link(i, end, close_text, close_url)) {
          ++i;
          continue;
        }
        flush(i);
        Style inner = st;
        inner.link = std::string(s_.substr(close_text + 2, close_url - close_text - 2));
        parse(i + 1, close_text, inner, depth + 1);
        i = close_url + 1;
        text_start = i;
      } else {
        ++i;
      }
    }
    flush(end);
  }

  static constexpr int kMaxDepth = 16;
  std::string_view s_;
  std::size_t budget_;
  std::vector<Span> out_;
};

}  // namespace

std::vector<Span> parse_markup(std::string_view markup) { return Parser(markup).run(); }

std::string markup_plain_text(std::string_view markup) {
  std::string out;
  for (const Span& s : parse_markup(markup)) out += s.text;
  return out;
}

}  // namespace vitae

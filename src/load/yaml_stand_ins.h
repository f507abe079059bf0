// Characters that libyaml (YAML 1.1) reads differently from YAML 1.2. libyaml refuses C0
// and C1 control characters and U+FFFE/U+FFFF, and takes NEL (U+0085), LINE SEPARATOR
// (U+2028) and PARAGRAPH SEPARATOR (U+2029) for line breaks. YAML 1.2, RenderCV's parser
// and yaml-cpp (vitae's parser before libyaml) read all of them as ordinary characters, so a
// CV pasted from a web page with a U+2028 in it must not stop parsing. The parser is given
// the text with each such character replaced by a stand-in, and scalar values get the
// original characters back.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitae::load {

/// `text` with each character libyaml would refuse or break a line at replaced by its
/// stand-in, a code point of Unicode's plane-15 private use area (one code point for one,
/// so that libyaml's marks, counted in code points, still fit `text`). Nothing when no
/// character needs one, or when `text` itself uses plane 15 (then a stand-in could not be
/// told from the real thing, and libyaml reads the text as it is).
std::optional<std::string> with_stand_ins(std::string_view text);

/// Puts the original characters back in a scalar value parsed from with_stand_ins' text.
void restore_stand_ins(std::string& value);

/// libyaml also stops at a tab between a list's '-' and its item ("-\tText"), which YAML 1.2
/// reads as a separating space. True when the tab at byte `tab` follows nothing but list
/// dashes and blanks on its line ("  -\t", "- -\t").
bool is_tab_after_dash(std::string_view text, std::size_t tab);

/// The byte offsets of all such tabs, in increasing order. Outside a scalar each separates
/// a dash from its item; inside one (a block scalar's line "-\tx") it is text.
std::vector<std::size_t> tabs_after_dashes(std::string_view text);

}  // namespace vitae::load

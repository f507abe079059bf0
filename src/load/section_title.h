// Section headings from section keys, as RenderCV makes them.
#pragma once

#include <string>
#include <string_view>

namespace vitae::load {

/// "education_and_training" -> "Education and Training": underscores become spaces and each
/// word is capitalised except small words (a, and, of, in, ...), which stay lower case, even
/// first (RenderCV does the same). A key containing a space or an upper-case ASCII letter is
/// returned as written ("Selected Honors & Awards").
std::string section_title(std::string_view key);

}  // namespace vitae::load

// Fields: what an entry's template placeholders stand for (dates formatted by the locale,
// authors joined, DOI links), and template expansion. Pure string work, no layout.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "vitae/model.h"

namespace vitae {

/// Formats a date with a template such as "MONTH_ABBREVIATION YEAR" (RenderCV's
/// placeholders: MONTH_NAME, MONTH_ABBREVIATION, MONTH, MONTH_IN_TWO_DIGITS, YEAR,
/// YEAR_IN_TWO_DIGITS, DAY). An open end ("present") gives the locale's word.
std::string format_date(const Date& date, const Locale& locale, const std::string& tmpl);

/// The text of an entry's DATE placeholder: the free-text `date` when given, otherwise the
/// range start_date - end_date (or a single date) by the design's templates.
std::string entry_date_text(const Entry& entry, const Design& design, const Locale& locale);

/// The values of every placeholder of `entry` (INSTITUTION, AREA, DEGREE, COMPANY, POSITION,
/// NAME, TITLE, AUTHORS, DOI, URL, JOURNAL, LABEL, DETAILS, LOCATION, DATE, SUMMARY),
/// as inline markup.
std::map<std::string, std::string> entry_fields(const Entry& entry, const Document& doc);

/// One line of an expanded template.
struct TemplateLine {
  enum class Kind { Text, Summary, Highlights };
  Kind kind = Kind::Text;
  std::string markup;  ///< for Text lines
};

/// Expands a template ("**INSTITUTION**, AREA\nSUMMARY\nHIGHLIGHTS") with `fields`. Lines
/// whose placeholders are all empty are dropped, and separators left dangling by an empty
/// placeholder (", ", " - ", "()") are removed, as RenderCV does.
std::vector<TemplateLine> expand_template(const std::string& tmpl,
                                          const std::map<std::string, std::string>& fields);

/// Escapes the markup characters of a plain value (a URL, a name) so that it prints as
/// written: * _ [ ] ( ) and backslash.
std::string escape_markup(const std::string& s);

/// Replaces every occurrence of `from` in `s` with `to`.
void replace_all(std::string& s, const std::string& from, const std::string& to);

/// Wraps each occurrence of the keywords in `text` in **bold** markup (settings.bold_keywords).
std::string embolden_keywords(const std::string& markup, const std::vector<std::string>& keywords);

}  // namespace vitae

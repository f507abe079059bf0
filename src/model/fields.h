// Fields: what an entry's template placeholders stand for (dates formatted by the locale,
// authors joined, DOI links), template expansion, and which contact details the header
// shows. Pure string work on the model, no layout: the PDF's layout and the text exports
// (src/export) both read the CV through these, so they show the same words in the same order.
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

/// The templates an entry of `kind` is set with (education, experience, publication, or
/// normal for the rest); `degree` is null but for education.
struct EntryTemplates {
  const std::string* main;
  const std::string* date_location;
  const std::string* degree;
};
EntryTemplates entry_templates(const Design& design, EntryKind kind);

/// The entry's length by templates.time_span ("2 years 3 months"); empty when it has no
/// start and end date, a free-text date, or an open end and no `today`.
std::string time_span_text(const Entry& entry, const Locale& locale, const Design& design,
                           const std::optional<Date>& today);

/// The lines of an entry's date/location column: its template expanded with `fields`, then
/// the time span where design.sections.show_time_spans_in names the section.
std::vector<TemplateLine> date_location_lines(const Document& doc, const Section& section, const Entry& entry,
                                              const std::map<std::string, std::string>& fields,
                                              const std::optional<Date>& today);

/// One contact detail of the header.
struct Connection {
  std::string icon;     ///< RenderCV's icon name ("envelope", "github")
  std::string label;    ///< what the icon stands for in words ("GitHub"); empty when the text says it
  std::string markup;   ///< the text shown, as inline markup
  std::string url;      ///< where it links to ("mailto:...", "https://..."); empty for none
  SourceLoc loc;
};

/// The CV's contact details in RenderCV's order: location, e-mails, phone, website, social
/// networks, custom connections; social networks shown by username or URL as `hc` says.
std::vector<Connection> connections_of(const CV& cv, const Design::Header::Connections& hc);

/// `url` without its scheme (https://, http://, mailto:, tel:) and a trailing slash: how a
/// contact line shows a website.
std::string strip_scheme(std::string url);

/// Whether design.sidebar.sections names `section` (by key or title, ignoring ASCII case
/// and underscores: "SKILLS", "skills", "Soft Skills" and "soft_skills" match).
bool in_sidebar(const Design::Sidebar& sidebar, const Section& section);

/// The sections in the order a reader of the PDF meets them: document order, or, with a
/// sidebar, the left column's sections before the right one's.
std::vector<const Section*> sections_in_reading_order(const Document& doc);

/// Escapes the markup characters of a plain value (a URL, a name) so that it prints as
/// written: * _ [ ] ( ) and backslash.
std::string escape_markup(const std::string& s);

/// Replaces every occurrence of `from` in `s` with `to`.
void replace_all(std::string& s, const std::string& from, const std::string& to);

/// Wraps each occurrence of the keywords in `text` in **bold** markup (settings.bold_keywords).
std::string embolden_keywords(const std::string& markup, const std::vector<std::string>& keywords);

}  // namespace vitae

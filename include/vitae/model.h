// The document model: what a CV says, as plain C++ values. The loader (src/load) is the
// only code that builds it from YAML or JSON; every later stage reads it.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vitae/diagnostics.h"
#include "vitae/image.h"
#include "vitae/length.h"

namespace vitae {

/// A piece of text from the source, with inline markup still in it
/// (**bold**, *italic*, [text](url), backslash escapes) and where it was written.
struct Text {
  std::string markup;
  SourceLoc loc;

  bool empty() const { return markup.empty(); }
};

/// A calendar date as precise as the source gave it: "2019", "2019-05" or "2019-05-17".
/// `present` stands for RenderCV's "present" (an open end).
struct Date {
  int year = 0;
  int month = 0;  ///< 1-12, 0 when not given
  int day = 0;    ///< 1-31, 0 when not given
  bool present = false;
  SourceLoc loc;
};

/// One bullet of an entry's highlights; may hold a nested list.
struct Highlight {
  Text text;
  std::vector<std::string> tags;
  std::vector<Highlight> children;
};

/// Entry types, detected from the fields present, as RenderCV does.
enum class EntryKind {
  Education,         ///< institution, area (degree optional)
  Experience,        ///< company, position
  Normal,            ///< name
  Publication,       ///< title, authors (doi, url, journal optional)
  OneLine,           ///< label, details
  Bullet,            ///< bullet
  Numbered,          ///< number
  ReversedNumbered,  ///< reversed_number
  Text,              ///< a plain string
};

/// Returns the RenderCV name of an entry type ("EducationEntry", "TextEntry", ...).
const char* entry_kind_name(EntryKind kind);

/// One entry of a section. Only the fields of its kind are filled; the others stay empty.
struct Entry {
  EntryKind kind = EntryKind::Text;
  SourceLoc loc;

  // Kind-specific fields.
  Text institution, area, degree;       // education
  Text company, position;               // experience
  Text name;                            // normal
  Text title, doi, url, journal;        // publication
  std::vector<Text> authors;            // publication
  Text label, details;                  // one-line
  Text bullet;                          // bullet; also numbered / reversed-numbered item text
  Text text;                            // plain text entry

  // Common fields.
  Text date;                            ///< free text, wins over start/end when given
  /// `date` when it is written as a date (YYYY, YYYY-MM, YYYY-MM-DD): shown formatted with
  /// design.templates.single_date, as RenderCV shows it ("2023-07" -> "July 2023").
  std::optional<Date> date_value;
  std::optional<Date> start_date, end_date;
  Text location;
  Text summary;
  std::vector<Highlight> highlights;
  std::vector<std::string> tags;        ///< vitae extension: for tailored variants
};

/// A titled section: an ordered list of entries, all of one kind.
struct Section {
  std::string key;    ///< the key as written in the source
  std::string title;  ///< the heading shown ("education_and_training" -> "Education and Training")
  SourceLoc loc;
  EntryKind kind = EntryKind::Text;
  std::vector<Entry> entries;
  std::vector<std::string> tags;  ///< vitae extension
};

/// One of RenderCV's social networks ("LinkedIn", "GitHub", ...) with its profile URL.
struct SocialNetwork {
  std::string network;
  std::string username;
  std::string url;  ///< the profile URL built from network and username
  SourceLoc loc;
};

/// RenderCV's custom_connections: free contact items.
struct CustomConnection {
  std::string placeholder;
  std::string url;  ///< may be empty
  std::string icon;
  SourceLoc loc;
};

struct CV {
  Text name, headline, location, phone, website, photo;
  /// The file `photo` names, read and recognised by the loader; null without a photo.
  std::shared_ptr<const ImageFile> photo_image;
  std::vector<Text> emails;
  std::vector<SocialNetwork> social_networks;
  std::vector<CustomConnection> custom_connections;
  std::vector<Section> sections;
};

/// An sRGB colour.
struct Color {
  uint8_t r = 0, g = 0, b = 0;
  constexpr bool operator==(const Color&) const = default;
};

/// A font choice for one text role: a family name (found in fonts/ or by fontconfig) or a
/// path to a font file, relative to the CV. `loc` is where the source named it.
struct FontChoice {
  std::string family;
  SourceLoc loc;
};

/// The per-role values of typography settings (name, headline, connections, section titles, body).
template <typename T>
struct PerRole {
  T body{}, name{}, headline{}, connections{}, section_titles{};

  /// Every role's value, in this order.
  std::array<T*, 5> all() { return {&body, &name, &headline, &connections, &section_titles}; }
  std::array<const T*, 5> all() const { return {&body, &name, &headline, &connections, &section_titles}; }
};

/// Every design parameter, as plain values. A built-in layout (layouts/*.yaml) gives the
/// starting values; the CV's `design:` overrides them key by key. The names follow
/// RenderCV's design schema so that RenderCV files work unchanged.
struct Design {
  std::string theme = "classic";  ///< the layout (RenderCV calls it theme)
  SourceLoc theme_loc;

  struct Page {
    std::string size = "a4";  ///< a4, us-letter, a5, us-executive
    Abs width = Abs::mm(210), height = Abs::mm(297);
    Abs top_margin = Abs::cm(0.7 * 2.54), bottom_margin = Abs::cm(0.7 * 2.54);
    Abs left_margin = Abs::cm(0.7 * 2.54), right_margin = Abs::cm(0.7 * 2.54);
    bool show_footer = true;
    bool show_top_note = true;
  } page;

  struct Colors {
    Color body{0, 0, 0}, name{0, 79, 144}, headline{0, 79, 144}, connections{0, 79, 144};
    Color section_titles{0, 79, 144}, links{0, 79, 144}, footer{128, 128, 128}, top_note{128, 128, 128};
  } colors;

  struct Typography {
    Length line_spacing = Length::ems(0.6);
    std::string alignment = "justified";  ///< justified, left, justified-with-no-hyphenation
    std::string date_and_location_column_alignment = "right";
    PerRole<FontChoice> font_family;
    PerRole<Length> font_size;
    PerRole<bool> small_caps;
    PerRole<bool> bold;
    /// vitae extension: OpenType features per role, HarfBuzz syntax ("onum", "+tnum",
    /// "-liga", "ss01=1"). Kerning and standard ligatures are on unless turned off here.
    PerRole<std::vector<std::string>> font_features;
  } typography;

  struct Links {
    bool underline = false;
    bool show_external_link_icon = false;
  } links;

  struct Header {
    std::string alignment = "center";
    Length photo_width = Length::of(Abs::cm(3.5));
    std::string photo_position = "left";
    Length photo_space_left = Length::of(Abs::cm(0.4));
    Length photo_space_right = Length::of(Abs::cm(0.4));
    Length space_below_name = Length::of(Abs::cm(0.7));
    Length space_below_headline = Length::of(Abs::cm(0.7));
    Length space_below_connections = Length::of(Abs::cm(0.7));
    struct Connections {
      std::string phone_number_format = "national";
      bool hyperlink = true;
      bool show_icons = true;
      bool display_urls_instead_of_usernames = false;
      std::string separator;
      Length space_between_connections = Length::of(Abs::cm(0.5));
    } connections;
  } header;

  struct SectionTitles {
    std::string type = "with_partial_line";  ///< with_partial_line, with_full_line, without_line, moderncv
    Abs line_thickness = Abs::pt(0.5);
    Length space_above = Length::of(Abs::cm(0.5));
    Length space_below = Length::of(Abs::cm(0.3));
  } section_titles;

  struct Sections {
    bool allow_page_break = true;
    Length space_between_regular_entries = Length::ems(1.2);
    Length space_between_text_based_entries = Length::ems(0.3);
    std::vector<std::string> show_time_spans_in;
  } sections;

  struct Entries {
    Length date_and_location_width = Length::of(Abs::cm(4.15));
    Length side_space = Length::of(Abs::cm(0.2));
    Length space_between_columns = Length::of(Abs::cm(0.1));
    bool allow_page_break = false;
    bool short_second_row = true;
    Length degree_width = Length::of(Abs::cm(1));
    struct Summary {
      Length space_above, space_left;
    } summary;
    struct Highlights {
      std::string bullet = "•", nested_bullet = "•";
      Length space_left = Length::of(Abs::cm(0.15));
      Length space_above, space_between_items;
      Length space_between_bullet_and_text = Length::ems(0.5);
    } highlights;
  } entries;

  /// RenderCV's templates: how fields are arranged into lines (placeholders in capitals).
  struct Templates {
    std::string footer = "*NAME -- PAGE_NUMBER/TOTAL_PAGES*";
    std::string top_note = "*LAST_UPDATED CURRENT_DATE*";
    std::string single_date = "MONTH_ABBREVIATION YEAR";
    std::string date_range = "START_DATE – END_DATE";
    std::string time_span = "HOW_MANY_YEARS YEARS HOW_MANY_MONTHS MONTHS";
    /// vitae extension: a range within one calendar year ("Mar – June 2023"); empty:
    /// date_range, as RenderCV prints every range.
    std::string same_year_date_range;
    std::string one_line_main = "**LABEL:** DETAILS";
    std::string education_main = "**INSTITUTION**, AREA\nSUMMARY\nHIGHLIGHTS";
    std::string education_degree = "**DEGREE**";
    std::string education_date_location = "LOCATION\nDATE";
    std::string normal_main = "**NAME**\nSUMMARY\nHIGHLIGHTS";
    std::string normal_date_location = "LOCATION\nDATE";
    std::string experience_main = "**COMPANY**, POSITION\nSUMMARY\nHIGHLIGHTS";
    std::string experience_date_location = "LOCATION\nDATE";
    std::string publication_main = "**TITLE**\nSUMMARY\nAUTHORS\nURL (JOURNAL)";
    std::string publication_date_location = "DATE";
  } templates;

  /// vitae extension: a narrow second column beside the main one, holding the contact
  /// details and the sections it names (layouts/sidebar.yaml). The name and headline span
  /// both columns at the top of page 1; each column then flows onto as many pages as it
  /// needs, independently of the other.
  struct Sidebar {
    std::string position = "none";  ///< none, left, right
    Length width = Length::of(Abs::cm(5.6));
    Length space_between = Length::of(Abs::cm(0.8));  ///< the gutter between the columns
    std::vector<std::string> sections;                 ///< section keys or titles set in it
    bool connections = true;  ///< contact details as a list at its top, not a header line
    std::string connections_title = "Contact";  ///< the heading above that list; empty: none
  } sidebar;

  /// vitae extension: how far fitting to a page count (settings.max_pages, fill_pages) may
  /// move the layout's values, group by group in this order (src/layout/fit.h). Fractions
  /// are of the value in force; floors are lengths no value is taken below.
  struct Fit {
    double min_spacing = 0.5;       ///< vertical spaces (section, entry, header) down to this
    double min_line_spacing = 0.8;  ///< typography.line_spacing down to this
    Abs min_margin = Abs::cm(1.2);  ///< page margins down to this (a smaller one stays)
    double min_font_scale = 0.9;    ///< every font size down to this fraction...
    Abs min_font_size = Abs::pt(9);  ///< ...but none below this (a smaller one stays)
  } fit;

  // vitae extensions.
  bool hyphenation = false;  ///< Liang hyphenation; off by default (see docs/input.md)

  /// Design keys the user set that the engine or the PDF writer does not apply yet;
  /// the loader warns about each, and the list lets tests check it.
  std::vector<std::string> unapplied_keys;
};

struct Locale {
  std::string language = "english";
  std::string bcp47 = "en-US";  ///< for /Lang in the PDF and for hyphenation patterns
  std::string last_updated = "Last updated in";
  std::string month = "month", months = "months", year = "year", years = "years";
  std::string present = "present";
  std::string degree_with_area = "DEGREE in AREA";
  std::vector<std::string> month_abbreviations = {"Jan", "Feb", "Mar", "Apr", "May", "June",
                                                  "July", "Aug", "Sept", "Oct", "Nov", "Dec"};
  std::vector<std::string> month_names = {"January", "February", "March",     "April",
                                          "May",     "June",     "July",      "August",
                                          "September", "October", "November", "December"};
};

/// The largest settings.max_pages (and --max-pages) accepted: a CV, not a book.
inline constexpr int kMaxPagesLimit = 100;

struct Settings {
  /// settings.current_date: a fixed date, or "today" (the clock; see docs/input.md).
  std::optional<Date> current_date;
  bool current_date_is_today = false;
  std::vector<std::string> bold_keywords;
  std::string pdf_title = "NAME - CV";
  /// vitae extension: the most pages the CV may take; the build shrinks the layout within
  /// design.fit to stay within them (src/layout/fit.h). Unset: no limit.
  std::optional<int> max_pages;
  SourceLoc max_pages_loc;
  /// vitae extension: when the last page is nearly empty, fit the CV onto one page fewer
  /// within the same bounds, rather than leave a few lines on a page of their own.
  bool fill_pages = false;
};

/// A whole CV file, validated.
struct Document {
  std::string path;  ///< the source path as given ("-" for standard input)
  /// Every file the document was read from, as the user or the file naming it gave it:
  /// files[0] is `path`, then each file it extends, in order. SourceLoc::file indexes it.
  std::vector<std::string> files;
  CV cv;
  Design design;
  Locale locale;
  Settings settings;

  /// The path of the file `loc` is in (diagnostics, paths relative to the naming file).
  const std::string& path_of(SourceLoc loc) const {
    return loc.file > 0 && static_cast<std::size_t>(loc.file) < files.size() ? files[loc.file] : path;
  }
};

}  // namespace vitae

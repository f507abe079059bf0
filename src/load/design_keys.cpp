#include "load/design_keys.h"

namespace vitae::load {

namespace {

// A pointer to one field of Design, as a plain function (the table stays constant data).
#define VITAE_FIELD(member) [](Design& d) -> void* { return &d.member; }

constexpr bool kApplied = true;
constexpr bool kNotYet = false;

void add_roles(std::vector<DesignKey>& keys, const std::string& group, DesignValue type, bool applied,
               bool with_body, void* (*body)(Design&), void* (*name)(Design&), void* (*headline)(Design&),
               void* (*connections)(Design&), void* (*section_titles)(Design&)) {
  if (with_body) keys.push_back({group + ".body", type, applied, body, {}});
  keys.push_back({group + ".name", type, applied, name, {}});
  keys.push_back({group + ".headline", type, applied, headline, {}});
  keys.push_back({group + ".connections", type, applied, connections, {}});
  keys.push_back({group + ".section_titles", type, applied, section_titles, {}});
}

std::vector<DesignKey> build_table() {
  using V = DesignValue;
  std::vector<DesignKey> k = {
      {"page.size", V::PageSize, kApplied, VITAE_FIELD(page.size), {"a4", "a5", "us-letter", "us-executive"}},
      {"page.top_margin", V::AbsLength, kApplied, VITAE_FIELD(page.top_margin), {}},
      {"page.bottom_margin", V::AbsLength, kApplied, VITAE_FIELD(page.bottom_margin), {}},
      {"page.left_margin", V::AbsLength, kApplied, VITAE_FIELD(page.left_margin), {}},
      {"page.right_margin", V::AbsLength, kApplied, VITAE_FIELD(page.right_margin), {}},
      {"page.show_footer", V::Bool, kApplied, VITAE_FIELD(page.show_footer), {}},
      {"page.show_top_note", V::Bool, kApplied, VITAE_FIELD(page.show_top_note), {}},
      {"colors.body", V::Color, kApplied, VITAE_FIELD(colors.body), {}},
      {"colors.name", V::Color, kApplied, VITAE_FIELD(colors.name), {}},
      {"colors.headline", V::Color, kApplied, VITAE_FIELD(colors.headline), {}},
      {"colors.connections", V::Color, kApplied, VITAE_FIELD(colors.connections), {}},
      {"colors.section_titles", V::Color, kApplied, VITAE_FIELD(colors.section_titles), {}},
      {"colors.links", V::Color, kApplied, VITAE_FIELD(colors.links), {}},
      {"colors.footer", V::Color, kApplied, VITAE_FIELD(colors.footer), {}},
      {"colors.top_note", V::Color, kApplied, VITAE_FIELD(colors.top_note), {}},
      {"typography.line_spacing", V::Length, kApplied, VITAE_FIELD(typography.line_spacing), {}},
      {"typography.alignment", V::Choice, kApplied, VITAE_FIELD(typography.alignment),
       {"left", "justified", "justified-with-no-hyphenation"}},
      {"typography.date_and_location_column_alignment", V::Choice, kApplied,
       VITAE_FIELD(typography.date_and_location_column_alignment), {"left", "center", "right"}},
  };
  add_roles(k, "typography.font_family", V::Font, kApplied, true, VITAE_FIELD(typography.font_family.body),
            VITAE_FIELD(typography.font_family.name), VITAE_FIELD(typography.font_family.headline),
            VITAE_FIELD(typography.font_family.connections), VITAE_FIELD(typography.font_family.section_titles));
  add_roles(k, "typography.font_size", V::Length, kApplied, true, VITAE_FIELD(typography.font_size.body),
            VITAE_FIELD(typography.font_size.name), VITAE_FIELD(typography.font_size.headline),
            VITAE_FIELD(typography.font_size.connections), VITAE_FIELD(typography.font_size.section_titles));
  add_roles(k, "typography.small_caps", V::Bool, kApplied, false, nullptr, VITAE_FIELD(typography.small_caps.name),
            VITAE_FIELD(typography.small_caps.headline), VITAE_FIELD(typography.small_caps.connections),
            VITAE_FIELD(typography.small_caps.section_titles));
  add_roles(k, "typography.font_features", V::Features, kApplied, true,
            VITAE_FIELD(typography.font_features.body), VITAE_FIELD(typography.font_features.name),
            VITAE_FIELD(typography.font_features.headline), VITAE_FIELD(typography.font_features.connections),
            VITAE_FIELD(typography.font_features.section_titles));
  add_roles(k, "typography.bold", V::Bool, kApplied, false, nullptr, VITAE_FIELD(typography.bold.name),
            VITAE_FIELD(typography.bold.headline), VITAE_FIELD(typography.bold.connections),
            VITAE_FIELD(typography.bold.section_titles));
  std::vector<DesignKey> rest = {
      {"links.underline", V::Bool, kApplied, VITAE_FIELD(links.underline), {}},
      {"links.show_external_link_icon", V::Bool, kApplied, VITAE_FIELD(links.show_external_link_icon), {}},
      {"header.alignment", V::Choice, kApplied, VITAE_FIELD(header.alignment), {"left", "center", "right"}},
      {"header.photo_width", V::Length, kApplied, VITAE_FIELD(header.photo_width), {}},
      {"header.photo_position", V::Choice, kApplied, VITAE_FIELD(header.photo_position), {"left", "right"}},
      {"header.photo_space_left", V::Length, kApplied, VITAE_FIELD(header.photo_space_left), {}},
      {"header.photo_space_right", V::Length, kApplied, VITAE_FIELD(header.photo_space_right), {}},
      {"sidebar.position", V::Choice, kApplied, VITAE_FIELD(sidebar.position), {"none", "left", "right"}},
      {"sidebar.width", V::Length, kApplied, VITAE_FIELD(sidebar.width), {}},
      {"sidebar.space_between", V::Length, kApplied, VITAE_FIELD(sidebar.space_between), {}},
      {"sidebar.sections", V::StringList, kApplied, VITAE_FIELD(sidebar.sections), {}},
      {"sidebar.connections", V::Bool, kApplied, VITAE_FIELD(sidebar.connections), {}},
      {"sidebar.connections_title", V::Template, kApplied, VITAE_FIELD(sidebar.connections_title), {}},
      {"header.space_below_name", V::Length, kApplied, VITAE_FIELD(header.space_below_name), {}},
      {"header.space_below_headline", V::Length, kApplied, VITAE_FIELD(header.space_below_headline), {}},
      {"header.space_below_connections", V::Length, kApplied, VITAE_FIELD(header.space_below_connections), {}},
      {"header.connections.phone_number_format", V::Choice, kNotYet,
       VITAE_FIELD(header.connections.phone_number_format), {"national", "international", "E164"}},
      {"header.connections.hyperlink", V::Bool, kApplied, VITAE_FIELD(header.connections.hyperlink), {}},
      {"header.connections.show_icons", V::Bool, kApplied, VITAE_FIELD(header.connections.show_icons), {}},
      {"header.connections.display_urls_instead_of_usernames", V::Bool, kApplied,
       VITAE_FIELD(header.connections.display_urls_instead_of_usernames), {}},
      {"header.connections.separator", V::Template, kApplied, VITAE_FIELD(header.connections.separator), {}},
      {"header.connections.space_between_connections", V::Length, kApplied,
       VITAE_FIELD(header.connections.space_between_connections), {}},
      {"section_titles.type", V::Choice, kApplied, VITAE_FIELD(section_titles.type),
       {"with_partial_line", "with_full_line", "without_line", "moderncv", "centered_without_line",
        "centered_with_partial_line", "centered_with_centered_partial_line", "centered_with_full_line"}},
      {"section_titles.line_thickness", V::AbsLength, kApplied, VITAE_FIELD(section_titles.line_thickness), {}},
      {"section_titles.space_above", V::Length, kApplied, VITAE_FIELD(section_titles.space_above), {}},
      {"section_titles.space_below", V::Length, kApplied, VITAE_FIELD(section_titles.space_below), {}},
      {"sections.allow_page_break", V::Bool, kApplied, VITAE_FIELD(sections.allow_page_break), {}},
      {"sections.space_between_regular_entries", V::Length, kApplied,
       VITAE_FIELD(sections.space_between_regular_entries), {}},
      {"sections.space_between_text_based_entries", V::Length, kApplied,
       VITAE_FIELD(sections.space_between_text_based_entries), {}},
      {"sections.show_time_spans_in", V::StringList, kApplied, VITAE_FIELD(sections.show_time_spans_in), {}},
      {"entries.date_and_location_width", V::Length, kApplied, VITAE_FIELD(entries.date_and_location_width), {}},
      {"entries.side_space", V::Length, kApplied, VITAE_FIELD(entries.side_space), {}},
      {"entries.space_between_columns", V::Length, kApplied, VITAE_FIELD(entries.space_between_columns), {}},
      {"entries.allow_page_break", V::Bool, kApplied, VITAE_FIELD(entries.allow_page_break), {}},
      {"entries.short_second_row", V::Bool, kApplied, VITAE_FIELD(entries.short_second_row), {}},
      {"entries.degree_width", V::Length, kApplied, VITAE_FIELD(entries.degree_width), {}},
      {"entries.summary.space_above", V::Length, kApplied, VITAE_FIELD(entries.summary.space_above), {}},
      {"entries.summary.space_left", V::Length, kApplied, VITAE_FIELD(entries.summary.space_left), {}},
      {"entries.highlights.bullet", V::String, kApplied, VITAE_FIELD(entries.highlights.bullet), {}},
      {"entries.highlights.nested_bullet", V::String, kApplied, VITAE_FIELD(entries.highlights.nested_bullet), {}},
      {"entries.highlights.space_left", V::Length, kApplied, VITAE_FIELD(entries.highlights.space_left), {}},
      {"entries.highlights.space_above", V::Length, kApplied, VITAE_FIELD(entries.highlights.space_above), {}},
      {"entries.highlights.space_between_items", V::Length, kApplied,
       VITAE_FIELD(entries.highlights.space_between_items), {}},
      {"entries.highlights.space_between_bullet_and_text", V::Length, kApplied,
       VITAE_FIELD(entries.highlights.space_between_bullet_and_text), {}},
      {"templates.footer", V::Template, kApplied, VITAE_FIELD(templates.footer), {}},
      {"templates.top_note", V::Template, kApplied, VITAE_FIELD(templates.top_note), {}},
      {"templates.single_date", V::Template, kApplied, VITAE_FIELD(templates.single_date), {}},
      {"templates.date_range", V::Template, kApplied, VITAE_FIELD(templates.date_range), {}},
      {"templates.time_span", V::Template, kApplied, VITAE_FIELD(templates.time_span), {}},
      {"templates.same_year_date_range", V::Template, kApplied, VITAE_FIELD(templates.same_year_date_range), {}},
      {"templates.one_line_entry.main_column", V::Template, kApplied, VITAE_FIELD(templates.one_line_main), {}},
      {"templates.education_entry.main_column", V::Template, kApplied, VITAE_FIELD(templates.education_main), {}},
      {"templates.education_entry.degree_column", V::Template, kApplied, VITAE_FIELD(templates.education_degree), {}},
      {"templates.education_entry.date_and_location_column", V::Template, kApplied,
       VITAE_FIELD(templates.education_date_location), {}},
      {"templates.normal_entry.main_column", V::Template, kApplied, VITAE_FIELD(templates.normal_main), {}},
      {"templates.normal_entry.date_and_location_column", V::Template, kApplied,
       VITAE_FIELD(templates.normal_date_location), {}},
      {"templates.experience_entry.main_column", V::Template, kApplied, VITAE_FIELD(templates.experience_main), {}},
      {"templates.experience_entry.date_and_location_column", V::Template, kApplied,
       VITAE_FIELD(templates.experience_date_location), {}},
      {"templates.publication_entry.main_column", V::Template, kApplied, VITAE_FIELD(templates.publication_main), {}},
      {"templates.publication_entry.date_and_location_column", V::Template, kApplied,
       VITAE_FIELD(templates.publication_date_location), {}},
      {"hyphenation", V::Bool, kApplied, VITAE_FIELD(hyphenation), {}},
      // Bounds of fitting to a page count: they act only when a CV is fitted (settings.max_pages).
      {"fit.min_spacing", V::Fraction, kApplied, VITAE_FIELD(fit.min_spacing), {}},
      {"fit.min_line_spacing", V::Fraction, kApplied, VITAE_FIELD(fit.min_line_spacing), {}},
      {"fit.min_margin", V::AbsLength, kApplied, VITAE_FIELD(fit.min_margin), {}},
      {"fit.min_font_scale", V::Fraction, kApplied, VITAE_FIELD(fit.min_font_scale), {}},
      {"fit.min_font_size", V::AbsLength, kApplied, VITAE_FIELD(fit.min_font_size), {}},
  };
  k.insert(k.end(), rest.begin(), rest.end());
  return k;
}

#undef VITAE_FIELD

}  // namespace

const std::vector<DesignKey>& design_keys() {
  static const std::vector<DesignKey> table = build_table();
  return table;
}

const DesignKey* find_design_key(std::string_view path) {
  for (const DesignKey& k : design_keys())
    if (k.path == path) return &k;
  return nullptr;
}

}  // namespace vitae::load

#include "model/fields.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace vitae {

namespace {

std::string two_digits(int v) {
  std::string s = std::to_string(v % 100);
  return s.size() == 1 ? "0" + s : s;
}

bool is_placeholder_char(char c) { return (c >= 'A' && c <= 'Z') || c == '_'; }

// Splits a template line into literal text and placeholder names (runs of capitals and
// underscores that are known keys of `fields`).
struct Piece {
  std::string text;
  bool placeholder = false;
};

std::vector<Piece> tokenize(const std::string& line, const std::map<std::string, std::string>& fields) {
  std::vector<Piece> out;
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t j = i;
    while (j < line.size() && is_placeholder_char(line[j])) ++j;
    if (j > i && fields.count(line.substr(i, j - i))) {
      out.push_back({line.substr(i, j - i), true});
      i = j;
      continue;
    }
    if (j == i) ++j;
    if (out.empty() || out.back().placeholder) out.push_back({"", false});
    out.back().text += line.substr(i, j - i);
    i = j;
  }
  return out;
}


// Removes the separators an empty placeholder leaves at either end of a line
// ("**Duke**, " when AREA is empty) and doubled ones inside it.
std::string tidy(std::string s) {
  replace_all(s, ", ,", ",");
  replace_all(s, "  ", " ");
  static const char* seps[] = {",", "–", "--", "|", ";"};
  bool changed = true;
  while (changed) {
    changed = false;
    while (!s.empty() && s.back() == ' ') s.pop_back(), changed = true;
    while (!s.empty() && s.front() == ' ') s.erase(0, 1), changed = true;
    for (std::string sep : seps) {
      if (s.size() >= sep.size() && s.compare(s.size() - sep.size(), sep.size(), sep) == 0)
        s.erase(s.size() - sep.size()), changed = true;
      if (s.compare(0, sep.size(), sep) == 0) s.erase(0, sep.size()), changed = true;
    }
  }
  return s;
}

// An empty placeholder takes its markup with it: the emphasis stars and brackets that
// enclose it in the template ("**DEGREE**", "(JOURNAL)").
void drop_enclosing_markup(std::vector<Piece>& pieces, std::size_t i) {
  auto is_open = [](char c) { return c == '*' || c == '(' || c == '['; };
  auto is_close = [](char c) { return c == '*' || c == ')' || c == ']'; };
  if (i > 0 && !pieces[i - 1].placeholder) {
    std::string& t = pieces[i - 1].text;
    while (!t.empty() && is_open(t.back())) t.pop_back();
  }
  if (i + 1 < pieces.size() && !pieces[i + 1].placeholder) {
    std::string& t = pieces[i + 1].text;
    std::size_t n = 0;
    while (n < t.size() && is_close(t[n])) ++n;
    t.erase(0, n);
  }
}

std::string doi_url(const std::string& doi) { return "https://doi.org/" + doi; }

// Authors joined with commas. The CV owner's name is bold where the source writes it in
// **bold** or settings.bold_keywords lists it (applied with the other fields).
std::string join_authors(const Entry& e) {
  std::string out;
  for (std::size_t i = 0; i < e.authors.size(); ++i) out += (i ? ", " : "") + e.authors[i].markup;
  return out;
}

}  // namespace

std::string escape_markup(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '*' || c == '[' || c == ']' || c == '\\' || c == '_' || c == '(' || c == ')') out += '\\';
    out += c;
  }
  return out;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
}

std::string format_date(const Date& date, const Locale& locale, const std::string& tmpl) {
  if (date.present) return locale.present;
  std::map<std::string, std::string> f;
  f["YEAR"] = std::to_string(date.year);
  f["YEAR_IN_TWO_DIGITS"] = two_digits(date.year);
  bool month = date.month >= 1 && date.month <= 12;
  f["MONTH_NAME"] = month && locale.month_names.size() == 12 ? locale.month_names[date.month - 1] : "";
  f["MONTH_ABBREVIATION"] =
      month && locale.month_abbreviations.size() == 12 ? locale.month_abbreviations[date.month - 1] : "";
  f["MONTH"] = month ? std::to_string(date.month) : "";
  f["MONTH_IN_TWO_DIGITS"] = month ? two_digits(date.month) : "";
  f["DAY"] = date.day ? std::to_string(date.day) : "";
  f["DAY_IN_TWO_DIGITS"] = date.day ? two_digits(date.day) : "";
  std::vector<TemplateLine> lines = expand_template(tmpl, f);
  return lines.empty() ? std::to_string(date.year) : lines.front().markup;
}

std::string entry_date_text(const Entry& e, const Design& design, const Locale& locale) {
  const std::string& single = design.templates.single_date;
  if (e.date_value) return format_date(*e.date_value, locale, single);
  if (!e.date.empty()) return e.date.markup;
  if (e.start_date && e.end_date) {
    std::map<std::string, std::string> f{{"START_DATE", format_date(*e.start_date, locale, single)},
                                         {"END_DATE", format_date(*e.end_date, locale, single)}};
    const Date& s = *e.start_date;
    const Date& t = *e.end_date;
    const bool same_year = !s.present && !t.present && s.year == t.year && s.month && t.month;
    const std::string* range = &design.templates.date_range;
    if (same_year && !design.templates.same_year_date_range.empty()) {
      // The start without its year: single_date with YEAR (and YEAR_IN_TWO_DIGITS) taken
      // out, the separators it leaves dropped by the template expansion.
      std::string no_year = single;
      replace_all(no_year, "YEAR_IN_TWO_DIGITS", "");
      replace_all(no_year, "YEAR", "");
      std::string start = format_date(s, locale, no_year);
      while (!start.empty() && (start.back() == ' ' || start.back() == ',')) start.pop_back();
      while (!start.empty() && start.front() == ' ') start.erase(start.begin());
      f["START_DATE_WITHOUT_YEAR"] = start;
      range = &design.templates.same_year_date_range;
    }
    std::vector<TemplateLine> lines = expand_template(*range, f);
    return lines.empty() ? "" : lines.front().markup;
  }
  if (e.start_date) return format_date(*e.start_date, locale, single);
  if (e.end_date) return format_date(*e.end_date, locale, single);
  return "";
}

std::map<std::string, std::string> entry_fields(const Entry& e, const Document& doc) {
  std::map<std::string, std::string> f;
  f["INSTITUTION"] = e.institution.markup;
  f["AREA"] = e.area.markup;
  f["DEGREE"] = e.degree.markup;
  // The locale's phrase "DEGREE in AREA" (RenderCV's DEGREE_WITH_AREA); just one of them
  // when the other is missing.
  if (!e.degree.empty() && !e.area.empty()) {
    std::string phrase = doc.locale.degree_with_area;
    std::size_t p = phrase.find("DEGREE");
    if (p != std::string::npos) phrase.replace(p, 6, e.degree.markup);
    p = phrase.find("AREA");
    if (p != std::string::npos) phrase.replace(p, 4, e.area.markup);
    f["DEGREE_WITH_AREA"] = phrase;
  } else {
    f["DEGREE_WITH_AREA"] = e.degree.empty() ? e.area.markup : e.degree.markup;
  }
  f["COMPANY"] = e.company.markup;
  f["POSITION"] = e.position.markup;
  f["NAME"] = e.name.markup;
  f["TITLE"] = e.title.markup;
  f["AUTHORS"] = join_authors(e);
  f["JOURNAL"] = e.journal.markup;
  f["LABEL"] = e.label.markup;
  f["DETAILS"] = e.details.markup;
  f["LOCATION"] = e.location.markup;
  f["SUMMARY"] = e.summary.markup;
  f["DATE"] = entry_date_text(e, doc.design, doc.locale);
  if (!e.doi.empty()) {
    f["DOI"] = "[" + escape_markup(e.doi.markup) + "](" + doi_url(e.doi.markup) + ")";
    f["URL"] = f["DOI"];
  } else if (!e.url.empty()) {
    std::string shown = e.url.markup;
    for (const char* scheme : {"https://", "http://"})
      if (shown.rfind(scheme, 0) == 0) shown = shown.substr(std::string(scheme).size());
    f["URL"] = "[" + escape_markup(shown) + "](" + e.url.markup + ")";
  } else {
    f["URL"] = f["DOI"] = "";
  }
  for (auto& [key, value] : f)
    if (key != "URL" && key != "DOI") value = embolden_keywords(value, doc.settings.bold_keywords);
  return f;
}

EntryTemplates entry_templates(const Design& d, EntryKind k) {
  const auto& t = d.templates;
  switch (k) {
    case EntryKind::Education: return {&t.education_main, &t.education_date_location, &t.education_degree};
    case EntryKind::Experience: return {&t.experience_main, &t.experience_date_location, nullptr};
    case EntryKind::Publication: return {&t.publication_main, &t.publication_date_location, nullptr};
    default: return {&t.normal_main, &t.normal_date_location, nullptr};
  }
}

std::string time_span_text(const Entry& e, const Locale& l, const Design& design, const std::optional<Date>& today) {
  if (!e.start_date || !e.end_date || !e.date.empty()) return "";
  Date end = *e.end_date;
  if (end.present) {
    if (!today) return "";
    end = *today;
  }
  int months = (end.year - e.start_date->year) * 12 + (end.month ? end.month : 1) -
               (e.start_date->month ? e.start_date->month : 1) + 1;
  if (months <= 0) return "";
  int y = months / 12, m = months % 12;
  // RenderCV's templates.time_span: HOW_MANY_YEARS YEARS HOW_MANY_MONTHS MONTHS, where a
  // zero count drops its pair.
  std::map<std::string, std::string> f{{"HOW_MANY_YEARS", y ? std::to_string(y) : ""},
                                       {"YEARS", y ? (y == 1 ? l.year : l.years) : ""},
                                       {"HOW_MANY_MONTHS", m ? std::to_string(m) : ""},
                                       {"MONTHS", m ? (m == 1 ? l.month : l.months) : ""}};
  std::vector<TemplateLine> lines = expand_template(design.templates.time_span, f);
  return lines.empty() ? "" : lines.front().markup;
}

std::vector<TemplateLine> date_location_lines(const Document& doc, const Section& s, const Entry& e,
                                              const std::map<std::string, std::string>& fields,
                                              const std::optional<Date>& today) {
  std::vector<TemplateLine> lines = expand_template(*entry_templates(doc.design, e.kind).date_location, fields);
  const std::vector<std::string>& spans_in = doc.design.sections.show_time_spans_in;
  if (std::any_of(spans_in.begin(), spans_in.end(), [&](const std::string& k) { return k == s.key || k == s.title; })) {
    std::string span = time_span_text(e, doc.locale, doc.design, today);
    if (!span.empty()) lines.push_back({TemplateLine::Kind::Text, span});
  }
  return lines;
}

std::vector<TemplateLine> expand_template(const std::string& tmpl,
                                          const std::map<std::string, std::string>& fields) {
  std::vector<TemplateLine> out;
  std::size_t start = 0;
  while (start <= tmpl.size()) {
    std::size_t nl = tmpl.find('\n', start);
    std::string line = tmpl.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    start = nl == std::string::npos ? tmpl.size() + 1 : nl + 1;
    if (line == "SUMMARY" || line == "HIGHLIGHTS") {
      auto it = fields.find(line);
      if (line == "HIGHLIGHTS" || (it != fields.end() && !it->second.empty()))
        out.push_back({line == "SUMMARY" ? TemplateLine::Kind::Summary : TemplateLine::Kind::Highlights, ""});
      continue;
    }
    std::vector<Piece> pieces = tokenize(line, fields);
    for (std::size_t i = 0; i < pieces.size(); ++i)
      if (pieces[i].placeholder && fields.at(pieces[i].text).empty()) drop_enclosing_markup(pieces, i);
    bool any_placeholder = false, any_value = false;
    std::string text;
    for (const Piece& p : pieces) {
      if (!p.placeholder) {
        text += p.text;
        continue;
      }
      any_placeholder = true;
      const std::string& v = fields.at(p.text);
      any_value = any_value || !v.empty();
      text += v;
    }
    if (any_placeholder && !any_value) continue;
    // Only an empty placeholder leaves separators behind; the user's own text is kept.
    bool any_empty = false;
    for (const Piece& p : pieces) any_empty = any_empty || (p.placeholder && fields.at(p.text).empty());
    if (any_empty) text = tidy(text);
    if (!text.empty()) out.push_back({TemplateLine::Kind::Text, text});
  }
  return out;
}

namespace {

// RenderCV's icon for each social network (renderer/templater/connections.py).
struct NetworkIcon {
  std::string_view network, icon;
};
constexpr NetworkIcon kNetworkIcons[] = {
    {"LinkedIn", "linkedin"},   {"GitHub", "github"},         {"GitLab", "gitlab"},
    {"IMDB", "imdb"},           {"Instagram", "instagram"},   {"Mastodon", "mastodon"},
    {"ORCID", "orcid"},         {"StackOverflow", "stack-overflow"}, {"ResearchGate", "researchgate"},
    {"YouTube", "youtube"},     {"Google Scholar", "graduation-cap"}, {"Telegram", "telegram"},
    {"WhatsApp", "whatsapp"},   {"Leetcode", "code"},         {"X", "x-twitter"},
    {"Bluesky", "bluesky"},     {"Reddit", "reddit"},
};

std::string network_icon(const std::string& network) {
  for (const NetworkIcon& n : kNetworkIcons)
    if (n.network == network) return std::string(n.icon);
  return "";
}

/// A section name as design.sidebar.sections compares it.
std::string folded(std::string s) {
  for (char& c : s) c = c == '_' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string strip_scheme(std::string url) {
  for (const char* s : {"https://", "http://", "mailto:", "tel:"})
    if (url.rfind(s, 0) == 0) url = url.substr(std::string(s).size());
  if (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

std::vector<Connection> connections_of(const CV& cv, const Design::Header::Connections& hc) {
  std::vector<Connection> out;
  if (!cv.location.empty()) out.push_back({"location-dot", "", cv.location.markup, "", cv.location.loc});
  for (const Text& e : cv.emails) out.push_back({"envelope", "", escape_markup(e.markup), "mailto:" + e.markup, e.loc});
  if (!cv.phone.empty()) {
    std::string tel;
    for (char c : cv.phone.markup)
      if (std::isdigit(static_cast<unsigned char>(c)) || c == '+') tel += c;
    out.push_back({"phone", "", escape_markup(cv.phone.markup), "tel:" + tel, cv.phone.loc});
  }
  if (!cv.website.empty())
    out.push_back({"link", "", escape_markup(strip_scheme(cv.website.markup)), cv.website.markup, cv.website.loc});
  for (const SocialNetwork& s : cv.social_networks)
    out.push_back({network_icon(s.network), s.network,
                   escape_markup(hc.display_urls_instead_of_usernames ? strip_scheme(s.url) : s.username), s.url, s.loc});
  for (const CustomConnection& c : cv.custom_connections)
    out.push_back({c.icon, "", escape_markup(c.placeholder), c.url, c.loc});
  return out;
}

bool in_sidebar(const Design::Sidebar& sb, const Section& s) {
  return std::any_of(sb.sections.begin(), sb.sections.end(), [&](const std::string& k) {
    return folded(k) == folded(s.key) || folded(k) == folded(s.title);
  });
}

std::vector<const Section*> sections_in_reading_order(const Document& doc) {
  std::vector<const Section*> main, side;
  const Design::Sidebar& sb = doc.design.sidebar;
  for (const Section& s : doc.cv.sections) (sb.position != "none" && in_sidebar(sb, s) ? side : main).push_back(&s);
  if (sb.position == "left") std::swap(main, side);
  main.insert(main.end(), side.begin(), side.end());
  return main;
}

std::string embolden_keywords(const std::string& markup, const std::vector<std::string>& keywords) {
  std::string s = markup;
  for (const std::string& kw : keywords) {
    if (kw.empty()) continue;
    for (std::size_t p = s.find(kw); p != std::string::npos; p = s.find(kw, p)) {
      bool already = p >= 2 && s.compare(p - 2, 2, "**") == 0;
      if (already) {
        p += kw.size();
        continue;
      }
      s.insert(p + kw.size(), "**");
      s.insert(p, "**");
      p += kw.size() + 4;
    }
  }
  return s;
}

}  // namespace vitae

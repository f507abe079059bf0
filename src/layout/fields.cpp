#include "layout/fields.h"

#include <cctype>

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

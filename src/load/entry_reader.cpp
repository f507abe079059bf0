#include "load/entry_reader.h"

#include <algorithm>

#include "load/dates.h"
#include "load/entry_kind_detect.h"
#include "load/highlights.h"

namespace vitae::load {

namespace {

/// The Text field of `e` that `key` fills, or null for keys handled elsewhere.
Text* text_field(Entry& e, const std::string& key) {
  if (key == "institution") return &e.institution;
  if (key == "area") return &e.area;
  if (key == "degree") return &e.degree;
  if (key == "company") return &e.company;
  if (key == "position") return &e.position;
  if (key == "name") return &e.name;
  if (key == "title") return &e.title;
  if (key == "doi") return &e.doi;
  if (key == "url") return &e.url;
  if (key == "journal") return &e.journal;
  if (key == "label") return &e.label;
  if (key == "details") return &e.details;
  if (key == "bullet" || key == "number" || key == "reversed_number") return &e.bullet;
  if (key == "location") return &e.location;
  if (key == "summary") return &e.summary;
  return nullptr;
}

/// `date:` is free text, but one shaped like a date must be a real date, and is shown as one.
void read_free_date(const YNode& v, Entry& e, Reader& r) {
  auto t = r.text(v, "date");
  if (!t) return;
  std::string error;
  if (looks_like_date(t->markup)) {
    e.date_value = parse_date(t->markup, &error);
    if (!e.date_value) r.error(t->loc, error);
  }
  e.date = *t;
}

std::string date_string(const Date& d) {
  std::string s = std::to_string(d.year);
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  if (d.month) s += "-" + two(d.month);
  if (d.day) s += "-" + two(d.day);
  return s;
}

/// RenderCV's reading of partial dates (check_and_adjust_dates): a start alone is ongoing,
/// an end alone is a one-day event, shown as a `date` would be; a `date` wins over both.
void complete_dates(Entry& e) {
  if (!e.date.empty()) return;
  if (e.start_date && !e.end_date) {
    Date present;
    present.present = true;
    present.loc = e.start_date->loc;
    e.end_date = present;
  } else if (!e.start_date && e.end_date) {
    e.date = {e.end_date->present ? "present" : date_string(*e.end_date), e.end_date->loc};
    e.date_value = e.end_date;
    e.end_date.reset();
  }
}

}  // namespace

std::optional<Date> read_date_field(const YNode& node, const std::string& key, Reader& r) {
  if (node.is_null()) return std::nullopt;
  if (!node.is_scalar()) {
    r.type_error(node, key, "a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    return std::nullopt;
  }
  if (node.value == "present") {
    if (key == "end_date") {
      Date d;
      d.present = true;
      d.loc = node.loc;
      return d;
    }
    r.error(node.loc, key + " cannot be 'present'", "only end_date can be 'present'");
    return std::nullopt;
  }
  std::string error;
  std::optional<Date> d = parse_date(node.value, &error);
  if (!d) {
    r.error(node.loc, key + ": " + error,
            looks_like_date(node.value) ? "" : "for free text such as 'Fall 2021', use 'date' instead");
    return std::nullopt;
  }
  d->loc = node.loc;
  return d;
}

Entry read_entry(const YNode& node, EntryKind kind, Reader& r) {
  Entry e;
  e.kind = kind;
  e.loc = node.loc;
  const EntrySchema& schema = schema_of(kind);
  std::vector<std::string> present;
  std::string context = std::string("this ") + entry_kind_name(kind);
  r.for_each_field(node, schema.allowed, context, [&](const std::string& key, const YNode& v) {
    if (!v.is_null()) present.push_back(key);
    if (Text* field = text_field(e, key)) {
      if (auto t = r.text(v, key)) *field = *t;
    } else if (key == "authors") {
      if (auto list = r.text_list(v, "authors")) e.authors = *list;
    } else if (key == "date") {
      read_free_date(v, e, r);
    } else if (key == "start_date") {
      e.start_date = read_date_field(v, key, r);
    } else if (key == "end_date") {
      e.end_date = read_date_field(v, key, r);
    } else if (key == "highlights") {
      e.highlights = read_highlights(v, r);
    } else if (key == "tags") {
      e.tags = read_tags(v, r);
    }
  });
  for (const std::string& req : schema.required)
    if (std::find(present.begin(), present.end(), req) == present.end())
      r.error(node.loc, context + " has no '" + req + "'",
              std::string(entry_kind_name(kind)[0] == 'E' ? "an " : "a ") + entry_kind_name(kind) + " needs " + schema.required.front() +
                  (schema.required.size() > 1 ? " and " + schema.required.back() : ""));
  complete_dates(e);
  if (e.start_date && e.end_date && ends_before_start(*e.start_date, *e.end_date))
    r.error(e.end_date->loc, "end_date " + date_string(*e.end_date) + " is before start_date " +
                                 date_string(*e.start_date));
  return e;
}

}  // namespace vitae::load

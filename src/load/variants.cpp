#include "load/variants.h"

#include <algorithm>
#include <set>

#include "load/did_you_mean.h"

namespace vitae::load {

const std::vector<std::string> kSelectionKeys = {"include_tags", "exclude_tags", "sections"};

Selection Selection::overridden_by(const Selection& over) const {
  Selection out = *this;
  if (over.include_tags) out.include_tags = over.include_tags;
  if (over.exclude_tags) out.exclude_tags = over.exclude_tags;
  if (over.sections) out.sections = over.sections;
  return out;
}

void read_selection_key(const std::string& key, const YNode& value, Selection& sel, Reader& r) {
  if (key == "sections") {
    std::optional<std::vector<Text>> names = r.text_list(value, "sections");
    if (names) sel.sections = std::move(*names);
    return;
  }
  if (!value.is_seq() && !value.is_null()) {
    r.type_error(value, key, "a list of tags");
    return;
  }
  (key == "include_tags" ? sel.include_tags : sel.exclude_tags) = read_tag_list(value, r, key);
}

std::vector<SetValue> read_set(const YNode& node, Reader& r) {
  std::vector<SetValue> out;
  if (!r.expect_map(node, "set")) return out;
  for (const auto& [key, value] : node.entries) {
    if (!key.is_scalar()) {
      r.error(key.loc, std::string("a key in set must be a key path such as cv.headline, found ") + kind_phrase(key));
      continue;
    }
    std::string why;
    // A plain key's segments sit where they are written; a quoted one's one column later.
    SourceLoc at = key.loc;
    if (!key.plain) ++at.column;
    std::optional<KeyPath> path = parse_key_path(key.value, at, &why);
    if (!path) {
      r.error(key.loc, why, "a key path names keys with dots: design.page.size, cv.sections.education.0.degree");
      continue;
    }
    static const std::vector<std::string> roots = {"cv", "design", "locale", "settings"};
    if (std::find(roots.begin(), roots.end(), path->segments[0]) == roots.end()) {
      r.error(key.loc, "set can change values under cv, design, locale and settings, not '" + path->segments[0] + "'",
              unknown_name_hint(path->segments[0], roots));
      continue;
    }
    out.push_back({std::move(*path), value});
  }
  return out;
}

namespace {

bool usable_in_file_name(const std::string& name) {
  if (name.empty() || name[0] == '.' || name[0] == '-') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
  });
}

Variant read_variant(const YNode& key, const YNode& value, Reader& r) {
  Variant v;
  v.name = key.value;
  v.loc = key.loc;
  if (!usable_in_file_name(v.name))
    r.error(key.loc, "the variant name '" + v.name + "' cannot be part of a file name",
            "use letters, digits, '-', '_' and '.', as in 'ml' or 'acme-2027'");
  if (!r.expect_map(value, "variant '" + v.name + "'")) return v;
  std::vector<std::string> keys = kSelectionKeys;
  keys.push_back("set");
  r.for_each_field(value, keys, "variant '" + v.name + "'", [&](const std::string& k, const YNode& val) {
    if (k == "set")
      v.set = read_set(val, r);
    else
      read_selection_key(k, val, v.selection, r);
  });
  return v;
}

}  // namespace

std::vector<Variant> read_variants(const YNode& node, Reader& r) {
  std::vector<Variant> out;
  if (!r.expect_map(node, "variants")) return out;
  for (const auto& [key, value] : node.entries) {
    if (!key.is_scalar()) {
      r.error(key.loc, std::string("a variant name must be a string, found ") + kind_phrase(key));
    } else if (auto dup = std::find_if(out.begin(), out.end(), [&key = key](const Variant& v) { return v.name == key.value; });
               dup != out.end()) {
      r.error(key.loc, "duplicate variant '" + key.value + "'",
              "it is first given at line " + std::to_string(dup->loc.line));
    } else {
      out.push_back(read_variant(key, value, r));
    }
  }
  return out;
}

namespace {

void collect_tags(const std::vector<Highlight>& hs, std::set<std::string>& out) {
  for (const Highlight& h : hs) {
    out.insert(h.tags.begin(), h.tags.end());
    collect_tags(h.children, out);
  }
}

std::set<std::string> all_tags(const Document& doc) {
  std::set<std::string> out;
  for (const Section& s : doc.cv.sections) {
    out.insert(s.tags.begin(), s.tags.end());
    for (const Entry& e : s.entries) {
      out.insert(e.tags.begin(), e.tags.end());
      collect_tags(e.highlights, out);
    }
  }
  return out;
}

void warn_unused_tags(const std::optional<std::vector<Text>>& list, const char* what,
                      const std::set<std::string>& present, Reader& r) {
  if (!list) return;
  std::vector<std::string> known(present.begin(), present.end());
  for (const Text& tag : *list) {
    if (present.count(tag.markup)) continue;
    std::string hint;
    if (auto m = closest_match(tag.markup, known))
      hint = "did you mean '" + *m + "'?";
    else if (known.empty())
      hint = "no item of this CV has tags";
    else
      hint = "the CV's tags are: " + [&] {
        std::string all;
        for (const std::string& k : known) all += (all.empty() ? "" : ", ") + k;
        return all;
      }();
    r.warning(tag.loc, std::string("the tag '") + tag.markup + "' in " + what +
                           " is on no section, entry or highlight (a typo?)",
              hint);
  }
}

struct Filter {
  std::set<std::string> include, exclude;
  bool has_include = false;

  bool keeps(const std::vector<std::string>& tags) const {
    for (const std::string& t : tags)
      if (exclude.count(t)) return false;
    if (!has_include || tags.empty()) return true;
    return std::any_of(tags.begin(), tags.end(), [&](const std::string& t) { return include.count(t) > 0; });
  }

  void apply(std::vector<Highlight>& hs) const {
    std::erase_if(hs, [&](const Highlight& h) { return !keeps(h.tags); });
    for (Highlight& h : hs) apply(h.children);
  }
};

Filter make_filter(const Selection& sel) {
  Filter f;
  if (sel.include_tags) {
    f.has_include = true;
    for (const Text& t : *sel.include_tags) f.include.insert(t.markup);
  }
  if (sel.exclude_tags)
    for (const Text& t : *sel.exclude_tags) f.exclude.insert(t.markup);
  return f;
}

// Checks `sel.sections` against the document's sections (before filtering); returns false
// after reporting a name that is not there, or one named twice.
bool check_section_names(const Document& doc, const Selection& sel, Reader& r) {
  std::vector<std::string> keys;
  for (const Section& s : doc.cv.sections) keys.push_back(s.key);
  std::set<std::string> named;
  bool ok = true;
  for (const Text& name : *sel.sections) {
    if (std::find(keys.begin(), keys.end(), name.markup) == keys.end()) {
      r.error(name.loc, "the CV has no section '" + name.markup + "'", unknown_name_hint(name.markup, keys));
      ok = false;
    } else if (!named.insert(name.markup).second) {
      r.error(name.loc, "the section '" + name.markup + "' is listed twice");
      ok = false;
    }
  }
  return ok;
}

}  // namespace

void apply_selection(Document& doc, const Selection& sel, Reader& r) {
  if (sel.empty()) return;
  std::set<std::string> present = all_tags(doc);
  warn_unused_tags(sel.include_tags, "include_tags", present, r);
  warn_unused_tags(sel.exclude_tags, "exclude_tags", present, r);
  if (sel.sections && !check_section_names(doc, sel, r)) return;

  Filter f = make_filter(sel);
  std::vector<Section>& sections = doc.cv.sections;
  std::erase_if(sections, [&](const Section& s) { return !f.keeps(s.tags); });
  for (Section& s : sections) {
    std::erase_if(s.entries, [&](const Entry& e) { return !f.keeps(e.tags); });
    for (Entry& e : s.entries) f.apply(e.highlights);
  }
  std::erase_if(sections, [](const Section& s) { return s.entries.empty(); });

  if (!sel.sections) return;
  std::vector<Section> ordered;
  for (const Text& name : *sel.sections)
    for (Section& s : sections)
      if (s.key == name.markup) ordered.push_back(std::move(s));
  sections = std::move(ordered);
}

}  // namespace vitae::load

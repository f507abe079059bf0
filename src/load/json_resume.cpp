#include "load/json_resume.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <string_view>
#include <vector>

#include "load/reader.h"
#include "load/social_networks.h"

namespace vitae::load {

namespace {

/// vitae's own top-level keys, passed through from a JSON Resume file unchanged, so that a
/// design, variants or settings can sit beside `basics`.
constexpr std::string_view kVitaeKeys[] = {"design",       "locale",       "settings", "variants", "extends",
                                           "include_tags", "exclude_tags", "set"};

YNode scalar(std::string value, SourceLoc loc) {
  YNode n;
  n.kind = YNode::Kind::Scalar;
  n.value = std::move(value);
  n.loc = loc;
  return n;
}

YNode collection(YNode::Kind kind, SourceLoc loc) {
  YNode n;
  n.kind = kind;
  n.loc = loc;
  return n;
}

void put(YNode& map, std::string key, YNode value) {
  SourceLoc loc = value.loc;
  map.entries.emplace_back(scalar(std::move(key), loc), std::move(value));
}

/// The text of a scalar field, or "" when it is absent, null or not a scalar.
std::string text_of(const YNode& map, std::string_view key) {
  const YNode* v = find_field(map, key);
  return v && v->is_scalar() ? v->value : std::string();
}

/// "[text](url)" when there is a URL, so that the name links to it in the PDF.
std::string linked(const std::string& text, const std::string& url) {
  if (url.empty() || text.empty()) return text;
  return "[" + text + "](" + url + ")";
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

/// RenderCV's spelling of a network JSON Resume names ("github", "Google scholar"), or "".
/// JSON Resume's samples call X by its old name.
std::string known_network(std::string_view network) {
  auto fold = [](std::string_view s) {
    std::string out;
    for (char c : s)
      if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  std::string wanted = fold(network);
  if (wanted == "twitter") return "X";
  for (const std::string& name : social_network_names())
    if (fold(name) == wanted) return name;
  return {};
}

/// One JSON Resume object being turned into one entry: reads its fields, remembers which
/// were used, and warns about the others when done.
class Item {
 public:
  Item(const YNode& node, std::string where, const std::string& path, Diagnostics& diags)
      : node_(node), where_(std::move(where)), path_(path), diags_(diags), out_(collection(YNode::Kind::Map, node.loc)) {}

  const YNode& node() const { return node_; }
  YNode& out() { return out_; }
  /// Set when a field the entry's RenderCV type needs is missing (see SectionMap::simplify).
  bool incomplete = false;

  /// The field's text ("" when absent), marking it used.
  std::string take(std::string_view key) {
    used_.emplace_back(key);
    return text_of(node_, key);
  }

  /// The field's node, marking it used; null when absent.
  const YNode* take_node(std::string_view key) {
    used_.emplace_back(key);
    return find_field(node_, key);
  }

  /// A list of strings ("" items dropped); an error for anything else.
  std::vector<std::string> take_strings(std::string_view key) {
    std::vector<std::string> out;
    const YNode* v = take_node(key);
    if (!v || v->is_null()) return out;
    if (!v->is_seq()) {
      diags_.error(path_, v->loc, where_ + "." + std::string(key) + ": expected a list of strings, found " + kind_phrase(*v));
      return out;
    }
    for (const YNode& item : v->items) {
      if (item.is_scalar()) out.push_back(item.value);
      else if (!item.is_null())
        diags_.error(path_, item.loc, where_ + "." + std::string(key) + ": expected a string, found " + kind_phrase(item));
    }
    return out;
  }

  /// Sets `key` of the entry to `value` (when not empty), placed at `from`'s value.
  void set(std::string key, std::string value, std::string_view from) {
    if (value.empty()) return;
    const YNode* source = find_field(node_, from);
    put(out_, std::move(key), scalar(std::move(value), source ? source->loc : node_.loc));
  }

  /// Copies a field as it is (a list of highlights, say), for the readers to check.
  void copy(std::string key, std::string_view from) {
    const YNode* v = take_node(from);
    if (v && !v->is_null()) put(out_, std::move(key), *v);
  }

  /// start_date and end_date; an entry with a start and no end is ongoing.
  void dates() {
    std::string start = take("startDate"), end = take("endDate");
    set("start_date", start, "startDate");
    if (!end.empty()) set("end_date", end, "endDate");
    else if (!start.empty()) set("end_date", "present", "startDate");
  }

  /// Warns about every field not used; vitae's `tags` is passed through.
  void finish() {
    copy("tags", "tags");
    for (const auto& [key, value] : node_.entries) {
      if (!key.is_scalar() || std::find(used_.begin(), used_.end(), key.value) != used_.end()) continue;
      diags_.warning(path_, key.loc, "the JSON Resume field '" + where_ + "." + key.value + "' has no place in vitae's CV; it is left out",
                     "if it belongs in the CV, put it into the summary or the highlights");
    }
  }

 private:
  const YNode& node_;
  std::string where_;
  const std::string& path_;
  Diagnostics& diags_;
  YNode out_;
  std::vector<std::string> used_;
};

using ItemMapper = std::function<void(Item&)>;
using Simplifier = void (*)(YNode& entry);

/// One JSON Resume list (`work`, `skills`, ...) and the section it becomes.
struct SectionMap {
  std::string_view json_key;
  std::string_view section;  ///< the RenderCV section key; its title comes from it
  ItemMapper map;
  /// JSON Resume requires no field, RenderCV's entry types do, and a section holds entries
  /// of one type: when one item lacks a field its type needs, every entry of the section is
  /// turned into the simpler type this makes (nothing lost, fields joined into the name).
  Simplifier simplify = nullptr;
};

/// The entry's field `key` taken out of it ("" when absent), and its place.
std::string take_out(YNode& entry, std::string_view key, SourceLoc* loc = nullptr) {
  auto it = std::find_if(entry.entries.begin(), entry.entries.end(),
                         [&](const auto& e) { return e.first.value == key; });
  if (it == entry.entries.end()) return {};
  if (loc) *loc = it->second.loc;
  std::string value = it->second.value;
  entry.entries.erase(it);
  return value;
}

/// Puts `name` first in the entry, as the field that makes it a NormalEntry.
void set_name(YNode& entry, std::string name, SourceLoc loc) {
  if (name.empty()) name = "-";
  entry.entries.insert(entry.entries.begin(), {scalar("name", loc), scalar(std::move(name), loc)});
}

void experience_like(Item& e, std::string_view organisation) {
  std::string name = linked(e.take(organisation), e.take("url")), position = e.take("position");
  e.incomplete = name.empty() || position.empty();
  e.set("company", name, organisation);
  e.set("position", position, "position");
  e.set("location", e.take("location"), "location");
  e.dates();
  e.set("summary", e.take("summary"), "summary");
  e.copy("highlights", "highlights");
}

/// An ExperienceEntry as a NormalEntry named "Position, Company".
void experience_to_normal(YNode& entry) {
  SourceLoc loc = entry.loc;
  std::string company = take_out(entry, "company", &loc), position = take_out(entry, "position");
  set_name(entry, joined({position, company}, ", "), loc);
}

void education(Item& e) {
  std::string institution = linked(e.take("institution"), e.take("url"));
  std::string area = e.take("area"), degree = e.take("studyType");
  e.incomplete = institution.empty() || area.empty();
  e.set("institution", institution, "institution");
  e.set("area", area, "area");
  e.set("degree", degree, "studyType");
  e.dates();
  std::string score = e.take("score");
  std::vector<std::string> courses = e.take_strings("courses");
  YNode highlights = collection(YNode::Kind::Sequence, e.node().loc);
  if (!score.empty()) highlights.items.push_back(scalar("Score: " + score, find_field(e.node(), "score")->loc));
  const YNode* course_list = find_field(e.node(), "courses");
  for (std::string& c : courses) highlights.items.push_back(scalar(std::move(c), course_list->loc));
  if (!highlights.items.empty()) put(e.out(), "highlights", std::move(highlights));
}

void award(Item& e) {
  e.set("name", joined({e.take("title"), e.take("awarder")}, ", "), "title");
  e.set("date", e.take("date"), "date");
  e.set("summary", e.take("summary"), "summary");
}

void certificate(Item& e) {
  std::string name = linked(e.take("name"), e.take("url"));
  e.set("name", joined({name, e.take("issuer")}, ", "), "name");
  e.set("date", e.take("date"), "date");
}

void project(Item& e) {
  e.set("name", linked(e.take("name"), e.take("url")), "name");
  e.dates();
  e.set("summary", e.take("description"), "description");
  e.copy("highlights", "highlights");
}

void reference(Item& e) {
  e.set("name", e.take("name"), "name");
  e.set("summary", e.take("reference"), "reference");
}

/// An EducationEntry as a NormalEntry named "Degree, Area, Institution".
void education_to_normal(YNode& entry) {
  SourceLoc loc = entry.loc;
  std::string institution = take_out(entry, "institution", &loc);
  std::string area = take_out(entry, "area"), degree = take_out(entry, "degree");
  set_name(entry, joined({degree, area, institution}, ", "), loc);
}

/// A one-line entry: `label: details`. Skills show their level after the keywords.
void one_line(Item& e, std::string_view label_key, std::string_view details_key) {
  std::string label = e.take(label_key), details;
  if (details_key == "keywords") {
    details = joined(e.take_strings("keywords"), ", ");
    if (std::string level = e.take("level"); !level.empty())
      details = details.empty() ? level : details + " (" + level + ")";
  } else {
    details = e.take(details_key);
  }
  e.incomplete = label.empty() || details.empty();
  e.set("label", label, label_key);
  e.set("details", details, details_key);
}

/// A OneLineEntry as a NormalEntry named "Label: details" (or either alone).
void one_line_to_normal(YNode& entry) {
  SourceLoc loc = entry.loc;
  std::string label = take_out(entry, "label", &loc), details = take_out(entry, "details");
  set_name(entry, label.empty() || details.empty() ? label + details : label + ": " + details, loc);
}

/// A PublicationEntry (without authors) as a NormalEntry named by its title.
void publication_to_normal(YNode& entry) {
  SourceLoc loc = entry.loc;
  std::string title = take_out(entry, "title", &loc), url = take_out(entry, "url"), journal = take_out(entry, "journal");
  take_out(entry, "authors");
  set_name(entry, joined({linked(title, url), journal}, ", "), loc);
}

const std::vector<SectionMap>& section_maps() {
  static const std::vector<SectionMap> maps = {
      {"work", "experience", [](Item& e) { experience_like(e, "name"); }, experience_to_normal},
      {"volunteer", "volunteer", [](Item& e) { experience_like(e, "organization"); }, experience_to_normal},
      {"education", "education", education, education_to_normal},
      {"awards", "awards", award},
      {"certificates", "certificates", certificate},
      {"publications", "publications", nullptr, publication_to_normal},  // see publication()
      {"skills", "skills", [](Item& e) { one_line(e, "name", "keywords"); }, one_line_to_normal},
      {"languages", "languages", [](Item& e) { one_line(e, "language", "fluency"); }, one_line_to_normal},
      {"interests", "interests", [](Item& e) { one_line(e, "name", "keywords"); }, one_line_to_normal},
      {"references", "references", reference},
      {"projects", "projects", project},
  };
  return maps;
}

/// JSON Resume has no authors; RenderCV's PublicationEntry needs them. The CV's owner is
/// taken for the author, as a person's list of their own publications implies.
void publication(Item& e, const std::string& owner) {
  std::string title = e.take("name");
  e.incomplete = title.empty() || owner.empty();
  e.set("title", title, "name");
  if (!owner.empty()) {
    YNode authors = collection(YNode::Kind::Sequence, e.node().loc);
    authors.items.push_back(scalar(owner, e.node().loc));
    put(e.out(), "authors", std::move(authors));
  }
  e.set("journal", e.take("publisher"), "publisher");
  e.set("date", e.take("releaseDate"), "releaseDate");
  e.set("url", e.take("url"), "url");
  e.set("summary", e.take("summary"), "summary");
}

class Converter {
 public:
  Converter(const std::string& path, Diagnostics& diags) : path_(path), diags_(diags) {}

  YNode convert(const YNode& root) {
    YNode out = collection(YNode::Kind::Map, root.loc);
    YNode cv = collection(YNode::Kind::Map, root.loc);
    YNode sections = collection(YNode::Kind::Map, root.loc);
    const YNode* basics = find_field(root, "basics");
    if (basics) read_basics(*basics, cv, sections);
    std::string owner = basics && basics->is_map() ? text_of(*basics, "name") : "";
    for (const SectionMap& m : section_maps()) {
      const YNode* list = find_field(root, m.json_key);
      if (!list || list->is_null()) continue;
      ItemMapper map = m.map ? m.map : [&owner](Item& e) { publication(e, owner); };
      if (YNode entries = read_list(*list, m, map); !entries.items.empty())
        put(sections, std::string(m.section), std::move(entries));
    }
    if (!sections.entries.empty()) put(cv, "sections", std::move(sections));
    put(out, "cv", std::move(cv));
    pass_through_and_warn(root, out);
    return out;
  }

 private:
  void read_basics(const YNode& basics, YNode& cv, YNode& sections) {
    if (!basics.is_map()) {
      diags_.error(path_, basics.loc, std::string("basics: expected a mapping, found ") + kind_phrase(basics));
      return;
    }
    Item b(basics, "basics", path_, diags_);
    b.set("name", b.take("name"), "name");
    b.set("headline", b.take("label"), "label");
    b.set("email", b.take("email"), "email");
    b.set("phone", b.take("phone"), "phone");
    b.set("website", b.take("url"), "url");
    photo(b);
    if (const YNode* location = b.take_node("location"); location && !location->is_null()) read_location(*location, b);
    if (const YNode* profiles = b.take_node("profiles"); profiles && !profiles->is_null()) read_profiles(*profiles, b.out());
    std::string summary = b.take("summary");
    b.finish();
    for (auto& entry : b.out().entries) cv.entries.push_back(std::move(entry));
    if (!summary.empty()) {
      YNode list = collection(YNode::Kind::Sequence, find_field(basics, "summary")->loc);
      list.items.push_back(scalar(summary, list.loc));
      put(sections, "summary", std::move(list));
    }
  }

  /// A photo is a file beside the CV; a web address cannot be read (vitae fetches nothing).
  void photo(Item& b) {
    std::string image = b.take("image");
    if (image.empty()) return;
    if (image.starts_with("http://") || image.starts_with("https://")) {
      diags_.warning(path_, find_field(b.node(), "image")->loc,
                     "basics.image is a web address; vitae reads a photo only from a file, so it is left out",
                     "download it beside the CV and name the file in basics.image");
      return;
    }
    b.set("photo", image, "image");
  }

  /// "City, Region, CountryCode"; a street address and postal code have no place in the header.
  void read_location(const YNode& location, Item& b) {
    if (!location.is_map()) {
      diags_.error(path_, location.loc, std::string("basics.location: expected a mapping, found ") + kind_phrase(location));
      return;
    }
    Item l(location, "basics.location", path_, diags_);
    std::string text = joined({l.take("city"), l.take("region"), l.take("countryCode")}, ", ");
    l.finish();
    if (!text.empty()) put(b.out(), "location", scalar(text, location.loc));
  }

  /// Networks RenderCV knows become social_networks; others, custom_connections.
  void read_profiles(const YNode& profiles, YNode& cv) {
    if (!profiles.is_seq()) {
      diags_.error(path_, profiles.loc, std::string("basics.profiles: expected a list, found ") + kind_phrase(profiles));
      return;
    }
    YNode social = collection(YNode::Kind::Sequence, profiles.loc);
    YNode custom = collection(YNode::Kind::Sequence, profiles.loc);
    for (const YNode& node : profiles.items) {
      if (!node.is_map()) {
        diags_.error(path_, node.loc, std::string("basics.profiles item: expected a mapping, found ") + kind_phrase(node));
        continue;
      }
      Item p(node, "basics.profiles", path_, diags_);
      std::string network = p.take("network"), username = p.take("username"), url = p.take("url");
      std::string known = known_network(network);
      if (!known.empty() && !username.empty() && !check_username(known, username)) {
        p.set("network", known, "network");
        p.set("username", username, "username");
        social.items.push_back(std::move(p.out()));
      } else {
        p.set("placeholder", username.empty() ? network : network + ": " + username, username.empty() ? "network" : "username");
        p.set("url", url, "url");
        custom.items.push_back(std::move(p.out()));
      }
      p.finish();
    }
    if (!social.items.empty()) put(cv, "social_networks", std::move(social));
    if (!custom.items.empty()) put(cv, "custom_connections", std::move(custom));
  }

  YNode read_list(const YNode& list, const SectionMap& section, const ItemMapper& map) {
    std::string_view key = section.json_key;
    YNode entries = collection(YNode::Kind::Sequence, list.loc);
    bool simplify = false;
    if (!list.is_seq()) {
      diags_.error(path_, list.loc, std::string(key) + ": expected a list, found " + kind_phrase(list));
      return entries;
    }
    for (const YNode& node : list.items) {
      if (!node.is_map()) {
        diags_.error(path_, node.loc, std::string(key) + " item: expected a mapping, found " + kind_phrase(node));
        continue;
      }
      Item e(node, std::string(key), path_, diags_);
      map(e);
      e.finish();
      simplify = simplify || e.incomplete;
      entries.items.push_back(std::move(e.out()));
    }
    if (simplify && section.simplify)
      for (YNode& entry : entries.items) section.simplify(entry);
    return entries;
  }

  void pass_through_and_warn(const YNode& root, YNode& out) {
    for (const auto& [key, value] : root.entries) {
      if (!key.is_scalar()) continue;
      std::string_view k = key.value;
      if (std::find(std::begin(kVitaeKeys), std::end(kVitaeKeys), k) != std::end(kVitaeKeys)) {
        out.entries.emplace_back(key, value);
        continue;
      }
      bool mapped = k == "basics" || k == "$schema" ||
                    std::any_of(section_maps().begin(), section_maps().end(),
                                [&](const SectionMap& m) { return m.json_key == k; });
      if (!mapped)
        diags_.warning(path_, key.loc, "the JSON Resume field '" + key.value + "' has no place in vitae's CV; it is left out",
                       k == "meta" ? "meta describes the file (its version and date), not the CV" : "");
    }
  }

  const std::string& path_;
  Diagnostics& diags_;
};

}  // namespace

bool is_json_resume(const YNode& root) {
  return root.is_map() && find_field(root, "basics") && !find_field(root, "cv");
}

YNode from_json_resume(const YNode& root, const std::string& path, Diagnostics& diags) {
  return Converter(path, diags).convert(root);
}

}  // namespace vitae::load

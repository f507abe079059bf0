#include "load/section_reader.h"

#include <algorithm>

#include "load/did_you_mean.h"
#include "load/entry_kind_detect.h"
#include "load/entry_reader.h"
#include "load/section_title.h"

namespace vitae::load {

namespace {

std::vector<std::string> keys_of(const YNode& map) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : map.entries)
    if (k.is_scalar()) keys.push_back(k.value);
  return keys;
}

/// The type of one entry node, or nothing when it cannot be told.
std::optional<EntryKind> kind_of(const YNode& entry) {
  if (entry.is_scalar()) return EntryKind::Text;
  if (entry.is_map()) return detect_entry_kind(keys_of(entry));
  return std::nullopt;
}

/// All the keys any entry type accepts: the candidates for an unidentifiable entry's hint.
std::vector<std::string> all_entry_keys() {
  std::vector<std::string> out;
  for (const EntrySchema& s : entry_schemas())
    for (const std::string& k : s.characteristic) out.push_back(k);
  return out;
}

void report_unknown_entry(const YNode& entry, Reader& r) {
  if (entry.is_null()) {
    r.error(entry.loc, "an entry cannot be empty");
    return;
  }
  if (!entry.is_map()) {
    r.error(entry.loc, "an entry must be a string or a mapping, found " + std::string(kind_phrase(entry)));
    return;
  }
  std::string hint = "an entry needs one of: institution, company, name, title, label, bullet, "
                     "number or reversed_number";
  for (const std::string& k : keys_of(entry))
    if (auto m = closest_match(k, all_entry_keys())) {
      hint = "'" + k + "': did you mean '" + *m + "'?";
      break;
    }
  r.error(entry.loc, "this entry does not match any entry type", hint);
}

void read_entries(const YNode& list, Section& section, Reader& r) {
  if (!list.is_seq()) {
    r.type_error(list, "section '" + section.key + "'", "a list of entries");
    return;
  }
  std::optional<EntryKind> kind;
  for (const YNode& entry : list.items)
    if ((kind = kind_of(entry))) break;
  if (kind) section.kind = *kind;
  for (const YNode& entry : list.items) {
    std::optional<EntryKind> k = kind_of(entry);
    if (!k) {
      report_unknown_entry(entry, r);
    } else if (*k != section.kind) {
      r.error(entry.loc, std::string("this entry is a") + (entry_kind_name(*k)[0] == 'E' ? "n " : " ") +
                             entry_kind_name(*k) + " but the section '" + section.key + "' holds " +
                             entry_kind_name(section.kind) + " entries",
              "a section holds entries of one type; move this entry to its own section");
    } else if (*k == EntryKind::Text) {
      Entry e;
      e.kind = EntryKind::Text;
      e.loc = entry.loc;
      e.text = {entry.value, entry.loc};
      section.entries.push_back(std::move(e));
    } else {
      section.entries.push_back(read_entry(entry, *k, r));
    }
  }
}

Section read_section(const YNode& key, const YNode& value, Reader& r) {
  Section s;
  s.key = key.value;
  s.title = section_title(key.value);
  s.loc = key.loc;
  if (value.is_map()) {  // vitae extension: {tags: [...], entries: [...]}
    bool has_entries = false;
    r.for_each_field(value, {"tags", "entries"}, "section '" + s.key + "'",
                     [&](const std::string& k, const YNode& v) {
                       if (k == "tags") {
                         s.tags = read_tags(v, r);
                       } else {
                         has_entries = true;
                         read_entries(v, s, r);
                       }
                     });
    if (!has_entries)
      r.error(value.loc, "section '" + s.key + "' has no 'entries'",
              "a section is a list of entries, or {tags: [...], entries: [...]}");
  } else if (value.is_null()) {
    r.error(key.loc, "section '" + s.key + "' is empty", "give it a list of entries, or remove it");
  } else {
    read_entries(value, s, r);
  }
  return s;
}

}  // namespace

std::vector<Section> read_sections(const YNode& node, Reader& r) {
  std::vector<Section> out;
  if (!r.expect_map(node, "sections")) return out;
  std::vector<std::string> seen;
  for (const auto& [key, value] : node.entries) {
    if (!key.is_scalar()) {
      r.error(key.loc, std::string("a section title must be a string, found ") + kind_phrase(key));
      continue;
    }
    if (std::find(seen.begin(), seen.end(), key.value) != seen.end()) {
      r.error(key.loc, "duplicate section '" + key.value + "'");
      continue;
    }
    seen.push_back(key.value);
    out.push_back(read_section(key, value, r));
  }
  return out;
}

}  // namespace vitae::load

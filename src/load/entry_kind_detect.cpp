#include "load/entry_kind_detect.h"

#include <algorithm>

namespace vitae::load {

namespace {

std::vector<std::string> with_common(std::vector<std::string> own, bool complex) {
  std::vector<std::string> common = complex ? std::vector<std::string>{"date", "start_date", "end_date",
                                                                       "location", "summary", "highlights"}
                                            : std::vector<std::string>{};
  own.insert(own.end(), common.begin(), common.end());
  own.push_back("tags");
  return own;
}

}  // namespace

const std::vector<EntrySchema>& entry_schemas() {
  static const std::vector<EntrySchema> schemas = {
      {EntryKind::OneLine, {"label", "details"}, {"label", "details"}, with_common({"label", "details"}, false)},
      {EntryKind::Normal, {"name"}, {"name"}, with_common({"name"}, true)},
      {EntryKind::Experience, {"company", "position"}, {"company", "position"},
       with_common({"company", "position"}, true)},
      {EntryKind::Education, {"institution", "area", "degree"}, {"institution", "area"},
       with_common({"institution", "area", "degree"}, true)},
      {EntryKind::Publication, {"title", "authors", "doi", "url", "journal"}, {"title", "authors"},
       with_common({"title", "authors", "doi", "url", "journal", "date", "summary"}, false)},
      {EntryKind::Bullet, {"bullet"}, {"bullet"}, with_common({"bullet"}, false)},
      {EntryKind::Numbered, {"number"}, {"number"}, with_common({"number"}, false)},
      {EntryKind::ReversedNumbered, {"reversed_number"}, {"reversed_number"},
       with_common({"reversed_number"}, false)},
  };
  return schemas;
}

const EntrySchema& schema_of(EntryKind kind) {
  for (const EntrySchema& s : entry_schemas())
    if (s.kind == kind) return s;
  return entry_schemas().front();
}

std::optional<EntryKind> detect_entry_kind(const std::vector<std::string>& keys) {
  for (const EntrySchema& s : entry_schemas())
    for (const std::string& k : keys)
      if (std::find(s.characteristic.begin(), s.characteristic.end(), k) != s.characteristic.end())
        return s.kind;
  return std::nullopt;
}

}  // namespace vitae::load

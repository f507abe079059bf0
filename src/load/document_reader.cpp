#include "load/document_reader.h"

#include "load/cv_reader.h"
#include "load/design_reader.h"
#include "load/locale_reader.h"

namespace vitae::load {

const std::vector<std::string> kTopLevelKeys = {"cv",           "design",       "locale",   "settings", "extends",
                                                "variants",     "include_tags", "exclude_tags",
                                                "sections",     "set"};

std::optional<Document> read_document(const YNode& root, Reader& r) {
  if (root.is_null()) {
    r.error({1, 1}, "the file holds no CV: it is empty or only comments", "a CV needs at least 'cv:' with a 'name:'");
    return std::nullopt;
  }
  if (!root.is_map()) {
    r.error(root.loc, std::string("the top level must be a mapping with the keys cv, design, locale and settings, found ") +
                          kind_phrase(root));
    return std::nullopt;
  }
  Document doc;
  doc.path = r.path();
  const YNode* cv = nullptr;
  const YNode* design = nullptr;
  const YNode* locale = nullptr;
  const YNode* settings = nullptr;
  r.for_each_field(root, kTopLevelKeys, "the top level", [&](const std::string& key, const YNode& v) {
    if (key == "cv") cv = &v;
    else if (key == "design") design = &v;
    else if (key == "locale") locale = &v;
    else if (key == "settings") settings = &v;
  });
  if (!cv)
    r.error(root.loc, "the file has no 'cv' key", "the CV's content goes under 'cv:'");
  else
    doc.cv = read_cv(*cv, r);
  doc.design = read_design(design, r);
  doc.locale = read_locale(locale, r);
  doc.settings = read_settings(settings, r);
  return doc;
}

}  // namespace vitae::load

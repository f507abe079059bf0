// The loader's driver: raw checks, YAML tree, then each top-level key's reader.
#include "load/load.h"

#include "load/cv_reader.h"
#include "load/design_reader.h"
#include "load/input_checks.h"
#include "load/locale_reader.h"
#include "load/reader.h"
#include "load/yaml_tree.h"

namespace vitae {

namespace {

using load::YNode;

const std::vector<std::string> kTopLevelKeys = {"cv", "design", "locale", "settings"};

std::optional<Document> read_document(const SourceFile& source, const YNode& root, Diagnostics& diags) {
  load::Reader r(source.path, diags, source.text);
  if (root.is_null()) {
    r.error({1, 1}, "the file holds no CV: it is empty or only comments", "a CV needs at least 'cv:' with a 'name:'");
    return std::nullopt;
  }
  if (!root.is_map()) {
    r.error(root.loc, std::string("the top level must be a mapping with the keys cv, design, locale and settings, found ") +
                          load::kind_phrase(root));
    return std::nullopt;
  }
  Document doc;
  doc.path = source.path;
  const YNode* cv = nullptr;
  const YNode* design = nullptr;
  const YNode* locale = nullptr;
  const YNode* settings = nullptr;
  r.for_each_field(root, kTopLevelKeys, "the top level", [&](const std::string& key, const YNode& v) {
    if (key == "cv") cv = &v;
    else if (key == "design") design = &v;
    else if (key == "locale") locale = &v;
    else settings = &v;
  });
  if (!cv)
    r.error(root.loc, "the file has no 'cv' key", "the CV's content goes under 'cv:'");
  else
    doc.cv = load::read_cv(*cv, r);
  doc.design = load::read_design(design, r);
  doc.locale = load::read_locale(locale, r);
  doc.settings = load::read_settings(settings, r);
  return doc;
}

}  // namespace

std::optional<Document> load_document(const SourceFile& source, Diagnostics& diags, const LoadOptions& options) {
  std::size_t errors_before = diags.error_count();
  try {
    if (auto problem = load::check_input(source.text, options.max_bytes)) {
      diags.error(source.path, problem->loc, problem->message, problem->hint);
      return std::nullopt;
    }
    std::optional<YNode> root = load::parse_yaml_tree(source.text, source.path, diags);
    if (!root) return std::nullopt;
    std::optional<Document> doc = read_document(source, *root, diags);
    if (!doc || diags.error_count() != errors_before) return std::nullopt;
    return doc;
  } catch (const std::exception& e) {
    // Nothing below should throw; if it does, the user still gets a message, not a crash.
    diags.error(source.path, {}, std::string("internal error while reading the CV: ") + e.what());
    return std::nullopt;
  }
}

}  // namespace vitae

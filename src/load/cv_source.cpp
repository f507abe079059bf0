// CvSource: a CV with the files it extends, parsed once; documents read from it on demand.
#include <algorithm>
#include <filesystem>

#include "load/did_you_mean.h"
#include "load/document_reader.h"
#include "load/input_checks.h"
#include "load/load.h"
#include "load/photo.h"
#include "load/project_root.h"
#include "load/font_paths.h"
#include "load/tree_edit.h"
#include "load/variants.h"
#include "load/json_resume.h"
#include "load/yaml_tree.h"

namespace vitae {

namespace load {

/// What a CvSource holds; shared, immutable after open.
struct CvSourceData {
  std::vector<SourceFile> files;
  std::size_t disk_files = 0;  ///< files[0 .. disk_files) were read from disk (or stdin)
  bool main_from_stdin = false;
  YNode root;                  ///< the merged tree, `extends` removed, nothing set yet
  Selection selection;         ///< the top level's include_tags, exclude_tags, sections
  std::vector<SetValue> set;   ///< the top level's set
  std::vector<Variant> variants;
  SourceLoc variants_loc;
  std::vector<SetValue> overrides;  ///< --set, last
  FileReader read_image;            ///< LoadOptions::read_image, for cv.photo
  std::string project_root;         ///< the project root, canonical (project_root.h)
};

namespace {

constexpr std::size_t kMaxExtendsChain = 16;

namespace fs = std::filesystem;

// The file's resolved absolute path (symbolic links followed), to tell files apart.
std::string identity(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  if (ec) p = fs::absolute(path, ec).lexically_normal();
  return p.string();
}

std::vector<Reader::File> reader_files(const std::vector<SourceFile>& files) {
  std::vector<Reader::File> out;
  for (const SourceFile& f : files) out.push_back({f.path, f.text});
  return out;
}

// Opens one CV: parses each file of its extends chain and merges them.
class Opener {
 public:
  Opener(Diagnostics& diags, const LoadOptions& options, CvSourceData& data)
      : diags_(diags), options_(options), data_(data) {}

  std::optional<YNode> parse(int index) {
    const SourceFile& f = data_.files[index];
    if (auto problem = check_input(f.text, options_.max_bytes)) {
      diags_.error(f.path, {problem->loc.line, problem->loc.column, index}, problem->message, problem->hint);
      return std::nullopt;
    }
    // Parsed with diagnostics of its own, so that their positions name this file.
    Diagnostics parse_diags;
    std::optional<YNode> root = parse_yaml_tree(f.text, f.path, parse_diags);
    // A JSON Resume file (here or extended) is read as the RenderCV CV it maps to.
    if (root && is_json_resume(*root)) root = from_json_resume(*root, f.path, parse_diags);
    for (Diagnostic d : parse_diags.all()) {
      d.loc.file = index;
      diags_.add(std::move(d));
    }
    if (!root) return root;
    if (auto problem = check_string_lengths(*root)) {
      diags_.error(f.path, {problem->loc.line, problem->loc.column, index}, problem->message, problem->hint);
      return std::nullopt;
    }
    set_file(*root, index);
    return root;
  }

  /// Replaces `tree` (of file `index`) by itself laid over the file it extends, to the end
  /// of the chain. `chain` holds the absolute paths of the files on the way, for cycles.
  bool resolve_extends(YNode& tree, int index, std::vector<std::string>& chain) {
    if (!tree.is_map()) return true;
    auto it = std::find_if(tree.entries.begin(), tree.entries.end(),
                           [](const auto& e) { return e.first.is_scalar() && e.first.value == "extends"; });
    if (it == tree.entries.end()) return true;
    YNode value = std::move(it->second);
    tree.entries.erase(it);
    const std::string naming = data_.files[index].path;
    auto fail = [&](std::string message, std::string hint = {}) {
      diags_.error(naming, value.loc, std::move(message), std::move(hint));
      return false;
    };
    if (!value.is_scalar() || value.value.empty())
      return fail(std::string("extends: expected the path of the CV this file builds on, found ") + kind_phrase(value),
                  "write it relative to this file: extends: ../cv.yaml");
    fs::path dir = index == 0 && data_.main_from_stdin ? fs::path() : fs::path(naming).parent_path();
    // Joined, not normalised: "apps/../cv.yaml" is what the system opens (apps may be a
    // symbolic link, so dropping "apps/.." could name another file), as a C compiler
    // names "../x.h" included from apps/. Cycles are found on the resolved path.
    std::string path = (dir / value.value).string();
    std::string absolute = identity(path);
    if (std::find(chain.begin(), chain.end(), absolute) != chain.end()) {
      std::string cycle;
      for (std::size_t i = 0; i < data_.files.size() && i <= static_cast<std::size_t>(index); ++i)
        cycle += data_.files[i].path + " -> ";
      return fail("the files extend each other in a cycle: " + cycle + path,
                  "a chain of extends must end at a CV that extends nothing");
    }
    if (chain.size() >= kMaxExtendsChain)
      return fail("the chain of extends is longer than " + std::to_string(kMaxExtendsChain) + " files");
    if (auto why = outside_root(path, data_.project_root)) return fail(*why, outside_root_hint());
    if (!options_.read_file) return fail("cannot read '" + path + "': this build reads no other files");
    std::string why;
    std::optional<std::string> text = options_.read_file(path, &why);
    if (!text) return fail("cannot read '" + path + "': " + why, "the path is relative to " + naming);
    int base_index = static_cast<int>(data_.files.size());
    data_.files.push_back({path, std::move(*text)});
    data_.disk_files = data_.files.size();
    std::optional<YNode> base = parse(base_index);
    if (!base) return false;
    chain.push_back(absolute);
    bool ok = resolve_extends(*base, base_index, chain);
    chain.pop_back();
    if (!ok) return false;
    if (!base->is_map()) return fail("'" + path + "' is not a CV: its top level is not a mapping");
    merge_over(*base, std::move(tree));
    tree = std::move(*base);
    return true;
  }

  /// `design.layout: FILE`: a layout file (the format of layouts/*.yaml, docs/layouts.md)
  /// under the CV's design, so that the CV's keys override the layout's. Its `extends:`
  /// names the built-in layout it starts from (as `design.theme` would).
  bool resolve_layout(YNode& root) {
    YNode* design = field_of(root, "design");
    if (!design || !design->is_map()) return true;
    auto it = std::find_if(design->entries.begin(), design->entries.end(),
                           [](const auto& e) { return e.first.is_scalar() && e.first.value == "layout"; });
    if (it == design->entries.end()) return true;
    YNode value = std::move(it->second);
    design->entries.erase(it);
    const std::string naming = data_.files[value.loc.file].path;
    auto fail = [&](SourceLoc loc, std::string message, std::string hint = {}) {
      diags_.error(data_.files[loc.file].path, loc, std::move(message), std::move(hint));
      return false;
    };
    if (!value.is_scalar() || value.value.empty())
      return fail(value.loc, std::string("design.layout: expected the path of a layout file, found ") + kind_phrase(value),
                  "write it relative to this file: layout: layouts/mine.yaml; a built-in layout is named by design.theme");
    bool from_stdin = value.loc.file == 0 && data_.main_from_stdin;
    std::string path = ((from_stdin ? fs::path() : fs::path(naming).parent_path()) / value.value).string();
    if (auto why = outside_root(path, data_.project_root)) return fail(value.loc, *why, outside_root_hint());
    if (!options_.read_file) return fail(value.loc, "cannot read '" + path + "': this build reads no other files");
    std::string why;
    std::optional<std::string> text = options_.read_file(path, &why);
    if (!text) return fail(value.loc, "cannot read '" + path + "': " + why, "the path is relative to " + naming);
    int index = static_cast<int>(data_.files.size());
    data_.files.push_back({path, std::move(*text)});
    data_.disk_files = data_.files.size();
    std::optional<YNode> layout = parse(index);
    if (!layout) return false;
    if (!layout->is_map())
      return fail({1, 1, index}, "'" + path + "' is not a layout: its top level is not a mapping",
                  "a layout file has the keys extends, description and design (see docs/layouts.md)");
    YNode base;
    base.kind = YNode::Kind::Map;
    base.loc = design->loc;
    const YNode* extends = nullptr;
    static const std::vector<std::string> keys = {"description", "extends", "design"};
    for (auto& [k, v] : layout->entries) {
      if (k.value == "design" && v.is_map()) {
        base = v;
      } else if (k.value == "design" && !v.is_null()) {
        return fail(v.loc, std::string("design: expected a mapping, found ") + kind_phrase(v));
      } else if (k.value == "extends") {
        extends = &v;
      } else if (k.value != "description") {
        return fail(k.loc, "unknown key '" + k.value + "' in layout file " + path, unknown_name_hint(k.value, keys));
      }
    }
    if (extends && !field_of(base, "theme")) {  // the built-in layout to start from
      YNode key;
      key.kind = YNode::Kind::Scalar;
      key.value = "theme";
      key.loc = extends->loc;
      base.entries.insert(base.entries.begin(), {std::move(key), *extends});
    }
    merge_over(base, std::move(*design));
    *design = std::move(base);
    return true;
  }

  static YNode* field_of(YNode& map, std::string_view key) {
    if (!map.is_map()) return nullptr;
    for (auto& [k, v] : map.entries)
      if (k.is_scalar() && k.value == key) return &v;
    return nullptr;
  }

  /// --set KEY=VALUE, one per line of a pseudo-file, so their diagnostics show the text.
  void read_overrides() {
    if (options_.overrides.empty()) return;
    int index = static_cast<int>(data_.files.size());
    SourceFile cmd{"<command line>", {}};
    for (const std::string& o : options_.overrides) cmd.text += "--set " + o + "\n";
    data_.files.push_back(std::move(cmd));
    for (std::size_t i = 0; i < options_.overrides.size(); ++i) {
      const std::string& o = options_.overrides[i];
      int line = static_cast<int>(i) + 1;
      constexpr int kKeyColumn = 7;  // after "--set "
      std::size_t eq = o.find('=');
      std::string why;
      std::optional<KeyPath> path =
          eq == std::string::npos ? std::nullopt
                                  : parse_key_path(std::string_view(o).substr(0, eq), {line, kKeyColumn, index}, &why);
      if (!path) {
        diags_.error(cmd_path(), {line, kKeyColumn, index},
                     eq == std::string::npos ? "--set needs KEY=VALUE, found '" + o + "'" : why,
                     "for example: --set design.page.size=us-letter");
        continue;
      }
      if (path->segments[0] != "cv" && path->segments[0] != "design" && path->segments[0] != "locale" &&
          path->segments[0] != "settings") {
        diags_.error(cmd_path(), path->locs[0],
                     "--set can change values under cv, design, locale and settings, not '" + path->segments[0] + "'",
                     unknown_name_hint(path->segments[0], {"cv", "design", "locale", "settings"}));
        continue;
      }
      YNode value;
      value.loc = {line, kKeyColumn + static_cast<int>(eq) + 1, index};
      if (eq + 1 < o.size()) {
        value.kind = YNode::Kind::Scalar;
        value.value = o.substr(eq + 1);
      }
      data_.overrides.push_back({std::move(*path), std::move(value)});
    }
  }

  void read_top_level() {
    if (!data_.root.is_map()) return;
    Reader r(reader_files(data_.files), diags_);
    for (const auto& [key, value] : data_.root.entries) {
      if (!key.is_scalar()) continue;
      if (key.value == "variants") {
        data_.variants = read_variants(value, r);
        data_.variants_loc = key.loc;
      } else if (key.value == "set") {
        data_.set = read_set(value, r);
      } else if (std::find(kSelectionKeys.begin(), kSelectionKeys.end(), key.value) != kSelectionKeys.end()) {
        read_selection_key(key.value, value, data_.selection, r);
      }
    }
  }

 private:
  static std::string cmd_path() { return "<command line>"; }

  Diagnostics& diags_;
  const LoadOptions& options_;
  CvSourceData& data_;
};

// The root the files named inside the CV must lie in (canonical): --root, else the default.
std::optional<std::string> project_root_of(const SourceFile& main, const LoadOptions& options, Diagnostics& diags) {
  std::string why;
  if (options.root.empty()) {  // the default never fails: resolved when it can be, else as found
    std::string found = default_project_root(main.path);
    return canonical_root(found, &why).value_or(found);
  }
  std::optional<std::string> root = canonical_root(options.root, &why);
  if (!root)
    diags.error(main.path, {}, "the project root '" + options.root + "' cannot be used: " + why,
                "--root names an existing folder that holds the CV's files");
  return root;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace
}  // namespace load

std::optional<CvSource> CvSource::open(const SourceFile& main, Diagnostics& diags, const LoadOptions& options) {
  std::size_t errors_before = diags.error_count();
  try {
    auto data = std::make_shared<load::CvSourceData>();
    data->files.push_back(main);
    data->disk_files = 1;
    data->main_from_stdin = main.path == "<stdin>" || main.path == "-";
    data->read_image = options.read_image;
    std::optional<std::string> project_root = load::project_root_of(main, options, diags);
    if (!project_root) return std::nullopt;
    data->project_root = std::move(*project_root);
    load::Opener opener(diags, options, *data);
    std::optional<load::YNode> root = opener.parse(0);
    if (!root) return std::nullopt;
    std::vector<std::string> chain;
    if (!data->main_from_stdin) chain.push_back(load::identity(main.path));
    if (!opener.resolve_extends(*root, 0, chain)) return std::nullopt;
    if (!opener.resolve_layout(*root)) return std::nullopt;
    data->root = std::move(*root);
    opener.read_overrides();
    opener.read_top_level();
    if (diags.error_count() != errors_before) return std::nullopt;
    CvSource source;
    source.data_ = std::move(data);
    return source;
  } catch (const std::exception& e) {
    // Nothing below should throw; if it does, the user still gets a message, not a crash.
    diags.error(main.path, {}, std::string("internal error while reading the CV: ") + e.what());
    return std::nullopt;
  }
}

const std::vector<SourceFile>& CvSource::files() const { return data_->files; }

std::vector<std::string> CvSource::dependencies() const {
  std::vector<std::string> out;
  for (std::size_t i = data_->main_from_stdin ? 1 : 0; i < data_->disk_files; ++i)
    out.push_back(data_->files[i].path);
  return out;
}

std::vector<std::string> CvSource::variant_names() const {
  std::vector<std::string> out;
  for (const load::Variant& v : data_->variants) out.push_back(v.name);
  return out;
}

std::optional<Document> CvSource::document(const std::string& variant, Diagnostics& diags) const {
  const load::CvSourceData& d = *data_;
  std::size_t errors_before = diags.error_count();
  try {
    load::Reader r(load::reader_files(d.files), diags);
    const load::Variant* v = nullptr;
    if (!variant.empty()) {
      auto it = std::find_if(d.variants.begin(), d.variants.end(), [&](const load::Variant& x) { return x.name == variant; });
      if (it == d.variants.end()) {
        std::vector<std::string> names = variant_names();
        std::string hint = names.empty() ? "it defines none: add a 'variants:' mapping"
                                         : "its variants are: " + load::joined(names);
        if (auto m = load::closest_match(variant, names)) hint = "did you mean '" + *m + "'? " + hint;
        diags.error(r.path_of(d.variants_loc), d.variants_loc,
                    "no variant named '" + variant + "' in " + d.files[0].path, hint);
        return std::nullopt;
      }
      v = &*it;
    }
    std::vector<const load::SetValue*> sets;
    for (const load::SetValue& s : d.set) sets.push_back(&s);
    if (v)
      for (const load::SetValue& s : v->set) sets.push_back(&s);
    for (const load::SetValue& s : d.overrides) sets.push_back(&s);
    const load::YNode* root = &d.root;
    load::YNode edited;
    if (!sets.empty()) {  // copied only when something is set
      edited = d.root;
      for (const load::SetValue* s : sets)
        if (auto e = load::set_at_path(edited, s->path, s->value)) r.error(e->loc, e->message, e->hint);
      root = &edited;
    }
    std::optional<Document> doc = load::read_document(*root, r);
    if (!doc) return std::nullopt;
    for (const SourceFile& f : d.files) doc->files.push_back(f.path);
    // Per document: a variant or --set may name another photo.
    load::attach_photo(*doc, {d.files, d.main_from_stdin, d.read_image, d.project_root}, r);
    load::check_font_paths(*doc, {d.files, d.main_from_stdin, d.project_root}, r);
    if (diags.error_count() == errors_before)
      load::apply_selection(*doc, v ? d.selection.overridden_by(v->selection) : d.selection, r);
    if (diags.error_count() != errors_before) return std::nullopt;
    return doc;
  } catch (const std::exception& e) {
    diags.error(d.files[0].path, {}, std::string("internal error while reading the CV: ") + e.what());
    return std::nullopt;
  }
}

}  // namespace vitae

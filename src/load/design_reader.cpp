#include "load/design_reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>

#include "load/builtin_layouts.h"
#include "load/design_keys.h"
#include "load/did_you_mean.h"
#include "load/load.h"
#include "load/tree_codec.h"
#include "load/yaml_tree.h"
#include "load/values.h"

namespace vitae::load {

namespace {

std::string join(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

/// The names that may follow `prefix` in a design path ("page" -> size, top_margin, ...).
std::vector<std::string> children_of(const std::string& prefix) {
  std::vector<std::string> out;
  std::string start = prefix.empty() ? "" : prefix + ".";
  for (const DesignKey& k : design_keys()) {
    if (k.path.compare(0, start.size(), start) != 0) continue;
    std::string rest = k.path.substr(start.size());
    std::string next = rest.substr(0, rest.find('.'));
    if (std::find(out.begin(), out.end(), next) == out.end()) out.push_back(next);
  }
  return out;
}

bool is_group(const std::string& path) { return find_design_key(path) == nullptr; }

/// Parses `v` as `key` wants and stores it; returns true when the stored value changed.
template <typename T>
bool store(void* field, T value) {
  T& f = *static_cast<T*>(field);
  bool changed = !(f == value);
  f = std::move(value);
  return changed;
}

// HarfBuzz's feature syntax, the common forms: [+-]tag[=N], the tag four letters, digits
// or spaces (hb_feature_from_string accepts more; the text stage skips what it cannot read).
bool is_feature_setting(const std::string& f) {
  std::size_t i = (!f.empty() && (f[0] == '+' || f[0] == '-')) ? 1 : 0;
  std::size_t tag_end = f.find('=', i);
  std::string tag = f.substr(i, tag_end == std::string::npos ? std::string::npos : tag_end - i);
  if (tag.size() != 4 || !std::all_of(tag.begin(), tag.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
    return false;
  if (tag_end == std::string::npos) return true;
  std::string n = f.substr(tag_end + 1);
  return !n.empty() && std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool store_value(const DesignKey& key, const YNode& v, Design& design, Reader& r) {
  std::string what = "design." + key.path;
  void* field = key.field(design);
  using V = DesignValue;
  if (key.type == V::Template && v.is_null()) return store(field, std::string());
  if (key.type == V::StringList || key.type == V::Features) {
    if (v.is_null()) return store(field, std::vector<std::string>{});
    auto list = r.string_list(v, what);
    if (!list) return false;
    if (key.type == V::Features)
      for (const std::string& f : *list)
        if (!is_feature_setting(f)) {
          r.error(v.loc, what + ": '" + f + "' is not an OpenType feature setting",
                  "write a four-letter tag, optionally with + or - before it or =N after it: onum, -liga, ss01=1");
          return false;
        }
    return store(field, *list);
  }
  if (key.type == V::Bool) {
    auto b = r.boolean(v, what);
    return b && store(field, *b);
  }
  auto s = r.string(v, what);
  if (!s) return false;
  std::string error;
  switch (key.type) {
    case V::Length: {
      auto len = parse_length(*s, &error);
      if (!len) break;
      return store(field, *len);
    }
    case V::AbsLength: {
      auto len = parse_length(*s, &error);
      if (!len) break;
      if (len->em != 0) {
        error = "'" + *s + "' must be an absolute length (pt, in, cm or mm), not em";
        break;
      }
      Abs& f = *static_cast<Abs*>(field);
      bool changed = f != len->abs;
      f = len->abs;
      return changed;
    }
    case V::Color: {
      auto c = parse_color(*s, &error);
      if (!c) break;
      return store(field, *c);
    }
    case V::Choice:
    case V::PageSize: {
      if (std::find(key.choices.begin(), key.choices.end(), *s) == key.choices.end()) {
        r.error(v.loc, what + ": '" + *s + "' is not one of the choices", unknown_name_hint(*s, key.choices));
        return false;
      }
      if (key.type == V::PageSize) {
        auto dims = page_dimensions(*s);
        design.page.width = dims->first;
        design.page.height = dims->second;
      }
      return store(field, *s);
    }
    case V::Fraction: {
      auto f = parse_fraction(*s, &error);
      if (!f) break;
      return store(field, *f);
    }
    case V::Font: {
      FontChoice& f = *static_cast<FontChoice*>(field);
      bool changed = f.family != *s;
      f = FontChoice{*s, v.loc};
      return changed;
    }
    default:
      return store(field, *s);
  }
  r.error(v.loc, what + ": " + error);
  return false;
}

void apply_leaf(const DesignKey& key, const YNode& key_node, const YNode& v, Design& design, Reader& r,
                bool warn_unapplied) {
  bool changed = store_value(key, v, design, r);
  if (!changed || key.applied || !warn_unapplied) return;
  std::string name = "design." + key.path;
  if (std::find(design.unapplied_keys.begin(), design.unapplied_keys.end(), name) == design.unapplied_keys.end())
    design.unapplied_keys.push_back(name);
  r.warning(key_node.loc, name + " is not applied yet",
            "vitae reads this key for compatibility with RenderCV but does not use it yet");
}

void apply_group(const YNode& map, const std::string& prefix, Design& design, Reader& r, bool warn) {
  std::vector<std::string> allowed = children_of(prefix);
  if (prefix.empty()) allowed.insert(allowed.begin(), {"theme", "layout"});
  std::string context = prefix.empty() ? "design" : "design." + prefix;
  r.for_each_entry(map, allowed, context, [&](const YNode& key, const YNode& v) {
    if (prefix.empty() && key.value == "theme") return;  // handled by read_design
    if (prefix.empty() && key.value == "layout")  // CvSource reads it when it opens the CV
      return r.error(key.loc, "design.layout can only be written in a CV file, not set by a variant or --set",
                     "a variant can pick a built-in layout with design.theme");
    std::string path = join(prefix, key.value);
    if (!is_group(path)) {
      apply_leaf(*find_design_key(path), key, v, design, r, warn);
      return;
    }
    if (path == "typography.font_family" && v.is_scalar()) {  // one family for every role
      for (const std::string& role : children_of(path))
        apply_leaf(*find_design_key(path + "." + role), key, v, design, r, warn);
      return;
    }
    if (r.expect_map(v, "design." + path)) apply_group(v, path, design, r, warn);
  });
}

const BuiltinLayout* find_builtin(std::string_view name) {
  for (const BuiltinLayout& l : builtin_layouts())
    if (l.name == name) return &l;
  return nullptr;
}

std::vector<std::string> builtin_names() {
  std::vector<std::string> out;
  for (const BuiltinLayout& l : builtin_layouts()) out.emplace_back(l.name);
  return out;
}

/// The layout name for a theme: every RenderCV theme has a built-in layout of its name.
std::string layout_for_theme(const YNode& theme, Reader& r) {
  auto name = r.string(theme, "design.theme");
  if (!name) return "classic";
  if (find_builtin(*name)) return *name;
  r.error(theme.loc, "unknown theme '" + *name + "'", unknown_name_hint(*name, builtin_names()));
  return "classic";
}

constexpr std::size_t kMaxLayoutChain = 8;

/// The design built-in layout `l` gives: Design{} defaults, then the layout it extends,
/// then its own `design:` mapping. Nothing, after reporting why, for a broken layout (never,
/// for the layouts the tests check).
std::optional<Design> parse_layout(const BuiltinLayout& l, Diagnostics& diags, std::size_t depth);

/// The design of built-in layout `name`. A layout is compiled-in text, so what it gives is
/// the same in every build: it is parsed once per process and kept, immutable (it was 7% of
/// every variant's build in a batch).
std::optional<Design> builtin_design(std::string_view name, Diagnostics& diags, std::size_t depth = 0) {
  static std::mutex mutex;
  static std::map<std::string, Design, std::less<>> parsed;
  const BuiltinLayout* l = find_builtin(name);
  if (!l) return std::nullopt;
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = parsed.find(name); it != parsed.end()) return it->second;
  }
  std::optional<Design> d = parse_layout(*l, diags, depth);
  if (!d) return std::nullopt;
  std::lock_guard<std::mutex> lock(mutex);
  parsed.emplace(std::string(name), *d);
  return d;
}

std::optional<Design> parse_layout(const BuiltinLayout& l, Diagnostics& diags, std::size_t depth) {
  std::string path = "layouts/" + std::string(l.name) + ".yaml";
  std::size_t errors = diags.error_count();
  Reader r(path, diags, l.text);
  // Parsed when vitae was compiled (cmake/embed_layouts.cpp): decoding costs a fraction of
  // parsing the text again.
  std::optional<YNode> root = decode_tree(l.tree);
  if (!root) {
    diags.error(path, {1, 1}, "the built-in layout's compiled tree is damaged", "rebuild vitae");
    return std::nullopt;
  }
  if (!r.expect_map(*root, path, false)) return std::nullopt;
  Design design;
  r.for_each_entry(*root, {"description", "extends", "design"}, path, [&](const YNode& key, const YNode& v) {
    if (key.value != "extends") return;
    auto base = r.string(v, "extends");
    if (!base) return;
    if (!find_builtin(*base) || *base == l.name || depth >= kMaxLayoutChain)
      return r.error(v.loc, "layout '" + std::string(l.name) + "' extends '" + *base + "', which is no other built-in layout",
                     unknown_name_hint(*base, builtin_names()));
    if (auto d = builtin_design(*base, diags, depth + 1)) design = *d;
  });
  if (const YNode* d = find_field(*root, "design"); d && r.expect_map(*d, "design")) apply_group(*d, "", design, r, false);
  if (diags.error_count() != errors) return std::nullopt;
  return design;
}

/// Applies built-in layout `name` (replacing `design` whole). The layout's values were read
/// from its compiled-in text, so their locations are lines of that text, not of the user's
/// files: a diagnostic about one (a font family that is not installed) points instead at
/// `chosen_at`, the user's `design.theme` that chose the layout (nowhere when none did).
void apply_layout(const std::string& name, SourceLoc chosen_at, Design& design, Reader& user) {
  if (std::optional<Design> d = builtin_design(name, user.diags())) design = std::move(*d);
  for (FontChoice* choice : design.typography.font_family.all()) choice->loc = chosen_at;
}

}  // namespace

}  // namespace vitae::load

namespace vitae {

std::vector<LayoutSummary> builtin_layout_list() {
  std::vector<LayoutSummary> out;
  for (const BuiltinLayout& l : builtin_layouts()) {
    std::optional<load::YNode> root = load::decode_tree(l.tree);
    const load::YNode* d = root ? load::find_field(*root, "description") : nullptr;
    out.push_back({std::string(l.name), d ? d->value : ""});
  }
  std::sort(out.begin(), out.end(), [](const LayoutSummary& a, const LayoutSummary& b) { return a.name < b.name; });
  return out;
}

}  // namespace vitae

namespace vitae::load {

void apply_design_keys(const YNode& map, Design& design, Reader& r, bool warn_unapplied) {
  apply_group(map, "", design, r, warn_unapplied);
}

Design read_design(const YNode* node, Reader& r) {
  Design design;
  std::string layout = "classic";
  SourceLoc theme_loc;
  bool is_map = node && r.expect_map(*node, "design");
  if (is_map)
    if (const YNode* theme = find_field(*node, "theme"))
      if (!theme->is_null()) {
        layout = layout_for_theme(*theme, r);
        theme_loc = theme->loc;
      }
  apply_layout(layout, theme_loc, design, r);  // replaces `design` whole
  design.theme = layout;
  design.theme_loc = theme_loc;
  if (is_map) apply_design_keys(*node, design, r, true);
  return design;
}

}  // namespace vitae::load

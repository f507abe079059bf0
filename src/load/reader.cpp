#include "load/reader.h"

#include <algorithm>
#include <cctype>

#include "load/did_you_mean.h"

namespace vitae::load {

void Reader::error(SourceLoc loc, std::string message, std::string hint) {
  diags_.error(path_of(loc), loc, std::move(message), std::move(hint));
}

void Reader::warning(SourceLoc loc, std::string message, std::string hint) {
  diags_.warning(path_of(loc), loc, std::move(message), std::move(hint));
}

void Reader::type_error(const YNode& node, std::string_view what, std::string_view expected) {
  error(node.loc, std::string(what) + ": expected " + std::string(expected) + ", found " +
                      kind_phrase(node));
}

bool Reader::expect_map(const YNode& node, std::string_view what, bool null_ok) {
  if (node.is_map()) return true;
  if (!(node.is_null() && null_ok)) type_error(node, what, "a mapping");
  return false;
}

void Reader::for_each_field(const YNode& map, const std::vector<std::string>& allowed,
                            std::string_view context,
                            const std::function<void(const std::string&, const YNode&)>& fn,
                            bool unknown_is_warning) {
  for_each_entry(
      map, allowed, context, [&](const YNode& key, const YNode& value) { fn(key.value, value); },
      unknown_is_warning);
}

void Reader::for_each_entry(const YNode& map, const std::vector<std::string>& allowed,
                            std::string_view context,
                            const std::function<void(const YNode&, const YNode&)>& fn,
                            bool unknown_is_warning) {
  std::vector<const YNode*> seen;
  for (const auto& [key, value] : map.entries) {
    if (!key.is_scalar()) {
      error(key.loc, std::string("a key in ") + std::string(context) + " must be a string, found " +
                         kind_phrase(key));
      continue;
    }
    auto dup = std::find_if(seen.begin(), seen.end(),
                            [&key = key](const YNode* k) { return k->value == key.value; });
    if (dup != seen.end()) {
      error(key.loc, "duplicate key '" + key.value + "'",
            "it is first given at line " + std::to_string((*dup)->loc.line));
      continue;
    }
    seen.push_back(&key);
    if (std::find(allowed.begin(), allowed.end(), key.value) == allowed.end()) {
      std::string message = "unknown key '" + key.value + "' in " + std::string(context);
      std::string hint = unknown_name_hint(key.value, allowed);
      if (unknown_is_warning)
        warning(key.loc, message, hint);
      else
        error(key.loc, message, hint);
      continue;
    }
    fn(key, value);
  }
}

std::optional<Text> Reader::text(const YNode& node, std::string_view what) {
  if (node.is_null()) return std::nullopt;
  if (!node.is_scalar()) {
    type_error(node, what, "a string");
    return std::nullopt;
  }
  return Text{node.value, node.loc};
}

std::optional<std::string> Reader::string(const YNode& node, std::string_view what) {
  auto t = text(node, what);
  if (!t) return std::nullopt;
  return std::move(t->markup);
}

std::optional<bool> Reader::boolean(const YNode& node, std::string_view what) {
  if (node.is_null()) return std::nullopt;
  if (node.is_scalar()) {
    std::string v = node.value;
    for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (v == "true" || v == "yes" || v == "on" || v == "1") return true;
    if (v == "false" || v == "no" || v == "off" || v == "0") return false;
    error(node.loc, std::string(what) + ": expected true or false, found '" + node.value + "'");
    return std::nullopt;
  }
  type_error(node, what, "true or false");
  return std::nullopt;
}

std::optional<std::vector<Text>> Reader::text_list(const YNode& node, std::string_view what) {
  if (node.is_null()) return std::nullopt;
  if (!node.is_seq()) {
    type_error(node, what, "a list of strings");
    return std::nullopt;
  }
  std::vector<Text> out;
  bool ok = true;
  for (const YNode& item : node.items) {
    if (item.is_scalar()) {
      out.push_back({item.value, item.loc});
    } else {
      type_error(item, std::string(what) + " item", "a string");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::vector<std::string>> Reader::string_list(const YNode& node,
                                                            std::string_view what) {
  auto list = text_list(node, what);
  if (!list) return std::nullopt;
  std::vector<std::string> out;
  for (Text& t : *list) out.push_back(std::move(t.markup));
  return out;
}

std::vector<Text> read_tag_list(const YNode& node, Reader& r, std::string_view what) {
  auto list = r.text_list(node, what);
  std::vector<Text> out;
  if (!list) return out;
  for (Text& t : *list) {
    bool word = !t.markup.empty();
    for (char c : t.markup)
      if (std::isspace(static_cast<unsigned char>(c))) word = false;
    if (!word)
      r.error(t.loc, "a tag is one word without spaces, found '" + t.markup + "'");
    else
      out.push_back(std::move(t));
  }
  return out;
}

std::vector<std::string> read_tags(const YNode& node, Reader& r) {
  std::vector<std::string> out;
  for (Text& t : read_tag_list(node, r, "tags")) out.push_back(std::move(t.markup));
  return out;
}

const YNode* find_field(const YNode& map, std::string_view key) {
  for (const auto& [k, v] : map.entries)
    if (k.is_scalar() && k.value == key) return &v;
  return nullptr;
}

}  // namespace vitae::load

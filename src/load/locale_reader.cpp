#include "load/locale_reader.h"

#include <cctype>
#include <charconv>

#include "load/dates.h"

namespace vitae::load {

namespace {

struct Language {
  const char* name;
  const char* tag;
};

constexpr Language kLanguages[] = {
    {"english", "en-US"},    {"german", "de-DE"},     {"french", "fr-FR"},    {"spanish", "es-ES"},
    {"italian", "it-IT"},    {"portuguese", "pt-PT"}, {"turkish", "tr-TR"},   {"russian", "ru-RU"},
    {"dutch", "nl-NL"},      {"danish", "da-DK"},     {"swedish", "sv-SE"},   {"norwegian", "nb-NO"},
    {"finnish", "fi-FI"},    {"polish", "pl-PL"},     {"czech", "cs-CZ"},     {"greek", "el-GR"},
    {"hungarian", "hu-HU"},  {"romanian", "ro-RO"},   {"ukrainian", "uk-UA"}, {"indonesian", "id-ID"},
    {"vietnamese", "vi-VN"}, {"japanese", "ja-JP"},   {"korean", "ko-KR"},    {"chinese", "zh-CN"},
    {"mandarin_chinese", "zh-CN"}, {"hindi", "hi-IN"}, {"arabic", "ar"},      {"hebrew", "he-IL"},
    {"persian", "fa-IR"},    {"catalan", "ca-ES"},    {"croatian", "hr-HR"},  {"slovak", "sk-SK"},
    {"slovenian", "sl-SI"},  {"bulgarian", "bg-BG"},  {"serbian", "sr-RS"},   {"estonian", "et-EE"},
    {"latvian", "lv-LV"},    {"lithuanian", "lt-LT"}, {"icelandic", "is-IS"}, {"thai", "th-TH"},
};

/// "en", "de-AT", "pt-BR", "zh-Hant": a primary subtag of 2-3 letters, then letters/digits.
bool looks_like_bcp47(std::string_view s) {
  std::size_t dash = s.find('-');
  std::string_view primary = s.substr(0, dash);
  if (primary.size() < 2 || primary.size() > 3) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) return false;
  for (char c : primary)
    if (!std::islower(static_cast<unsigned char>(c))) return false;
  return true;
}

void read_twelve(const YNode& v, const std::string& key, std::vector<std::string>& out, Reader& r) {
  auto list = r.string_list(v, "locale." + key);
  if (!list) return;
  if (list->size() != 12) {
    r.error(v.loc, "locale." + key + ": expected 12 names, one per month, found " + std::to_string(list->size()));
    return;
  }
  out = *list;
}

}  // namespace

std::string bcp47_for_language(std::string_view language) {
  for (const Language& l : kLanguages)
    if (language == l.name) return l.tag;
  if (looks_like_bcp47(language)) return std::string(language);
  return {};
}

Locale read_locale(const YNode* node, Reader& r) {
  Locale loc;
  if (!node || !r.expect_map(*node, "locale")) return loc;
  static const std::vector<std::string> keys = {"language", "last_updated", "month",   "months",
                                                "year",     "years",        "present", "phrases",
                                                "month_abbreviations", "month_names"};
  r.for_each_field(*node, keys, "locale", [&](const std::string& key, const YNode& v) {
    auto into = [&](std::string& field) {
      if (auto s = r.string(v, "locale." + key)) field = *s;
    };
    if (key == "language") {
      auto s = r.string(v, "locale.language");
      if (!s) return;
      loc.language = *s;
      loc.bcp47 = bcp47_for_language(*s);
      if (loc.bcp47.empty()) {
        loc.bcp47 = "en-US";
        r.warning(v.loc, "unknown language '" + *s + "'; using en-US for hyphenation and the PDF's language",
                  "write a language name such as 'german' or a BCP 47 tag such as 'de-AT'");
      }
    } else if (key == "last_updated") into(loc.last_updated);
    else if (key == "month") into(loc.month);
    else if (key == "months") into(loc.months);
    else if (key == "year") into(loc.year);
    else if (key == "years") into(loc.years);
    else if (key == "present") into(loc.present);
    else if (key == "month_abbreviations") read_twelve(v, key, loc.month_abbreviations, r);
    else if (key == "month_names") read_twelve(v, key, loc.month_names, r);
    else if (key == "phrases" && r.expect_map(v, "locale.phrases"))
      r.for_each_field(v, {"degree_with_area"}, "locale.phrases", [&](const std::string&, const YNode& p) {
        if (auto s = r.string(p, "locale.phrases.degree_with_area")) loc.degree_with_area = *s;
      });
  });
  return loc;
}

namespace {

/// settings.max_pages: a whole number of pages, 1 to kMaxPagesLimit.
std::optional<int> read_max_pages(const YNode& v, Reader& r) {
  auto text = r.string(v, "settings.max_pages");
  if (!text) return std::nullopt;
  int n = 0;
  auto res = std::from_chars(text->data(), text->data() + text->size(), n);
  if (text->empty() || res.ec != std::errc() || res.ptr != text->data() + text->size() || n < 1 || n > kMaxPagesLimit) {
    r.error(v.loc, "settings.max_pages: expected a whole number of pages from 1 to " + std::to_string(kMaxPagesLimit) +
                       ", found '" + *text + "'",
            "write max_pages: 1 for a one-page CV; leave it out for no limit");
    return std::nullopt;
  }
  return n;
}

}  // namespace

Settings read_settings(const YNode* node, Reader& r) {
  Settings s;
  if (!node || !r.expect_map(*node, "settings")) return s;
  static const std::vector<std::string> keys = {"current_date", "bold_keywords", "pdf_title", "max_pages",
                                                "fill_pages", "render_command"};
  static const std::vector<std::string> render_keys = {
      "output_folder", "design",        "locale",          "typst_path",         "pdf_path",
      "markdown_path", "html_path",     "png_path",        "dont_generate_markdown", "dont_generate_html",
      "dont_generate_typst", "dont_generate_pdf", "dont_generate_png"};
  r.for_each_field(*node, keys, "settings", [&](const std::string& key, const YNode& v) {
    if (key == "current_date") {
      auto text = r.string(v, "settings.current_date");
      if (!text) return;
      if (*text == "today") {
        s.current_date_is_today = true;
        return;
      }
      std::string error;
      if (auto d = parse_date(*text, &error)) {
        d->loc = v.loc;
        s.current_date = d;
      } else {
        r.error(v.loc, "settings.current_date: " + error, "or write 'today'");
      }
    } else if (key == "bold_keywords") {
      if (auto list = r.string_list(v, "settings.bold_keywords")) s.bold_keywords = *list;
    } else if (key == "pdf_title") {
      if (auto t = r.string(v, "settings.pdf_title")) s.pdf_title = *t;
    } else if (key == "max_pages") {
      s.max_pages = read_max_pages(v, r);
      s.max_pages_loc = v.loc;
    } else if (key == "fill_pages") {
      if (auto b = r.boolean(v, "settings.fill_pages")) s.fill_pages = *b;
    } else if (key == "render_command" && r.expect_map(v, "settings.render_command")) {
      // RenderCV's command-line settings: nothing here applies to vitae.
      r.for_each_field(v, render_keys, "settings.render_command", [](const std::string&, const YNode&) {}, true);
    }
  });
  return s;
}

}  // namespace vitae::load

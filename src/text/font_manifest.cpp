// FontManifest: parsing fonts/families.tsv.
#include "text/font_manifest.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vitae {
namespace {

/// The fields of a line: separated by runs of tabs, spaces around each trimmed.
std::vector<std::string> fields_of(std::string_view line) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < line.size()) {
    const std::size_t end = std::min(line.find('\t', i), line.size());
    std::string_view f = line.substr(i, end - i);
    while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
    while (!f.empty() && f.back() == ' ') f.remove_suffix(1);
    if (!f.empty()) out.emplace_back(f);
    i = end + 1;
  }
  return out;
}

/// An alias or stand-in line, resolved once every family is known.
struct PendingName {
  std::string name, family;
  bool stand_in;
  int line;
};

class Parser {
 public:
  Parser(const std::string& path, std::string* error) : path_(path), error_(error) {}

  bool line(std::string_view text, int number) {
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    const std::vector<std::string> f = fields_of(text);
    if (f.empty() || f[0][0] == '#') return true;
    if (f[0] == "family") return family(f, number);
    if (f[0] == "alias" || f[0] == "stand-in") {
      if (f.size() != 3)
        return fail(number, "a" + std::string(f[0] == "alias" ? "n alias" : " stand-in") +
                                " line has 3 fields (" + f[0] + ", name, family); this one has " +
                                std::to_string(f.size()));
      pending_.push_back({f[1], f[2], f[0] == "stand-in", number});
      return true;
    }
    return fail(number, "unknown line kind '" + f[0] + "' (expected family, alias or stand-in)");
  }

  std::optional<FontManifest> finish() {
    for (const PendingName& p : pending_) {
      const ManifestName* target = manifest_.find(p.family);
      if (!target || target->stand_in || lower_ascii(manifest_.families[target->family].name) !=
                                             lower_ascii(p.family)) {
        fail(p.line, "'" + p.family + "' is not a family of this manifest (a family line names it)");
        return std::nullopt;
      }
      if (!add_name(p.name, {target->family, p.stand_in, p.line})) return std::nullopt;
    }
    if (manifest_.families.empty()) {
      *error_ = path_ + ": lists no family";
      return std::nullopt;
    }
    return std::move(manifest_);
  }

 private:
  bool family(const std::vector<std::string>& f, int number) {
    if (f.size() != 6)
      return fail(number,
                  "a family line has 6 fields (family, name, regular, italic, bold, bold italic); "
                  "this one has " + std::to_string(f.size()));
    ManifestFamily fam;
    fam.name = f[1];
    fam.line = number;
    for (int k = 0; k < 4; ++k) {
      const std::string& file = f[2 + k];
      if (file == "-") continue;
      if (std::filesystem::path(file).is_absolute())
        return fail(number, "'" + file + "': files are named relative to the font directory");
      fam.files[k / 2][k % 2] = file;
    }
    if (fam.files[0][0].empty())
      return fail(number, "family '" + fam.name + "' has no regular face ('-')");
    manifest_.families.push_back(std::move(fam));
    return add_name(f[1], {manifest_.families.size() - 1, false, number});
  }

  bool add_name(const std::string& name, ManifestName entry) {
    auto [it, added] = manifest_.names.emplace(lower_ascii(name), entry);
    if (!added)
      return fail(entry.line,
                  "the name '" + name + "' is already defined on line " + std::to_string(it->second.line));
    return true;
  }

  bool fail(int number, const std::string& what) {
    *error_ = path_ + ":" + std::to_string(number) + ": " + what;
    return false;
  }

  const std::string& path_;
  std::string* error_;
  FontManifest manifest_;
  std::vector<PendingName> pending_;
};

}  // namespace

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

const std::string& ManifestFamily::file(bool bold, bool italic) const {
  const std::pair<bool, bool> order[] = {{bold, italic}, {bold, false}, {false, italic}};
  for (const auto& [b, i] : order)
    if (!files[b][i].empty()) return files[b][i];
  return files[0][0];
}

const ManifestName* FontManifest::find(std::string_view name) const {
  auto it = names.find(lower_ascii(name));
  return it == names.end() ? nullptr : &it->second;
}

const ManifestFamily* FontManifest::family_named(std::string_view name) const {
  const ManifestName* n = find(name);
  return n && !n->stand_in ? &families[n->family] : nullptr;
}

std::optional<FontManifest> parse_font_manifest(std::string_view text, const std::string& path,
                                                std::string* error) {
  std::string ignored;
  if (!error) error = &ignored;
  Parser parser(path, error);
  int number = 0;
  for (std::size_t i = 0; i <= text.size();) {
    const std::size_t end = std::min(text.find('\n', i), text.size());
    if (!parser.line(text.substr(i, end - i), ++number)) return std::nullopt;
    i = end + 1;
  }
  return parser.finish();
}

std::optional<FontManifest> read_font_manifest(const std::string& font_dir, std::string* error) {
  const std::string path = (std::filesystem::path(font_dir) / kFontManifestFile).string();
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    if (error)
      *error = "cannot read the bundled-font manifest '" + path + "': " + std::strerror(errno);
    return std::nullopt;
  }
  return parse_font_manifest(text.str(), path, error);
}

}  // namespace vitae

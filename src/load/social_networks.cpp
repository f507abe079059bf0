#include "load/social_networks.h"

#include <cctype>

namespace vitae::load {

namespace {

struct Network {
  const char* name;
  const char* prefix;  ///< the profile URL is prefix + username (not used for Mastodon)
};

// RenderCV's url_dictionary (schema/models/cv/social_network.py), plus the three networks
// later 2.x releases added (WhatsApp, Bluesky, Reddit).
constexpr Network kNetworks[] = {
    {"LinkedIn", "https://linkedin.com/in/"},
    {"GitHub", "https://github.com/"},
    {"GitLab", "https://gitlab.com/"},
    {"IMDB", "https://imdb.com/name/"},
    {"Instagram", "https://instagram.com/"},
    {"ORCID", "https://orcid.org/"},
    {"Mastodon", ""},
    {"StackOverflow", "https://stackoverflow.com/users/"},
    {"ResearchGate", "https://researchgate.net/profile/"},
    {"YouTube", "https://youtube.com/@"},
    {"Google Scholar", "https://scholar.google.com/citations?user="},
    {"Telegram", "https://t.me/"},
    {"WhatsApp", "https://wa.me/"},
    {"Leetcode", "https://leetcode.com/u/"},
    {"X", "https://x.com/"},
    {"Bluesky", "https://bsky.app/profile/"},
    {"Reddit", "https://reddit.com/user/"},
};

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

bool orcid(std::string_view s) {
  // \d{4}-\d{4}-\d{4}-\d{3}[\dX]
  if (s.size() != 19) return false;
  for (std::size_t i = 0; i < 19; ++i) {
    if (i % 5 == 4) {
      if (s[i] != '-') return false;
    } else if (!(std::isdigit(static_cast<unsigned char>(s[i])) || (i == 18 && s[i] == 'X'))) {
      return false;
    }
  }
  return true;
}

}  // namespace

const std::vector<std::string>& social_network_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const Network& n : kNetworks) v.emplace_back(n.name);
    return v;
  }();
  return names;
}

std::optional<std::string> check_username(std::string_view network, std::string_view u) {
  if (u.empty()) return "the username is empty";
  if (network == "Mastodon") {
    // @[^@]+@[^@]+
    std::size_t second = u.find('@', 1);
    if (u[0] != '@' || second == std::string_view::npos || second == 1 || second + 1 == u.size() ||
        u.find('@', second + 1) != std::string_view::npos)
      return "a Mastodon username is written \"@username@domain\"";
  } else if (network == "StackOverflow") {
    std::size_t slash = u.find('/');
    if (slash == std::string_view::npos || !digits(u.substr(0, slash)) || slash + 1 == u.size() ||
        u.find('/', slash + 1) != std::string_view::npos)
      return "a StackOverflow username is written \"user_id/username\"";
  } else if (network == "YouTube") {
    if (u[0] == '@') return "a YouTube username is written without the leading \"@\"";
  } else if (network == "ORCID") {
    if (!orcid(u)) return "an ORCID iD is written \"XXXX-XXXX-XXXX-XXXX\"";
  } else if (network == "IMDB") {
    if (u.size() != 9 || u.substr(0, 2) != "nm" || !digits(u.substr(2)))
      return "an IMDB name id is written \"nmXXXXXXX\"";
  }
  return std::nullopt;
}

std::string social_network_url(std::string_view network, std::string_view username) {
  if (network == "Mastodon") {
    std::size_t second = username.find('@', 1);
    std::string_view user = username.substr(1, second - 1);
    std::string_view host = username.substr(second + 1);
    return "https://" + std::string(host) + "/@" + std::string(user);
  }
  for (const Network& n : kNetworks)
    if (network == n.name) return n.prefix + std::string(username);
  return {};
}

}  // namespace vitae::load

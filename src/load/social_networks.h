// RenderCV's social networks: names, username checks and profile URLs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitae::load {

/// The 17 network names RenderCV 2.x accepts, spelt as it spells them.
const std::vector<std::string>& social_network_names();

/// Checks a username against the network's rules (Mastodon "@user@host", StackOverflow
/// "id/name", ORCID "XXXX-XXXX-XXXX-XXXX", IMDB "nmXXXXXXX", YouTube without a leading
/// "@"); returns the problem, or nothing when the username is fine.
std::optional<std::string> check_username(std::string_view network, std::string_view username);

/// The profile URL, built as RenderCV builds it: a per-network prefix plus the username;
/// Mastodon "@user@host" -> "https://host/@user". `network` must be a known name and
/// the username must pass check_username.
std::string social_network_url(std::string_view network, std::string_view username);

}  // namespace vitae::load

// Profile URLs for every social network RenderCV knows.
#include <gtest/gtest.h>

#include "load/social_networks.h"
#include "load_test_util.h"

namespace vitae {
namespace {

TEST(SocialNetworks, UrlsForAllSeventeen) {
  struct Case {
    const char* network;
    const char* username;
    const char* url;
  };
  const Case cases[] = {
      {"LinkedIn", "ada", "https://linkedin.com/in/ada"},
      {"GitHub", "ada", "https://github.com/ada"},
      {"GitLab", "ada", "https://gitlab.com/ada"},
      {"IMDB", "nm1234567", "https://imdb.com/name/nm1234567"},
      {"Instagram", "ada", "https://instagram.com/ada"},
      {"ORCID", "0000-0002-1825-009X", "https://orcid.org/0000-0002-1825-009X"},
      {"Mastodon", "@ada@mastodon.social", "https://mastodon.social/@ada"},
      {"StackOverflow", "12345/ada", "https://stackoverflow.com/users/12345/ada"},
      {"ResearchGate", "Ada-Lovelace", "https://researchgate.net/profile/Ada-Lovelace"},
      {"YouTube", "ada", "https://youtube.com/@ada"},
      {"Google Scholar", "AbC123", "https://scholar.google.com/citations?user=AbC123"},
      {"Telegram", "ada", "https://t.me/ada"},
      {"WhatsApp", "447946000000", "https://wa.me/447946000000"},
      {"Leetcode", "ada", "https://leetcode.com/u/ada"},
      {"X", "ada", "https://x.com/ada"},
      {"Bluesky", "ada.bsky.social", "https://bsky.app/profile/ada.bsky.social"},
      {"Reddit", "ada", "https://reddit.com/user/ada"},
  };
  ASSERT_EQ(load::social_network_names().size(), 17u);
  std::string yaml = "cv:\n  name: Ada\n  social_networks:\n";
  for (const Case& c : cases)
    yaml += std::string("    - network: ") + c.network + "\n      username: '" + c.username + "'\n";
  auto l = testing::load_text(yaml);
  ASSERT_TRUE(l.doc) << l.text();
  ASSERT_EQ(l.doc->cv.social_networks.size(), 17u);
  for (std::size_t i = 0; i < 17; ++i) EXPECT_EQ(l.doc->cv.social_networks[i].url, cases[i].url);
}

TEST(SocialNetworks, UsernameRules) {
  EXPECT_TRUE(load::check_username("Mastodon", "ada@host"));
  EXPECT_TRUE(load::check_username("Mastodon", "@ada"));
  EXPECT_FALSE(load::check_username("Mastodon", "@ada@host"));
  EXPECT_TRUE(load::check_username("StackOverflow", "ada"));
  EXPECT_TRUE(load::check_username("YouTube", "@ada"));
  EXPECT_TRUE(load::check_username("ORCID", "0000-0002-1825-00"));
  EXPECT_TRUE(load::check_username("IMDB", "nm12"));
  EXPECT_FALSE(load::check_username("GitHub", "ada"));
}

}  // namespace
}  // namespace vitae

#include "load/cv_reader.h"

#include <algorithm>

#include "load/did_you_mean.h"
#include "load/section_reader.h"
#include "load/social_networks.h"

namespace vitae::load {

namespace {

void read_emails(const YNode& v, CV& cv, Reader& r) {
  if (v.is_scalar()) {
    cv.emails.push_back({v.value, v.loc});
  } else if (v.is_seq()) {
    if (auto list = r.text_list(v, "email")) cv.emails = *list;
  } else if (!v.is_null()) {
    r.type_error(v, "email", "a string or a list of strings");
  }
}

void read_social_network(const YNode& node, CV& cv, Reader& r) {
  if (!r.expect_map(node, "social_networks item", false)) return;
  SocialNetwork sn;
  sn.loc = node.loc;
  SourceLoc network_loc = node.loc, username_loc = node.loc;
  r.for_each_field(node, {"network", "username"}, "a social network",
                   [&](const std::string& key, const YNode& v) {
                     auto s = r.string(v, key);
                     if (!s) return;
                     (key == "network" ? sn.network : sn.username) = *s;
                     (key == "network" ? network_loc : username_loc) = v.loc;
                   });
  if (sn.network.empty() || sn.username.empty()) {
    r.error(node.loc, "a social network needs 'network' and 'username'");
    return;
  }
  const auto& names = social_network_names();
  if (std::find(names.begin(), names.end(), sn.network) == names.end()) {
    r.error(network_loc, "unknown social network '" + sn.network + "'",
            unknown_name_hint(sn.network, names) +
                "; for other sites use custom_connections");
    return;
  }
  if (auto problem = check_username(sn.network, sn.username)) {
    r.error(username_loc, *problem);
    return;
  }
  sn.url = social_network_url(sn.network, sn.username);
  cv.social_networks.push_back(std::move(sn));
}

void read_custom_connection(const YNode& node, CV& cv, Reader& r) {
  if (!r.expect_map(node, "custom_connections item", false)) return;
  CustomConnection c;
  c.loc = node.loc;
  bool has_placeholder = false;
  r.for_each_field(node, {"placeholder", "url", "fontawesome_icon"}, "a custom connection",
                   [&](const std::string& key, const YNode& v) {
                     auto s = r.string(v, key);
                     if (!s) return;
                     if (key == "placeholder") {
                       c.placeholder = *s;
                       has_placeholder = true;
                     } else if (key == "url") {
                       c.url = *s;
                     } else {
                       c.icon = *s;
                     }
                   });
  if (!has_placeholder) r.error(node.loc, "a custom connection needs a 'placeholder'");
  cv.custom_connections.push_back(std::move(c));
}

template <typename Fn>
void for_each_item(const YNode& v, const char* what, Reader& r, Fn fn) {
  if (v.is_null()) return;
  if (!v.is_seq()) {
    r.type_error(v, what, "a list");
    return;
  }
  for (const YNode& item : v.items) fn(item);
}

}  // namespace

CV read_cv(const YNode& node, Reader& r) {
  CV cv;
  if (!r.expect_map(node, "cv", false)) return cv;
  static const std::vector<std::string> keys = {"name",    "headline", "location",        "email",
                                                "phone",   "website",  "photo",           "social_networks",
                                                "custom_connections",   "sections"};
  r.for_each_field(node, keys, "cv", [&](const std::string& key, const YNode& v) {
    auto text_into = [&](Text& field) {
      if (auto t = r.text(v, key)) field = *t;
    };
    if (key == "name") text_into(cv.name);
    else if (key == "headline") text_into(cv.headline);
    else if (key == "location") text_into(cv.location);
    else if (key == "phone") text_into(cv.phone);
    else if (key == "website") text_into(cv.website);
    else if (key == "photo") text_into(cv.photo);
    else if (key == "email") read_emails(v, cv, r);
    else if (key == "social_networks")
      for_each_item(v, "social_networks", r, [&](const YNode& i) { read_social_network(i, cv, r); });
    else if (key == "custom_connections")
      for_each_item(v, "custom_connections", r, [&](const YNode& i) { read_custom_connection(i, cv, r); });
    else if (key == "sections") cv.sections = read_sections(v, r);
  });
  return cv;
}

}  // namespace vitae::load

#include "layout/styles.h"

#include <set>

#include "layout/connections.h"
#include "text/font_library.h"
#include "text/itemize.h"
#include "text/shape.h"

namespace vitae {

namespace {

std::string directory_of(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

struct RoleDesign {
  const FontChoice* family;
  Length size;
  Color color;
  bool bold;
  bool small_caps = false;
  const std::vector<std::string>* features = nullptr;
};

/// The role's name in design keys ("name", "section_titles").
std::string role_key(Role role) {
  switch (role) {
    case Role::Name: return "name";
    case Role::Headline: return "headline";
    case Role::Connections: return "connections";
    case Role::SectionTitles: return "section_titles";
    case Role::Footer:
    case Role::Body: break;
  }
  return "body";
}

RoleDesign role_design(const Design& d, Role role) {
  const auto& t = d.typography;
  switch (role) {
    case Role::Name:
      return {&t.font_family.name, t.font_size.name, d.colors.name, t.bold.name, t.small_caps.name,
              &t.font_features.name};
    case Role::Headline:
      return {&t.font_family.headline, t.font_size.headline, d.colors.headline, t.bold.headline,
              t.small_caps.headline, &t.font_features.headline};
    case Role::Connections:
      return {&t.font_family.connections, t.font_size.connections, d.colors.connections, t.bold.connections,
              t.small_caps.connections, &t.font_features.connections};
    case Role::SectionTitles:
      return {&t.font_family.section_titles, t.font_size.section_titles, d.colors.section_titles,
              t.bold.section_titles, t.small_caps.section_titles, &t.font_features.section_titles};
    case Role::Footer:
      return {&t.font_family.body, t.font_size.body, d.colors.footer, false, false, &t.font_features.body};
    case Role::Body: break;
  }
  return {&t.font_family.body, t.font_size.body, d.colors.body, t.bold.body, t.small_caps.body, &t.font_features.body};
}

}  // namespace

const TextStyle* Styles::icon(char32_t code) const {
  // RenderCV draws the envelope from Free's regular face; the rest from Brands or solid.
  for (int i : {code == icon_code_point("envelope") ? 0 : 2, 1, 0})
    if (icons_[i].font && icons_[i].font->has_codepoint(code)) return &icons_[i];
  return nullptr;
}

bool Styles::is_icon_font(const Font* font) const {
  for (const TextStyle& s : icons_)
    if (font && s.font.get() == font) return true;
  return false;
}

namespace {

/// The Font Awesome faces behind contact icons, at 0.9 of the contact text's size, in its
/// colour (RenderCV's connection-with-icon).
void resolve_icons(const Document& doc, const FontLibrary& fonts, Diagnostics& diags, const TextStyle& text,
                   std::array<TextStyle, 3>& icons) {
  const std::pair<const char*, FontWeight> faces[] = {
      {"Font Awesome 7 Free", FontWeight::Regular},
      {"Font Awesome 7 Free", FontWeight::Bold},
      {"Font Awesome 7 Brands", FontWeight::Regular}};
  for (int i = 0; i < 3; ++i) {
    ResolvedFont rf = fonts.resolve(FontRequest{faces[i].first, faces[i].second, FontStyle::Upright, {}});
    if (!rf.font) {
      diags.warning(doc.path, {}, "contact icons are not available: " + rf.error,
                    "design.header.connections.show_icons: false turns them off");
      icons = {};
      return;
    }
    icons[i].font = rf.font;
    icons[i].chain.fonts = {rf.font};
    icons[i].size = text.size * 0.9;
    icons[i].color = text.color;
  }
}

}  // namespace

Styles resolve_styles(const Document& doc, const FontLibrary& fonts, Diagnostics& diags) {
  Styles s;
  s.link_color = doc.design.colors.links;
  const Design& d = doc.design;
  Abs body_size = d.typography.font_size.body.resolve(Abs::pt(10));
  if (body_size <= Abs::zero()) body_size = Abs::pt(10);
  std::set<std::string> reported, warned_small_caps;
  for (int r = 0; r < 6; ++r) {
    Role role = static_cast<Role>(r);
    RoleDesign rd = role_design(d, role);
    std::string family = rd.family->family.empty() ? "Lato" : rd.family->family;
    Abs size = role == Role::Body ? body_size : rd.size.resolve(body_size);
    if (size <= Abs::zero()) size = body_size;
    s.bold_default_[r] = rd.bold;
    for (int b = 0; b < 2; ++b)
      for (int i = 0; i < 2; ++i) {
        FontRequest req{family, b ? FontWeight::Bold : FontWeight::Regular,
                        i ? FontStyle::Italic : FontStyle::Upright, directory_of(doc.path_of(rd.family->loc))};
        ResolvedFont rf = fonts.resolve(req);
        if (!rf.font) {
          if (reported.insert(family).second)
            diags.error(doc.path_of(rd.family->loc), rd.family->loc, rf.error, rf.hint);
          rf = fonts.resolve(FontRequest{"Lato", req.weight, req.style, {}});
        } else if (rf.substituted && reported.insert(family).second) {
          diags.warning(doc.path_of(rd.family->loc), rd.family->loc, rf.note,
                        "`vitae fonts` lists the families at hand; design.typography.font_family picks one");
        }
        TextStyle& st = s.styles_[r][b][i];
        st.font = rf.font;
        if (st.font) st.chain = make_font_chain(fonts, st.font, req.weight, req.style);
        st.size = size;
        st.color = rd.color;
        // Small capitals are the OpenType feature smcp (real small caps; a font without
        // them keeps its lower case, as HarfBuzz leaves unknown features alone).
        st.features = *rd.features;
        if (rd.small_caps) {
          st.features.push_back("smcp");
          // Asked for and not there: the text would stay in lower case, silently.
          if (b == rd.bold && i == 0 && st.font && !has_substitution_feature(*st.font, "smcp") &&
              warned_small_caps.insert(family + role_key(role)).second)
            diags.warning(doc.path, {}, "design.typography.small_caps." + role_key(role) + ": " + family +
                                            " has no small capitals (OpenType smcp); the text stays as it is",
                          "choose a family that has them, such as Linux Libertine O");
        }
        st.bold = b;
        st.italic = i;
      }
  }
  if (d.header.connections.show_icons || d.links.show_external_link_icon)
    resolve_icons(doc, fonts, diags, s.get(Role::Connections, s.bold_by_default(Role::Connections), false), s.icons_);
  if (d.links.show_external_link_icon && s.icons_[1].font) {
    // RenderCV's `link` (lib.typ): Font Awesome's external-link at 0.65 of the body size,
    // placed with its top 0.75 em above the baseline. Its glyphs stand 0.875 em above
    // their own baseline, so that baseline rises 0.75 - 0.65 * 0.875, about 0.18 em.
    const Abs body = s.get(Role::Body, false, false).size;
    s.link_icon_ = s.icons_[1];
    s.link_icon_.size = body * 0.65;
    s.link_icon_.color = s.link_color;
    s.link_icon_.rise = body * 0.18;
  }
  return s;
}

std::vector<ResolvedFace> resolved_faces(const Document& doc, const FontLibrary& fonts, Diagnostics& diags) {
  const Styles s = resolve_styles(doc, fonts, diags);
  std::vector<ResolvedFace> out;
  auto add = [&](std::string role, std::string face, const std::shared_ptr<const Font>& font) {
    if (font) out.push_back({std::move(role), std::move(face), font->family(), font->path()});
  };
  const char* faces[2][2] = {{"regular", "italic"}, {"bold", "bold italic"}};
  for (Role role : {Role::Body, Role::Name, Role::Headline, Role::Connections, Role::SectionTitles})
    for (bool bold : {false, true})
      for (bool italic : {false, true}) add(role_key(role), faces[bold][italic], s.get(role, bold, italic).font);
  const char* icon_faces[] = {"regular", "solid", "brands"};
  for (int i = 0; i < 3; ++i) add("icons", icon_faces[i], s.icons_[i].font);
  if (const auto& body = s.get(Role::Body, false, false).font)
    for (const auto& f : fonts.fallbacks(*body, FontWeight::Regular, FontStyle::Upright)) add("fallback", "regular", f);
  return out;
}

}  // namespace vitae

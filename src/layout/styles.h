// Styles: the design's typography resolved to fonts. One TextStyle per text role and
// weight/slant, built once per build from Design and the shared FontLibrary.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "layout/inline.h"
#include "vitae/diagnostics.h"
#include "vitae/model.h"

namespace vitae {

class FontLibrary;

/// The text roles of a CV design (RenderCV's typography keys).
enum class Role { Body, Name, Headline, Connections, SectionTitles, Footer };

/// One face a design's text is set in, as `vitae fonts CV` lists it.
struct ResolvedFace {
  std::string role;    ///< "body", "name", "section_titles", "icons", "fallback"
  std::string face;    ///< "regular", "bold italic", "brands", ...
  std::string family;  ///< the family the file holds (a stand-in's, when substituted)
  std::string path;    ///< the font file
};

class Styles {
 public:
  /// The style of `role` with the given emphasis. Bold or italic faces a family lacks fall
  /// back to the regular face.
  const TextStyle& get(Role role, bool bold, bool italic) const {
    return styles_[static_cast<int>(role)][bold][italic];
  }
  /// Whether a role is bold by default (typography.bold.*).
  bool bold_by_default(Role role) const { return bold_default_[static_cast<int>(role)]; }
  Color link_color;

  /// The style of a contact icon (Font Awesome: Free's regular face for the envelope, as
  /// RenderCV draws it, Brands for a brand, else Free's solid face), or null when the icon
  /// fonts are not loaded (show_icons off) or none has the code point.
  const TextStyle* icon(char32_t code) const;
  /// The external-link icon's style (design.links.show_external_link_icon), or null.
  const TextStyle* link_icon() const { return link_icon_.font ? &link_icon_ : nullptr; }
  /// Whether `font` is one of the icon fonts.
  bool is_icon_font(const Font* font) const;

  friend Styles resolve_styles(const Document& doc, const FontLibrary& fonts, Diagnostics& diags);
  friend std::vector<ResolvedFace> resolved_faces(const Document& doc, const FontLibrary& fonts, Diagnostics& diags);

 private:
  std::array<std::array<std::array<TextStyle, 2>, 2>, 6> styles_;
  std::array<bool, 6> bold_default_{};
  std::array<TextStyle, 3> icons_;  ///< Free regular, Free solid, Brands (fonts may be null)
  TextStyle link_icon_;             ///< font null unless links show the icon
};

/// Every face the CV's text can be set in: the four faces of each role (body, name,
/// headline, connections, section_titles; the footer is the body's), the icon fonts when
/// contact icons are shown, then the bundled families tried for characters the body font
/// lacks. Problems (a family not found) go to `diags`, as in a build.
std::vector<ResolvedFace> resolved_faces(const Document& doc, const FontLibrary& fonts, Diagnostics& diags);

/// Resolves every role's font family through `fonts`. A family that cannot be found is an
/// error at the line that names it (with the closest families as a hint); a substituted
/// family (RenderCV's "Source Sans 3") is a warning.
Styles resolve_styles(const Document& doc, const FontLibrary& fonts, Diagnostics& diags);

}  // namespace vitae

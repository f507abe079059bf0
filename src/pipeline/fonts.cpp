#include "pipeline/fonts.h"

#include <algorithm>

#include "layout/styles.h"

namespace vitae {

std::string fonts_report(const Document& doc, const FontLibrary& fonts, Diagnostics& diags) {
  const std::vector<ResolvedFace> faces = resolved_faces(doc, fonts, diags);
  std::size_t what_w = 0, family_w = 0;
  for (const ResolvedFace& f : faces) {
    what_w = std::max(what_w, f.role.size() + 1 + f.face.size());
    family_w = std::max(family_w, f.family.size());
  }
  std::string out;
  for (const ResolvedFace& f : faces) {
    const std::string what = f.role + " " + f.face;
    out += what + std::string(what_w + 2 - what.size(), ' ') + f.family + std::string(family_w + 2 - f.family.size(), ' ') +
           f.path + "\n";
  }
  return out;
}

}  // namespace vitae

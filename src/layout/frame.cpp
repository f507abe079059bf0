#include "layout/frame.h"

namespace vitae {

namespace {

// Appends `from`'s items shifted by `d` to the four vectors of `to` (a Frame or a Page).
template <typename Target>
void append_shifted(Target& to, const Frame& from, Point d) {
  for (GlyphRun run : from.runs) {
    run.origin = {run.origin.x + d.x, run.origin.y + d.y};
    to.runs.push_back(std::move(run));
  }
  for (Rule r : from.rules) {
    r.origin = {r.origin.x + d.x, r.origin.y + d.y};
    to.rules.push_back(r);
  }
  for (Disc c : from.discs) {
    c.center = {c.center.x + d.x, c.center.y + d.y};
    to.discs.push_back(c);
  }
  for (LinkArea l : from.links) {
    l.origin = {l.origin.x + d.x, l.origin.y + d.y};
    to.links.push_back(std::move(l));
  }
  for (Anchor a : from.anchors) {
    a.y += d.y;
    to.anchors.push_back(std::move(a));
  }
}

}  // namespace

void Frame::place(const Frame& child, Point offset) { append_shifted(*this, child, offset); }

void Frame::place_on(Page& page, Point offset) const { append_shifted(page, *this, offset); }

}  // namespace vitae

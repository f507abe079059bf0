#include "layout/frame.h"

namespace vitae {

namespace {

// Moves `from`'s items, shifted by `d`, to the end of `to`'s (a Frame or a Page).
template <typename Target>
void move_shifted(Target& to, Frame&& from, Point d) {
  for (GlyphRun& run : from.runs) {
    run.origin = {run.origin.x + d.x, run.origin.y + d.y};
    to.runs.push_back(std::move(run));
  }
  for (Rule& r : from.rules) {
    r.origin = {r.origin.x + d.x, r.origin.y + d.y};
    to.rules.push_back(r);
  }
  for (Disc& c : from.discs) {
    c.center = {c.center.x + d.x, c.center.y + d.y};
    to.discs.push_back(c);
  }
  for (LinkArea& l : from.links) {
    l.origin = {l.origin.x + d.x, l.origin.y + d.y};
    to.links.push_back(std::move(l));
  }
  for (PlacedImage& i : from.images) {
    i.origin = {i.origin.x + d.x, i.origin.y + d.y};
    to.images.push_back(std::move(i));
  }
  for (Anchor& a : from.anchors) {
    a.y += d.y;
    to.anchors.push_back(std::move(a));
  }
}

}  // namespace

void Frame::place(Frame&& child, Point offset) { move_shifted(*this, std::move(child), offset); }

void Frame::place(const Frame& child, Point offset) { place(Frame(child), offset); }

void Frame::place_on(Page& page, Point offset) && { move_shifted(page, std::move(*this), offset); }

void Frame::place_on(Page& page, Point offset) const& { Frame(*this).place_on(page, offset); }

}  // namespace vitae

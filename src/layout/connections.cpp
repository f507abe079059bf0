// The header's contact line (see connections.h). Items never break inside: each is set as
// one line and placed whole; a line holds as many as fit, with the separator between them
// and half of header.connections.space_between_connections on each side of it (RenderCV's
// `connections` in lib.typ).
#include "layout/connections.h"

#include <cctype>
#include <string_view>

#include "layout/blocks.h"
#include "model/fields.h"
#include "model/utf8.h"

namespace vitae {

using namespace blocks;

namespace {

// The Font Awesome 7 code points of RenderCV's icon names (model/fields.h names them; the
// code points are from metadata/icons.yml of @fortawesome/fontawesome-free).
struct IconName {
  std::string_view name;
  char32_t code;
};
constexpr IconName kIcons[] = {
    {"linkedin", 0xF08C},  {"github", 0xF09B},      {"gitlab", 0xF296},    {"imdb", 0xF2D8},
    {"instagram", 0xF16D}, {"mastodon", 0xF4F6},    {"orcid", 0xF8D2},     {"stack-overflow", 0xF16C},
    {"researchgate", 0xF4F8}, {"youtube", 0xF167},  {"graduation-cap", 0xF19D}, {"telegram", 0xF2C6},
    {"whatsapp", 0xF232},  {"code", 0xF121},        {"x-twitter", 0xE61B}, {"bluesky", 0xE671},
    {"location-dot", 0xF3C5}, {"envelope", 0xF0E0}, {"phone", 0xF095},     {"link", 0xF0C1},
    {"reddit", 0xF1A1},
};

struct Item {
  char32_t icon = 0;
  std::string markup;
  SourceLoc loc;
};

/// The item's markup, a link when the design hyperlinks contact details.
std::string link(const Connection& c, bool hyperlink) {
  if (!hyperlink || c.url.empty()) return c.markup;
  return "[" + c.markup + "](" + c.url + ")";
}

std::vector<Item> items_of(const CV& cv, const Design::Header::Connections& hc) {
  std::vector<Item> items;
  for (const Connection& c : connections_of(cv, hc)) items.push_back({icon_code_point(c.icon), link(c, hc.hyperlink), c.loc});
  return items;
}

/// One item set as a single line: its icon (from the icon font that has it), a tie, then
/// the text. The icon's run stands for a space in the PDF's text, so that extractors read
/// nothing odd (Font Awesome's code points are in the Private Use Area).
std::vector<SetLine> set_item_lines(const RealizeContext& ctx, const Item& item, bool icons, Abs width) {
  std::vector<StyledText> spans;
  // RenderCV's connection-with-icon: the icon, a space and 0.05cm more, then the text.
  const Abs after_icon = Abs::cm(0.05);
  bool with_icon = false;
  if (icons && item.icon) {
    if (const TextStyle* st = ctx.styles.icon(item.icon)) {
      std::string icon;
      append_utf8(icon, item.icon);
      spans.push_back({icon, *st, {}});
      spans.push_back({"\u00A0", ctx.styles.get(Role::Connections, ctx.styles.bold_by_default(Role::Connections), false), {}});
      with_icon = true;
    }
  }
  for (StyledText& t : styled(ctx, item.markup, Role::Connections)) spans.push_back(std::move(t));
  std::vector<SetLine> lines =
      paragraph(ctx, std::move(spans), with_icon ? width - after_icon : width, Align::Left, item.loc);
  if (with_icon && !lines.empty()) {
    // Everything after the icon's run on the first line moves right by the extra space.
    Frame& f = lines.front().frame;
    for (std::size_t i = 1; i < f.runs.size(); ++i) f.runs[i].origin.x += after_icon;
    for (LinkArea& l : f.links) l.origin.x += after_icon;
    for (Rule& r : f.rules) r.origin.x += after_icon;
  }
  return lines;
}

/// One item on a single line (a header line never breaks an item).
SetLine set_item(const RealizeContext& ctx, const Item& item, bool icons) {
  std::vector<SetLine> lines = set_item_lines(ctx, item, icons, Abs::pt(1e5));
  return lines.empty() ? SetLine{} : std::move(lines.front());
}

Abs extent(const SetLine& l) {
  Abs w;
  for (const GlyphRun& r : l.frame.runs) w = std::max(w, r.origin.x + r.width());
  return w;
}

}  // namespace

char32_t icon_code_point(std::string_view name) {
  for (const IconName& i : kIcons)
    if (i.name == name) return i.code;
  return 0;
}

bool has_connections(const CV& cv) {
  return !cv.location.empty() || !cv.emails.empty() || !cv.phone.empty() || !cv.website.empty() ||
         !cv.social_networks.empty() || !cv.custom_connections.empty();
}

std::vector<SetLine> connection_list(const RealizeContext& ctx, Abs width) {
  const auto& hc = ctx.doc.design.header.connections;
  std::vector<SetLine> out;
  for (const Item& item : items_of(ctx.doc.cv, hc))
    for (SetLine& l : set_item_lines(ctx, item, hc.show_icons, width)) out.push_back(std::move(l));
  return out;
}

std::vector<SetLine> connection_lines(const RealizeContext& ctx, Abs width) {
  const auto& hc = ctx.doc.design.header.connections;
  std::vector<Item> items = items_of(ctx.doc.cv, hc);
  if (items.empty()) return {};
  const Abs half_space = len(ctx, hc.space_between_connections) / 2;
  SetLine sep = hc.separator.empty() ? SetLine{} : set_item(ctx, {0, escape_markup(hc.separator), {}}, false);
  const Abs sep_w = extent(sep) + half_space * 2;
  const std::string& a = ctx.doc.design.header.alignment;

  std::vector<SetLine> out;
  std::vector<std::pair<SetLine, Abs>> row;  // items of the line being filled, with their x
  Abs x;
  auto finish = [&] {
    SetLine line;
    line.frame.width = width;
    for (auto& [item, at] : row) {
      line.frame.height = std::max(line.frame.height, item.frame.height);
    }
    Abs shift = a == "left" ? Abs::zero() : a == "right" ? width - x : (width - x) / 2;
    for (auto& [item, at] : row) {
      Abs dy = line.frame.height - item.frame.height;  // baselines on one line
      line.frame.place(std::move(item.frame), {at + shift, dy});
    }
    out.push_back(std::move(line));
    row.clear();
    x = Abs::zero();
  };
  for (const Item& item : items) {
    SetLine l = set_item(ctx, item, hc.show_icons);
    Abs w = extent(l);
    if (!row.empty() && x + sep_w + w > width) finish();
    if (!row.empty()) {
      if (!sep.frame.runs.empty()) row.push_back({sep, x + half_space});
      x += sep_w;
    }
    row.push_back({std::move(l), x});
    x += w;
  }
  finish();
  return out;
}

}  // namespace vitae

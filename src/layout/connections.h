// The header's contact line: location, e-mail, phone, website, social networks and custom
// connections, each with its Font Awesome icon (design.header.connections.show_icons), set
// as unbreakable items joined by the separator and filled into lines as RenderCV does.
#pragma once

#include <vector>

#include "layout/realize.h"

namespace vitae {

/// The Font Awesome code point of a RenderCV icon name ("envelope", "github"), or 0.
char32_t icon_code_point(std::string_view name);

/// The contact items, filled greedily into lines of `width` and aligned by
/// design.header.alignment; empty when the CV has no contact details.
std::vector<SetLine> connection_lines(const RealizeContext& ctx, Abs width);

/// Whether the CV has any contact details to show.
bool has_connections(const CV& cv);

/// The contact items one a line, left-aligned, for a narrow column (the sidebar); an item
/// wider than `width` breaks where its text allows.
std::vector<SetLine> connection_list(const RealizeContext& ctx, Abs width);

}  // namespace vitae

// Paragraph-level building blocks shared by realize (header, headings) and entries: text
// in a role's style, paragraphs set with their statistics and warnings, lines stacked into
// frames or added to a vertical list with club and widow rules, list markers.
#pragma once

#include <string>
#include <vector>

#include "layout/realize.h"

namespace vitae::blocks {

/// Markup in a role's styles (bold by the role's default or `force_bold`); links coloured.
std::vector<StyledText> styled(const RealizeContext& ctx, const std::string& markup, Role role,
                               bool force_bold = false);

Abs body_size(const RealizeContext& ctx);
/// typography.line_spacing at the body size.
Abs leading(const RealizeContext& ctx);
/// A design length at the body size.
Abs len(const RealizeContext& ctx, const Length& l);
/// typography.alignment as an Align.
Align body_align(const RealizeContext& ctx);

/// Sets a paragraph, records statistics, and reports missing characters and overfull or
/// underfull lines like TeX, at `loc`.
std::vector<SetLine> paragraph(const RealizeContext& ctx, std::vector<StyledText> spans, Abs width, Align align,
                               SourceLoc loc);
/// paragraph() of markup in a role.
std::vector<SetLine> text_lines(const RealizeContext& ctx, const std::string& markup, Role role, Abs width,
                                Align align, SourceLoc loc, bool bold = false);

/// One line of markup set without breaking it into a paragraph's statistics or warnings:
/// list markers, and measuring. Its runs are the line's extent (empty for empty markup).
SetLine set_marker(const RealizeContext& ctx, const std::string& markup, Abs width, Align align);

/// Stacks lines into one frame, `lead` apart (bottom edge to next top edge).
Frame stack(const std::vector<SetLine>& lines, Abs lead, Abs width);
/// Appends lines as separate boxes at `x`, with TeX's club and widow rules.
void lines_to_vlist(VList& v, std::vector<SetLine> lines, Abs lead, Abs x, SourceLoc loc);
/// Places a marker before a line's content, first in the content stream too.
void prepend(Frame& line, Frame marker, Point offset);
/// The width a marker takes: as set, and for "•" at least the drawn disc's diameter (a
/// face's narrow bullet glyph must not let the disc overhang the text block).
Abs marker_width(const RealizeContext& ctx, const Frame& typeset, const std::string& marker);
/// The depth a marker adds below its line: RenderCV's "●" is 13pt text whose top stands
/// level with the line's, so its baseline, the line's bottom edge, is lower by the
/// difference of the cap heights (2pt with a 10pt body); nothing for other markers.
Abs marker_depth(const RealizeContext& ctx, const std::string& marker);
/// A list marker as set: "•" becomes a drawn disc, anything else stays text.
Frame marker_frame(const RealizeContext& ctx, const Frame& typeset, const std::string& marker, Abs width);
/// Collapses a vertical list into one frame (its glue at natural size).
Frame to_frame(VList v, Abs width);

}  // namespace vitae::blocks

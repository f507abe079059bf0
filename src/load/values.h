// Parsing of design values written as strings: lengths, colours, page sizes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "vitae/length.h"
#include "vitae/model.h"

namespace vitae::load {

/// "0.7in", "2cm", "5mm", "10pt", "1.4em" (an optional space before the unit, an optional
/// sign). Sets `error` and returns nothing otherwise.
std::optional<Length> parse_length(std::string_view s, std::string* error);

/// "50%" or "0.5": a fraction more than 0 and at most 1 (the bounds of design.fit).
std::optional<double> parse_fraction(std::string_view s, std::string* error);

/// "rgb(0, 79, 144)", "#004f90", "#04f", or a basic colour name (black, white, gray, grey,
/// red, green, blue, navy, maroon, teal, purple, orange, olive, silver, yellow, brown).
std::optional<Color> parse_color(std::string_view s, std::string* error);

/// Width and height of a named page size: a4, a5, us-letter, us-executive.
std::optional<std::pair<Abs, Abs>> page_dimensions(std::string_view size);

}  // namespace vitae::load

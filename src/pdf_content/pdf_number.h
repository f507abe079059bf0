// Locale-independent number formatting for PDF content streams and dictionaries.
#pragma once

#include <string>

namespace vitae::pdf {

/// Appends `v` rounded to `decimals` places (clamped to 0..9), without trailing zeros, "-0"
/// or exponent ("12.5", "0.333", "-3"); NaN and infinities become "0". Locale-independent
/// (no printf: a setlocale() elsewhere in the process would turn the point into a comma).
void append_number(std::string& out, double v, int decimals = 3);

/// `v` formatted as by append_number.
std::string pdf_number(double v, int decimals = 3);

/// `v` rounded to `decimals` places: the value a reader gets back from pdf_number(v).
double round_to(double v, int decimals);

}  // namespace vitae::pdf

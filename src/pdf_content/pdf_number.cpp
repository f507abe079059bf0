// Number formatting for PDF output. See pdf_number.h.
//
// The fast path prints the rounded value as a scaled integer: round(v * 10^d) = n, then n's
// digits with a decimal point d places from the right. For |n| < 2^52 this is exactly what
// std::to_chars(n / 10^d, fixed, d) prints (the double nearest n / 10^d lies within half a
// unit of its last decimal place), at a tenth of the cost: the content streams of a page
// hold thousands of numbers.
#include "pdf_content/pdf_number.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace vitae::pdf {
namespace {

constexpr double kScale[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
constexpr double kExactLimit = 4e15;  // below 2^52: integers and their tenths stay exact

int clamp_decimals(int decimals) { return decimals < 0 ? 0 : decimals > 9 ? 9 : decimals; }

/// `n` / 10^`decimals` in fixed notation, trailing fractional zeros and a bare point dropped.
void append_scaled(std::string& out, int64_t n, int decimals) {
  char buf[32];
  char* const end = buf + sizeof buf;
  char* p = end;
  uint64_t u = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  while (decimals > 0 && u % 10 == 0) {
    u /= 10;
    --decimals;
  }
  if (decimals > 0) {
    for (int i = 0; i < decimals; ++i, u /= 10) *--p = static_cast<char>('0' + u % 10);
    *--p = '.';
  }
  do {
    *--p = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (n < 0) *--p = '-';
  out.append(p, static_cast<std::size_t>(end - p));
}

/// The general path, for values too large for the scaled integer: std::to_chars rounds
/// the exact binary value (scaling first would add an error in the last digits).
void append_large(std::string& out, double v, int decimals) {
  char buf[400];  // DBL_MAX in fixed notation has 309 digits
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  if (res.ec != std::errc()) {
    out += '0';
    return;
  }
  char* end = res.ptr;
  if (decimals > 0) {
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
  }
  out.append(buf, static_cast<std::size_t>(end - buf));
}

}  // namespace

double round_to(double v, int decimals) {
  const double scale = kScale[clamp_decimals(decimals)];
  const double scaled = v * scale;
  // Most values rounded in content streams are zero or nearly (text rise, TJ gaps):
  // std::round is a library call, this test is not. No negative zero either way.
  if (std::fabs(scaled) < 0.5) return 0.0;
  return std::round(scaled) / scale;
}

void append_number(std::string& out, double v, int decimals) {
  if (!std::isfinite(v)) v = 0;  // PDF has no NaN or infinity; 0 is the harmless choice
  decimals = clamp_decimals(decimals);
  const double scaled = std::round(v * kScale[decimals]);
  if (std::fabs(scaled) < kExactLimit)
    append_scaled(out, static_cast<int64_t>(scaled), decimals);
  else
    append_large(out, v, decimals);
}

std::string pdf_number(double v, int decimals) {
  std::string s;
  append_number(s, v, decimals);
  return s;
}

}  // namespace vitae::pdf

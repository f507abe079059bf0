// Number formatting for PDF output. See pdf_number.h.
#include "pdf/pdf_number.h"

#include <charconv>
#include <cmath>

namespace vitae::pdf {

double round_to(double v, int decimals) {
  static constexpr double kScale[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  const double scale = kScale[decimals < 0 ? 0 : decimals > 9 ? 9 : decimals];
  double r = std::round(v * scale) / scale;
  return r == 0 ? 0.0 : r;  // no negative zero
}

void append_number(std::string& out, double v, int decimals) {
  if (!std::isfinite(v)) v = 0;  // PDF has no NaN or infinity; 0 is the harmless choice
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, round_to(v, decimals), std::chars_format::fixed,
                           decimals);
  if (res.ec != std::errc()) {
    out += '0';
    return;
  }
  char* end = res.ptr;
  if (decimals > 0) {
    while (end > buf && end[-1] == '0') --end;
    if (end > buf && end[-1] == '.') --end;
  }
  std::string_view s(buf, static_cast<std::size_t>(end - buf));
  out += (s == "-0" || s.empty()) ? std::string_view("0") : s;
}

std::string pdf_number(double v, int decimals) {
  std::string s;
  append_number(s, v, decimals);
  return s;
}

}  // namespace vitae::pdf

#include "load/values.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

namespace vitae::load {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

/// Parses a decimal number ("-0.5", "10", ".5") at the start of `s`; returns characters used.
std::size_t parse_number(std::string_view s, double& out) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  std::size_t digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  }
  if (digits == 0) return 0;
  // std::from_chars for double is locale-independent; it rejects a leading '+'.
  std::string_view num = s.substr(0, i);
  if (num.front() == '+') num.remove_prefix(1);
  auto r = std::from_chars(num.data(), num.data() + num.size(), out);
  return r.ec == std::errc() ? i : 0;
}

struct NamedColor {
  const char* name;
  Color color;
};

constexpr NamedColor kNamedColors[] = {
    {"black", {0, 0, 0}},       {"white", {255, 255, 255}}, {"gray", {128, 128, 128}},
    {"grey", {128, 128, 128}},  {"red", {255, 0, 0}},       {"green", {0, 128, 0}},
    {"blue", {0, 0, 255}},      {"navy", {0, 0, 128}},      {"maroon", {128, 0, 0}},
    {"teal", {0, 128, 128}},    {"purple", {128, 0, 128}},  {"orange", {255, 165, 0}},
    {"olive", {128, 128, 0}},   {"silver", {192, 192, 192}}, {"yellow", {255, 255, 0}},
    {"brown", {165, 42, 42}},
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<Color> parse_hex(std::string_view h) {
  if (h.size() != 3 && h.size() != 6) return std::nullopt;
  int v[6];
  for (std::size_t i = 0; i < h.size(); ++i)
    if ((v[i] = hex_value(h[i])) < 0) return std::nullopt;
  if (h.size() == 3)
    return Color{static_cast<uint8_t>(v[0] * 17), static_cast<uint8_t>(v[1] * 17),
                 static_cast<uint8_t>(v[2] * 17)};
  return Color{static_cast<uint8_t>(v[0] * 16 + v[1]), static_cast<uint8_t>(v[2] * 16 + v[3]),
               static_cast<uint8_t>(v[4] * 16 + v[5])};
}

std::optional<Color> parse_rgb(std::string_view s) {
  s = trim(s);
  if (s.size() < 2 || s.front() != '(' || s.back() != ')') return std::nullopt;
  s = s.substr(1, s.size() - 2);
  int parts[3];
  for (int k = 0; k < 3; ++k) {
    std::size_t comma = s.find(',');
    if ((k < 2) != (comma != std::string_view::npos)) return std::nullopt;
    std::string_view part = trim(s.substr(0, comma));
    auto r = std::from_chars(part.data(), part.data() + part.size(), parts[k]);
    if (r.ec != std::errc() || r.ptr != part.data() + part.size() || parts[k] < 0 || parts[k] > 255)
      return std::nullopt;
    s = comma == std::string_view::npos ? std::string_view{} : s.substr(comma + 1);
  }
  return Color{static_cast<uint8_t>(parts[0]), static_cast<uint8_t>(parts[1]),
               static_cast<uint8_t>(parts[2])};
}

}  // namespace

std::optional<Length> parse_length(std::string_view text, std::string* error) {
  std::string_view s = trim(text);
  double v = 0;
  std::size_t used = parse_number(s, v);
  std::string_view unit = used ? trim(s.substr(used)) : std::string_view{};
  std::optional<Length> out;
  if (unit == "pt") out = Length::of(Abs::pt(v));
  else if (unit == "in") out = Length::of(Abs::inch(v));
  else if (unit == "cm") out = Length::of(Abs::cm(v));
  else if (unit == "mm") out = Length::of(Abs::mm(v));
  else if (unit == "em") out = Length::ems(v);
  if (!out && error)
    *error = "'" + std::string(text) + "' is not a length: write a number and a unit (pt, in, cm, mm or em), e.g. 0.7in";
  return out;
}

std::optional<double> parse_fraction(std::string_view text, std::string* error) {
  std::string_view s = trim(text);
  double v = 0;
  std::size_t used = parse_number(s, v);
  std::string_view rest = used ? trim(s.substr(used)) : std::string_view{"?"};
  if (rest == "%") v /= 100;
  else if (!rest.empty()) used = 0;
  if (used && v > 0 && v <= 1) return v;
  if (error) *error = "'" + std::string(text) + "' is not a fraction: write a percentage from 1% to 100%, e.g. 80%, or 0.8";
  return std::nullopt;
}

std::optional<Color> parse_color(std::string_view text, std::string* error) {
  std::string_view s = trim(text);
  std::optional<Color> out;
  if (!s.empty() && s.front() == '#') {
    out = parse_hex(s.substr(1));
  } else if (s.substr(0, 3) == "rgb") {
    out = parse_rgb(s.substr(3));
  } else {
    for (const NamedColor& n : kNamedColors)
      if (s == n.name) out = n.color;
  }
  if (!out && error)
    *error = "'" + std::string(text) + "' is not a colour: write rgb(0, 79, 144), #004f90 or a basic colour name";
  return out;
}

std::optional<std::pair<Abs, Abs>> page_dimensions(std::string_view size) {
  if (size == "a4") return std::pair{Abs::mm(210), Abs::mm(297)};
  if (size == "a5") return std::pair{Abs::mm(148), Abs::mm(210)};
  if (size == "us-letter") return std::pair{Abs::inch(8.5), Abs::inch(11)};
  if (size == "us-executive") return std::pair{Abs::inch(7.25), Abs::inch(10.5)};
  return std::nullopt;
}

}  // namespace vitae::load

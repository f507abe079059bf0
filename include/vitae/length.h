// Abs: an absolute length, the unit type every stage uses for distances.
#pragma once

#include <compare>

namespace vitae {

/// An absolute length, stored in PostScript points (1/72 inch, TeX's "bp").
/// All layout arithmetic goes through this type so that no stage mixes units.
class Abs {
 public:
  constexpr Abs() = default;
  static constexpr Abs pt(double v) { return Abs(v); }
  static constexpr Abs inch(double v) { return Abs(v * 72.0); }
  static constexpr Abs mm(double v) { return Abs(v * 72.0 / 25.4); }
  static constexpr Abs cm(double v) { return Abs(v * 720.0 / 25.4); }
  static constexpr Abs zero() { return Abs(0); }

  constexpr double to_pt() const { return pt_; }
  constexpr double to_mm() const { return pt_ * 25.4 / 72.0; }

  constexpr Abs operator+(Abs o) const { return Abs(pt_ + o.pt_); }
  constexpr Abs operator-(Abs o) const { return Abs(pt_ - o.pt_); }
  constexpr Abs operator-() const { return Abs(-pt_); }
  constexpr Abs operator*(double k) const { return Abs(pt_ * k); }
  constexpr Abs operator/(double k) const { return Abs(pt_ / k); }
  constexpr double operator/(Abs o) const { return pt_ / o.pt_; }
  constexpr Abs& operator+=(Abs o) { pt_ += o.pt_; return *this; }
  constexpr Abs& operator-=(Abs o) { pt_ -= o.pt_; return *this; }
  constexpr auto operator<=>(const Abs&) const = default;

 private:
  constexpr explicit Abs(double v) : pt_(v) {}
  double pt_ = 0;
};

constexpr Abs operator*(double k, Abs a) { return a * k; }

namespace literals {
constexpr Abs operator""_pt(long double v) { return Abs::pt(static_cast<double>(v)); }
constexpr Abs operator""_pt(unsigned long long v) { return Abs::pt(static_cast<double>(v)); }
constexpr Abs operator""_mm(long double v) { return Abs::mm(static_cast<double>(v)); }
constexpr Abs operator""_cm(long double v) { return Abs::cm(static_cast<double>(v)); }
}  // namespace literals

}  // namespace vitae

namespace vitae {

/// A length as written in a design: an absolute part plus a part relative to the
/// font size in effect ("1.4em"). Resolved at layout time, when the size is known.
struct Length {
  Abs abs;
  double em = 0;

  static constexpr Length of(Abs a) { return Length{a, 0}; }
  static constexpr Length ems(double e) { return Length{Abs::zero(), e}; }
  constexpr Abs resolve(Abs font_size) const { return abs + font_size * em; }
  constexpr bool operator==(const Length&) const = default;
};

}  // namespace vitae

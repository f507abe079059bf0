// The PDF number formatter: exact text for chosen values, and agreement with the general
// std::to_chars formatting it short-cuts, over many values of every magnitude.
#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <random>

#include "pdf_content/pdf_number.h"

namespace vitae::pdf {
namespace {

TEST(PdfNumberExact, ChosenValues) {
  EXPECT_EQ(pdf_number(0), "0");
  EXPECT_EQ(pdf_number(-0.0), "0");
  EXPECT_EQ(pdf_number(-0.0001), "0");
  EXPECT_EQ(pdf_number(-0.0004999), "0");
  EXPECT_EQ(pdf_number(12.5), "12.5");
  EXPECT_EQ(pdf_number(1e6), "1000000");
  EXPECT_EQ(pdf_number(595.2756), "595.276");
  EXPECT_EQ(pdf_number(-595.2756), "-595.276");
  EXPECT_EQ(pdf_number(0.0504), "0.05");
  EXPECT_EQ(pdf_number(-0.07, 2), "-0.07");
  EXPECT_EQ(pdf_number(100.0, 2), "100");
  EXPECT_EQ(pdf_number(2.5, 0), "3");  // half away from zero, as std::round
  EXPECT_EQ(pdf_number(-2.5, 0), "-3");
  EXPECT_EQ(pdf_number(0.123456789, 9), "0.123456789");
  EXPECT_EQ(pdf_number(0.5, 12), "0.5");  // decimals clamped to 9
  EXPECT_EQ(pdf_number(1.25, -1), "1");   // and to 0
}

TEST(PdfNumberExact, LargeAndNonFiniteValues) {
  EXPECT_EQ(pdf_number(1e16), "10000000000000000");
  EXPECT_EQ(pdf_number(-1e20), "-100000000000000000000");
  EXPECT_EQ(pdf_number(4e15 + 0.5, 1), "4000000000000000.5");
  EXPECT_EQ(pdf_number(std::numeric_limits<double>::max()).size(), 309u);
  EXPECT_EQ(pdf_number(std::nan("")), "0");
  EXPECT_EQ(pdf_number(std::numeric_limits<double>::infinity()), "0");
  EXPECT_EQ(pdf_number(-std::numeric_limits<double>::infinity()), "0");
  EXPECT_EQ(pdf_number(std::numeric_limits<double>::denorm_min()), "0");
}

/// The general formatting: rounding half away from zero at `decimals` places, then
/// std::to_chars in fixed notation, zeros trimmed.
std::string reference(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  char buf[400];
  auto res = std::to_chars(buf, buf + sizeof buf, std::round(v * scale) / scale,
                           std::chars_format::fixed, decimals);
  std::string s(buf, res.ptr);
  if (decimals > 0 && s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

TEST(RoundTo, HalfAwayFromZeroWithoutNegativeZero) {
  EXPECT_EQ(round_to(0.0004, 3), 0.0);
  EXPECT_FALSE(std::signbit(round_to(-0.0004, 3)));
  EXPECT_FALSE(std::signbit(round_to(-0.0, 2)));
  EXPECT_EQ(round_to(0.125, 2), 0.13);
  EXPECT_EQ(round_to(-0.125, 2), -0.13);
  EXPECT_EQ(round_to(-2.5, 0), -3.0);
  EXPECT_EQ(round_to(1234.56789, 3), 1234.568);
  EXPECT_TRUE(std::isnan(round_to(std::nan(""), 3)));
}

/// Below 4e15 in units of the last place the formatter prints a scaled integer; it must
/// give the same text as the general path.
TEST(PdfNumberExact, AgreesWithToCharsAcrossMagnitudes) {
  std::mt19937_64 rng(20261126);  // fixed seed: the same values on every run
  std::uniform_real_distribution<double> mantissa(-10.0, 10.0);
  std::uniform_int_distribution<int> exponent(-8, 14), places(0, 9);
  for (int i = 0; i < 200000; ++i) {
    const double v = mantissa(rng) * std::pow(10.0, exponent(rng));
    const int d = places(rng);
    if (std::fabs(v) * std::pow(10.0, d) >= 4e15) continue;  // the general path itself
    ASSERT_EQ(pdf_number(v, d), reference(v, d)) << "v=" << v << " decimals=" << d;
  }
}

TEST(PdfNumberExact, AgreesOnHalfwayCases) {
  // Values at and next to x.xxx5, where rounding direction matters.
  for (int n = -20000; n <= 20000; ++n) {
    const double v = (n + 0.5) / 1000.0;
    for (double w : {v, std::nextafter(v, 1e9), std::nextafter(v, -1e9)})
      ASSERT_EQ(pdf_number(w), reference(w, 3)) << w;
  }
}

}  // namespace
}  // namespace vitae::pdf

// Reading the CID of each glyph from a CFF charset: hand-made CID-keyed CFF data, and
// the bundled name-keyed Libertine.
#include <gtest/gtest.h>

#include "pdf_content/cff_charset.h"
#include "pdf_test_support.h"
#include "text/subset.h"

namespace vitae::pdf {
namespace {

/// A minimal CID-keyed CFF with five glyphs: header, Name INDEX, Top DICT INDEX (ROS,
/// charset at 38, CharStrings at `cs_off`), empty String and Global Subr INDEXes, the
/// charset bytes given, then a CharStrings INDEX of five 'endchar' glyphs.
std::string cid_cff(const std::string& charset, bool with_ros = true) {
  const uint8_t cs_off = static_cast<uint8_t>(38 + charset.size());
  std::string dict;
  if (with_ros) dict += std::string("\xF8\x1B\xF8\x1C\x8B\x0C\x1E", 7);  // 391 392 0 ROS
  else dict += std::string("\x8B\x8B\x8B\x8B\x8B\x8B\x8B", 7);          // filler operands
  dict += std::string("\x1D\x00\x00\x00\x26\x0F", 6);                    // charset 38
  dict += std::string("\x1D\x00\x00\x00", 4) + static_cast<char>(cs_off) + "\x11";  // CharStrings
  std::string s("\x01\x00\x04\x04", 4);                    // header
  s += std::string("\x00\x01\x01\x01\x02" "A", 6);         // Name INDEX
  s += std::string("\x00\x01\x01\x01", 4) + static_cast<char>(1 + dict.size()) + dict;
  s += std::string("\x00\x00\x00\x00", 4);                 // String INDEX, Global Subr INDEX
  EXPECT_EQ(s.size(), 38u);
  s += charset;
  s += std::string("\x00\x05\x01\x01\x02\x03\x04\x05\x06\x0E\x0E\x0E\x0E\x0E", 14);
  return s;
}

TEST(CffCharset, Format2Ranges) {
  auto cids = cff_glyph_cids(cid_cff(std::string("\x02\x00\x64\x00\x02\x01\xF4\x00\x00", 9)));
  ASSERT_TRUE(cids);
  EXPECT_EQ(*cids, (std::vector<uint16_t>{0, 100, 101, 102, 500}));
}

TEST(CffCharset, Format1Ranges) {
  auto cids = cff_glyph_cids(cid_cff(std::string("\x01\x00\x0A\x03", 4)));
  ASSERT_TRUE(cids);
  EXPECT_EQ(*cids, (std::vector<uint16_t>{0, 10, 11, 12, 13}));
}

TEST(CffCharset, Format0List) {
  auto cids = cff_glyph_cids(cid_cff(std::string("\x00\x00\x07\x00\x03\x12\x34\x00\x01", 9)));
  ASSERT_TRUE(cids);
  EXPECT_EQ(*cids, (std::vector<uint16_t>{0, 7, 3, 0x1234, 1}));
}

TEST(CffCharset, NameKeyedAndDamagedDataGiveNothing) {
  EXPECT_FALSE(cff_glyph_cids(cid_cff(std::string("\x01\x00\x0A\x03", 4), false)));
  std::string cut = cid_cff(std::string("\x01\x00\x0A\x03", 4));
  cut.resize(40);
  EXPECT_FALSE(cff_glyph_cids(cut));
  EXPECT_FALSE(cff_glyph_cids(""));
  EXPECT_FALSE(cff_glyph_cids(std::string(3, '\xFF')));
}

TEST(CffCharset, LibertineIsNameKeyed) {
  auto font = pdf_test::bundled("libertine/LinLibertine_R.otf");
  std::string err;
  auto subset = subset_font(*font, {glyph_for_codepoint(*font, U'a').value()}, &err);
  ASSERT_TRUE(subset) << err;
  EXPECT_FALSE(cff_glyph_cids(subset->program));
}

}  // namespace
}  // namespace vitae::pdf

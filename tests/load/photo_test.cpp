// cv.photo in the loader: the path resolved from the naming file's folder, the image read
// once and recognised, and every way it can be wrong an error at the value.
#include <gtest/gtest.h>

#include "load_test_util.h"

namespace vitae {
namespace {

using testing::build;
using testing::disk_options;
using testing::load_text;

// Tests run in the source tree (tests/CMakeLists.txt), where "cv.yaml" names no folder:
// the photo path is then relative to the working folder.
std::string cv_with_photo(const std::string& photo) { return "cv:\n  name: Ada\n  photo: " + photo + "\n"; }

TEST(Photo, PngIsReadWithItsSize) {
  auto l = load_text(cv_with_photo("tests/data/photo/landscape.png"), disk_options());
  ASSERT_TRUE(l.doc) << l.text();
  const auto& img = l.doc->cv.photo_image;
  ASSERT_TRUE(img);
  EXPECT_EQ(img->format, ImageFormat::Png);
  EXPECT_EQ(img->width, 16);
  EXPECT_EQ(img->height, 12);
  EXPECT_EQ(img->components, 3);
  EXPECT_FALSE(img->alpha);
  EXPECT_EQ(img->path, "tests/data/photo/landscape.png");
  EXPECT_EQ(img->bytes.size(), 398u);
}

TEST(Photo, JpegAndAlphaPng) {
  auto jpeg = load_text(cv_with_photo("tests/data/photo/portrait.jpg"), disk_options());
  ASSERT_TRUE(jpeg.doc) << jpeg.text();
  EXPECT_EQ(jpeg.doc->cv.photo_image->format, ImageFormat::Jpeg);
  EXPECT_EQ(jpeg.doc->cv.photo_image->width, 30);
  EXPECT_EQ(jpeg.doc->cv.photo_image->height, 40);
  EXPECT_EQ(jpeg.doc->cv.photo_image->components, 3);
  auto disc = load_text(cv_with_photo("tests/data/photo/disc.png"), disk_options());
  ASSERT_TRUE(disc.doc) << disc.text();
  EXPECT_TRUE(disc.doc->cv.photo_image->alpha);
}

TEST(Photo, NoPhotoNoImage) {
  auto l = load_text("cv:\n  name: Ada\n  photo:\n", disk_options());
  ASSERT_TRUE(l.doc) << l.text();
  EXPECT_FALSE(l.doc->cv.photo_image);
}

/// The diagnostics of a CV whose photo is `photo`, which must not load.
std::string photo_error(const std::string& photo, const LoadOptions& options = disk_options()) {
  auto l = load_text(cv_with_photo(photo), options);
  EXPECT_FALSE(l.doc);
  return l.text();
}

/// The error as the CLI prints it, at the value (line 3, column 10).
std::string at_value(const std::string& photo, const std::string& message, const std::string& hint) {
  return "cv.yaml:3:10: error: " + message + "\n    photo: " + photo + "\n           ^\n  hint: " + hint + "\n";
}

const std::string kFormatHint = "cv.photo takes a JPEG or PNG file, at most 10000x10000 pixels and 20 MB";

TEST(Photo, MissingFileIsAnErrorAtTheValue) {
  const std::string photo = "tests/data/photo/nobody.jpg";
  EXPECT_EQ(photo_error(photo),
            at_value(photo, "cannot read '" + photo + "': no such file", "the path is relative to cv.yaml"));
}

TEST(Photo, NotAnImageIsAnError) {
  const std::string photo = "tests/data/photo/not-an-image.png";
  EXPECT_EQ(photo_error(photo), at_value(photo, "cv.photo: '" + photo + "' is not a JPEG or PNG image", kFormatHint));
}

TEST(Photo, TooManyPixelsIsAnError) {
  const std::string photo = "tests/data/photo/too-wide.png";
  EXPECT_EQ(photo_error(photo),
            at_value(photo, "cv.photo: '" + photo + "' is 10001x1 pixels, larger than the limit of 10000x10000",
                     kFormatHint));
}

TEST(Photo, TooManyBytesIsAnError) {
  LoadOptions o = disk_options();
  // What the command line's reader returns for a larger file: one byte past the limit.
  o.read_image = [](const std::string&, std::string*) -> std::optional<std::string> {
    return std::string(20 * 1024 * 1024 + 1, '\0');
  };
  EXPECT_EQ(photo_error("huge.png", o),
            at_value("huge.png", "cv.photo: 'huge.png' is larger than the limit of 20 MB", kFormatHint));
}

TEST(Photo, WithoutAReaderItIsAnError) {
  auto l = load_text(cv_with_photo("a.png"));
  EXPECT_FALSE(l.doc);
  EXPECT_NE(l.text().find("error: cannot read 'a.png': this build reads no other files"), std::string::npos);
}

TEST(Photo, UrlIsRefused) {
  auto l = load_text(cv_with_photo("https://example.com/a.jpg"), disk_options());
  EXPECT_FALSE(l.doc);
  EXPECT_NE(l.text().find("cv.yaml:3:10: error: cv.photo: vitae does not download photos"), std::string::npos);
}

// As RenderCV resolves it: from the folder of the file that names the photo.
TEST(Photo, PathIsRelativeToTheCvFile) {
  auto b = build(cv_with_photo("photo/landscape.png"), "", disk_options(), "tests/data/cv.yaml");
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.doc->cv.photo_image->path, "tests/data/photo/landscape.png");
}

// A variant may show another photo: each document reads its own.
TEST(Photo, VariantsReadTheirOwnPhoto) {
  const std::string cv = cv_with_photo("tests/data/photo/landscape.png") +
                         "variants:\n  jpeg:\n    set:\n      cv.photo: tests/data/photo/portrait.jpg\n";
  auto plain = build(cv, "", disk_options());
  auto jpeg = build(cv, "jpeg", disk_options());
  ASSERT_TRUE(plain.doc && jpeg.doc) << plain.text() << jpeg.text();
  EXPECT_EQ(plain.doc->cv.photo_image->format, ImageFormat::Png);
  EXPECT_EQ(jpeg.doc->cv.photo_image->format, ImageFormat::Jpeg);
}

}  // namespace
}  // namespace vitae

// Files a CV names (extends, design.layout, cv.photo, a font file) must lie inside the
// project root: the top of the git work tree holding the CV, else its folder, or --root.
// A path that leaves it is an error at the value that names the root, and is never read.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "../support/files.h"
#include "load/load.h"
#include "load_test_util.h"

namespace vitae {
namespace {

namespace fs = std::filesystem;
using test_support::TempDir;
using testing::Built;
using testing::build_file;
using testing::disk_options;
using testing::write_file;

constexpr const char* kCv = "cv:\n  name: Ada Lovelace\n";

/// disk_options() that also records every path the loader asks to read.
LoadOptions recording(std::set<std::string>& asked) {
  LoadOptions o = disk_options();
  auto read = o.read_file;
  o.read_file = [read, &asked](const std::string& path, std::string* error) {
    asked.insert(fs::weakly_canonical(path).string());
    return read(path, error);
  };
  o.read_image = o.read_file;
  return o;
}

/// A project folder "proj" inside `dir` (so that "../secret.yaml" leaves it) with a secret
/// file beside it; returns the canonical project folder.
fs::path make_project(const TempDir& dir) {
  write_file(dir, "secret.yaml", kCv);
  fs::create_directories(dir.path / "proj");
  return fs::canonical(dir.path / "proj");
}

/// The only error of `b`, checked to be at `line`:`column` of `file`, to name `root`, and
/// to carry the --root hint.
void expect_outside(const Built& b, const std::string& file, int line, int column, const fs::path& root) {
  ASSERT_EQ(b.diags.error_count(), 1u) << b.text();
  const Diagnostic& d = b.diags.all().front();
  EXPECT_EQ(d.path, file);
  EXPECT_EQ(d.loc.line, line) << b.text();
  EXPECT_EQ(d.loc.column, column) << b.text();
  EXPECT_NE(d.message.find("is outside the project root " + root.string()), std::string::npos) << d.message;
  EXPECT_NE(d.hint.find("--root DIR"), std::string::npos) << d.hint;
  EXPECT_FALSE(b.doc);
}

TEST(Confine, ExtendsLeavingTheCvsFolderIsAnErrorAndNothingIsRead) {
  TempDir dir;
  fs::path root = make_project(dir);
  write_file(dir, "proj/cv.yaml", "extends: ../secret.yaml\n");
  std::set<std::string> asked;
  Built b = build_file(dir, "proj/cv.yaml", "", recording(asked));
  expect_outside(b, dir.file("proj/cv.yaml"), 1, 10, root);
  EXPECT_EQ(asked.count(fs::canonical(dir.path / "secret.yaml").string()), 0u);
}

TEST(Confine, AnAbsolutePathOutsideIsAnError) {
  TempDir dir;
  fs::path root = make_project(dir);
  write_file(dir, "proj/cv.yaml", "extends: " + dir.file("secret.yaml") + "\n");
  std::set<std::string> asked;
  Built b = build_file(dir, "proj/cv.yaml", "", recording(asked));
  expect_outside(b, dir.file("proj/cv.yaml"), 1, 10, root);
  EXPECT_TRUE(asked.empty());
}

TEST(Confine, ASymbolicLinkPointingOutsideIsAnError) {
  TempDir dir;
  fs::path root = make_project(dir);
  fs::create_symlink(dir.path / "secret.yaml", dir.path / "proj" / "base.yaml");
  write_file(dir, "proj/cv.yaml", "extends: base.yaml\n");
  std::set<std::string> asked;
  Built b = build_file(dir, "proj/cv.yaml", "", recording(asked));
  expect_outside(b, dir.file("proj/cv.yaml"), 1, 10, root);
  EXPECT_NE(b.diags.all().front().message.find("a symbolic link to"), std::string::npos) << b.text();
  EXPECT_TRUE(asked.empty());
}

TEST(Confine, TheTopOfTheGitWorkTreeIsTheDefaultRoot) {
  TempDir dir;
  write_file(dir, "cv.yaml", kCv);
  write_file(dir, "apps/acme.yaml", "extends: ../cv.yaml\ncv:\n  headline: Acme\n");
  // Without a repository the root is the CV's own folder: ../cv.yaml leaves it.
  expect_outside(build_file(dir, "apps/acme.yaml"), dir.file("apps/acme.yaml"), 1, 10,
                 fs::canonical(dir.path / "apps"));
  // A .git file (a git worktree) marks the top as well as a .git folder.
  write_file(dir, ".git", "gitdir: /elsewhere\n");
  Built b = build_file(dir, "apps/acme.yaml");
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.doc->cv.headline.markup, "Acme");
  EXPECT_EQ(default_project_root(dir.file("apps/acme.yaml")), fs::canonical(dir.path).string());
}

TEST(Confine, TheRootOptionWidensOrNarrowsIt) {
  TempDir dir;
  make_project(dir);
  write_file(dir, "proj/cv.yaml", "extends: ../secret.yaml\n");
  LoadOptions wide = disk_options();
  wide.root = dir.path.string();
  Built b = build_file(dir, "proj/cv.yaml", "", wide);
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_EQ(b.doc->cv.name.markup, "Ada Lovelace");

  LoadOptions missing = disk_options();
  missing.root = dir.file("no such folder");
  Built m = build_file(dir, "proj/cv.yaml", "", missing);
  EXPECT_FALSE(m.source);
  EXPECT_NE(m.text().find("the project root '" + missing.root + "' cannot be used"), std::string::npos) << m.text();
}

TEST(Confine, LayoutFilesPhotosAndFontFilesAreConfinedToo) {
  TempDir dir;
  fs::path root = make_project(dir);
  write_file(dir, "looks.yaml", "design:\n  colors:\n    name: red\n");
  write_file(dir, "proj/layout.yaml", std::string(kCv) + "design:\n  layout: ../looks.yaml\n");
  expect_outside(build_file(dir, "proj/layout.yaml"), dir.file("proj/layout.yaml"), 4, 11, root);

  fs::copy_file(fs::path(VITAE_SOURCE_DIR) / "tests/data/photo/portrait.jpg", dir.path / "portrait.jpg");
  write_file(dir, "proj/photo.yaml", "cv:\n  name: Ada\n  photo: ../portrait.jpg\n");
  std::set<std::string> asked;
  expect_outside(build_file(dir, "proj/photo.yaml", "", recording(asked)), dir.file("proj/photo.yaml"), 3, 10, root);
  EXPECT_TRUE(asked.empty());

  write_file(dir, "proj/font.yaml", std::string(kCv) + "design:\n  typography:\n    font_family: ../My.ttf\n");
  expect_outside(build_file(dir, "proj/font.yaml"), dir.file("proj/font.yaml"), 5, 18, root);
  // A font family by name is no file: not checked.
  write_file(dir, "proj/name.yaml", std::string(kCv) + "design:\n  typography:\n    font_family: Lato\n");
  EXPECT_TRUE(build_file(dir, "proj/name.yaml").doc);
}

TEST(Confine, AFileInsideTheRootIsRead) {
  TempDir dir;
  make_project(dir);
  fs::copy_file(fs::path(VITAE_SOURCE_DIR) / "tests/data/photo/portrait.jpg", dir.path / "proj" / "me.jpg");
  write_file(dir, "proj/sub/cv.yaml", "cv:\n  name: Ada\n  photo: me.jpg\n");
  write_file(dir, "proj/cv.yaml", "extends: sub/cv.yaml\ncv:\n  photo: me.jpg\n");
  Built b = build_file(dir, "proj/cv.yaml");
  ASSERT_TRUE(b.doc) << b.text();
  ASSERT_TRUE(b.doc->cv.photo_image);
}

TEST(Confine, FilesNamedOnTheCommandLineAreNot) {
  TempDir dir;
  make_project(dir);
  fs::copy_file(fs::path(VITAE_SOURCE_DIR) / "tests/data/photo/portrait.jpg", dir.path / "portrait.jpg");
  write_file(dir, "proj/cv.yaml", kCv);
  LoadOptions o = disk_options();
  o.overrides = {"cv.photo=" + dir.file("portrait.jpg")};  // --set: the user's own choice
  Built b = build_file(dir, "proj/cv.yaml", "", o);
  ASSERT_TRUE(b.doc) << b.text();
  EXPECT_TRUE(b.doc->cv.photo_image);
}

}  // namespace
}  // namespace vitae

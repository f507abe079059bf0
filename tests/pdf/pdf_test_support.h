// Shared helpers for the PDF writer tests: fonts, runs built by shaping, temp dirs, and
// running external PDF tools.
#pragma once

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "../support/files.h"
#include "text/font_library.h"
#include "text/shape.h"
#include "vitae/pages.h"

namespace vitae::pdf_test {

inline const std::string kFonts = std::string(VITAE_SOURCE_DIR) + "/fonts/";

/// Loads a bundled font (fails the test when it cannot).
inline std::shared_ptr<const Font> bundled(const char* file) {
  std::string err;
  auto f = load_font_file(kFonts + file, &err);
  EXPECT_TRUE(f) << err;
  return f;
}

/// A run of `text` shaped with `font` (ligatures and kerning on), at `origin`.
inline GlyphRun shaped_run(const std::shared_ptr<const Font>& font, const std::string& text,
                           double size, double x, double y, Color color = {}) {
  GlyphRun run;
  run.font = font;
  run.size = Abs::pt(size);
  run.color = color;
  run.origin = {Abs::pt(x), Abs::pt(y)};
  run.text = text;
  ShapeOptions opt;
  opt.size = Abs::pt(size);
  for (const ShapedGlyph& s : shape(*font, text, opt))
    run.glyphs.push_back(Glyph{s.id, s.x_advance, s.x_offset, s.y_offset, s.cluster});
  return run;
}

/// An empty page of the given size in points.
inline Page blank_page(double width, double height) {
  Page p;
  p.width = Abs::pt(width);
  p.height = Abs::pt(height);
  return p;
}

using test_support::TempDir;

/// Output and exit status of a shell command (stderr folded into stdout when asked).
struct CommandResult {
  std::string out;
  int status = -1;
};

inline CommandResult run_command(const std::string& cmd) {
  CommandResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

using test_support::read_bytes;
using test_support::write_bytes;

}  // namespace vitae::pdf_test

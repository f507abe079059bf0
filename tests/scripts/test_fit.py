#!/usr/bin/env python3
"""Fitting to a page count (settings.max_pages, --max-pages, fill_pages) through the real
binary. Synthetic CVs of N experience entries; the entry count that first takes two pages
is found by building, so the checks hold whatever the layout's exact sizes.

Checks, each in a fresh temporary directory:
  fit:over         a CV of about 1.15 pages with `settings.max_pages: 1`: exit 0, a
                   1-page PDF (pdfinfo), one or more `fit: design.KEY OLD -> NEW` lines,
                   no warning, and `--stats` prints the same lines and `overfull lines: 0`;
  fit:copy         the reported values written into the CV give the same bytes without
                   max_pages (the report is the fitted design);
  fit:cli-wins     `--max-pages 1` wins over `settings.max_pages: 3`;
  fit:overflow     a CV of about 2.5 pages for 1 page: exit 0, a PDF, and the warning
                   `cv.yaml:LINE:COL: warning: the CV needs N pages, but at most 1 page is
                   allowed ... run onto page 2`;
  fit:strict       the same with --max-pages-strict: exit 1, an error, no PDF written, an
                   existing PDF untouched;
  fit:unchanged    a CV that fits: with and without --max-pages 1 (and fill_pages) the
                   same bytes, and no fit line;
  fit:fill         fill_pages on a CV whose last page holds one short entry: 1 page;
  fit:deterministic  SOURCE_DATE_EPOCH set: a fitted build twice gives the same bytes;
  fit:layouts      every built-in layout fits its 1.15-page CV onto one page (or says
                   by how much it cannot), with no overfull line;
  fit:variants     --all-variants with max_pages: every variant's PDF within the limit;
  fit:bad-values   `settings.max_pages: 0` is an error at its line and column; `max_page`
                   gets a did-you-mean; `--max-pages 0` is bad usage (exit 2).

Usage: test_fit.py PATH/TO/vitae   (cwd: repository root; needs pdfinfo)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from script_support import Checker, read, report, write

EXPECTED_FAILURES = {}
EPOCH = "1700000000"
LAYOUTS = sorted(f[:-5] for f in os.listdir("layouts") if f.endswith(".yaml"))


def cv(entries, settings="", extra=""):
    y = "cv:\n  name: Ada Lovelace\n  sections:\n    experience:\n"
    for i in range(entries):
        y += (f"      - company: Company {i}\n        position: Engineer\n"
              "        start_date: 2019-01\n        end_date: 2020-06\n        highlights:\n"
              "          - Built a compiler pass that removed dead stores across basic blocks.\n"
              "          - Wrote the test suite.\n")
    if settings:
        y += "settings:\n" + settings
    return (y + extra).encode()


def run(c, args, cwd):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    return subprocess.run([c.vitae] + args, cwd=cwd, env=env, capture_output=True, text=True)


def pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(m.group(1)) if m else -1


def build(c, d, text, *args):
    write(os.path.join(d, "cv.yaml"), text)
    return run(c, ["build", "cv.yaml", *args], d)


def two_page_entries(c, d, theme=None):
    """The fewest entries that take two pages in `theme`."""
    extra = f"design:\n  theme: {theme}\n" if theme else ""
    for k in range(1, 80):
        build(c, d, cv(k, extra=extra))
        if pages(os.path.join(d, "cv.pdf")) >= 2:
            return k
    return 0


def fit_lines(stderr):
    return [l for l in stderr.splitlines() if l.startswith("fit: design.")]


def check_over(c, k):
    d = c.fresh_dir("over")
    r = build(c, d, cv(k + 1, "  max_pages: 1\n"))
    if r.returncode != 0 or pages(os.path.join(d, "cv.pdf")) != 1:
        c.fail("fit:over", f"exit {r.returncode}, {pages(os.path.join(d, 'cv.pdf'))} pages\n{r.stderr}")
    lines = fit_lines(r.stderr)
    if not lines or not all(re.fullmatch(r"fit: design\.[a-z_.]+ \S+ -> \S+", l) for l in lines):
        c.fail("fit:over", f"no or malformed fit lines:\n{r.stderr}")
    if "warning" in r.stderr:
        c.fail("fit:over", f"a warning:\n{r.stderr}")
    s = build(c, d, cv(k + 1, "  max_pages: 1\n"), "--stats")
    if fit_lines(s.stderr) != lines or "overfull lines: 0" not in s.stderr:
        c.fail("fit:over", f"--stats does not report the same:\n{s.stderr}")
    return lines


def check_copy(c, k, lines):
    d = c.fresh_dir("copy")
    build(c, d, cv(k + 1, "  max_pages: 1\n"))
    fitted = read(os.path.join(d, "cv.pdf"))
    design = "".join(f"  design.{m.group(1)}: {m.group(2)}\n"
                     for m in (re.fullmatch(r"fit: design\.(\S+) \S+ -> (\S+)", l) for l in lines) if m)
    build(c, d, cv(k + 1, extra="set:\n" + design))
    if read(os.path.join(d, "cv.pdf")) != fitted:
        c.fail("fit:copy", "the reported values do not give the fitted PDF:\n" + design)


def check_cli_wins(c, k):
    d = c.fresh_dir("cli-wins")
    r = build(c, d, cv(k + 1, "  max_pages: 3\n"), "--max-pages", "1")
    if r.returncode != 0 or pages(os.path.join(d, "cv.pdf")) != 1:
        c.fail("fit:cli-wins", f"exit {r.returncode}, {pages(os.path.join(d, 'cv.pdf'))} pages\n{r.stderr}")


def check_overflow(c, k):
    d = c.fresh_dir("overflow")
    text = cv(k * 5 // 2, "  max_pages: 1\n")
    r = build(c, d, text)
    pattern = (r"cv\.yaml:\d+:\d+: warning: the CV needs \d+ pages, but at most 1 page is allowed: .*"
               r"\d+ lines \([\d.]+ pt\) run onto page 2")
    if r.returncode != 0 or not os.path.exists(os.path.join(d, "cv.pdf")) or not re.search(pattern, r.stderr):
        c.fail("fit:overflow", f"exit {r.returncode}:\n{r.stderr}")
    write(os.path.join(d, "cv.pdf"), b"old")
    s = build(c, d, text, "--max-pages-strict")
    if s.returncode != 1 or "error: the CV needs" not in s.stderr or read(os.path.join(d, "cv.pdf")) != b"old":
        c.fail("fit:strict", f"exit {s.returncode}, PDF replaced or no error:\n{s.stderr}")
    os.remove(os.path.join(d, "cv.pdf"))
    s = build(c, d, text, "--max-pages-strict")
    if s.returncode != 1 or os.path.exists(os.path.join(d, "cv.pdf")) or os.listdir(d) != ["cv.yaml"]:
        c.fail("fit:strict", f"exit {s.returncode}, files {os.listdir(d)}")


def check_unchanged(c, k):
    d = c.fresh_dir("unchanged")
    build(c, d, cv(k - 1))
    plain = read(os.path.join(d, "cv.pdf"))
    for args, settings in ((["--max-pages", "1"], ""), ([], "  max_pages: 1\n  fill_pages: true\n")):
        r = build(c, d, cv(k - 1, settings), *args)
        if read(os.path.join(d, "cv.pdf")) != plain or fit_lines(r.stderr):
            c.fail("fit:unchanged", f"{args} {settings!r} changed the PDF:\n{r.stderr}")


def check_fill(c, k):
    d = c.fresh_dir("fill")
    r = build(c, d, cv(k, "  fill_pages: true\n"))
    if r.returncode != 0 or pages(os.path.join(d, "cv.pdf")) != 1 or not fit_lines(r.stderr):
        c.fail("fit:fill", f"exit {r.returncode}, {pages(os.path.join(d, 'cv.pdf'))} pages:\n{r.stderr}")


def check_deterministic(c, k):
    d = c.fresh_dir("deterministic")
    build(c, d, cv(k + 1, "  max_pages: 1\n"), "-o", "a.pdf")
    build(c, d, cv(k + 1, "  max_pages: 1\n"), "-o", "b.pdf")
    if read(os.path.join(d, "a.pdf")) != read(os.path.join(d, "b.pdf")):
        c.fail("fit:deterministic", "two fitted builds differ")


def check_layouts(c):
    for theme in LAYOUTS:
        d = c.fresh_dir("layout-" + theme)
        k = two_page_entries(c, d, theme)
        r = build(c, d, cv(k + 1, "  max_pages: 1\n", f"design:\n  theme: {theme}\n"), "--stats")
        n = pages(os.path.join(d, "cv.pdf"))
        if r.returncode != 0 or "overfull lines: 0" not in r.stderr or (n != 1 and "warning: the CV needs" not in r.stderr):
            c.fail("fit:layouts", f"{theme}: exit {r.returncode}, {n} pages:\n{r.stderr}")
        elif n != 1:
            c.fail("fit:layouts", f"{theme}: its bounds cannot fit {k + 1} entries on one page:\n{r.stderr}")


def check_variants(c, k):
    d = c.fresh_dir("variants")
    variants = "variants:\n  one:\n    set:\n      cv.name: One\n  two:\n    set:\n      cv.name: Two\n"
    r = build(c, d, cv(k + 1, "  max_pages: 1\n", variants), "--all-variants")
    for v in ("one", "two"):
        n = pages(os.path.join(d, f"cv-{v}.pdf"))
        if r.returncode != 0 or n != 1:
            c.fail("fit:variants", f"{v}: exit {r.returncode}, {n} pages:\n{r.stderr}")


def check_bad_values(c):
    d = c.fresh_dir("bad")
    r = build(c, d, cv(1, "  max_pages: 0\n"))
    line = cv(1).decode().count("\n") + 2
    if r.returncode != 1 or not re.search(rf"cv\.yaml:{line}:14: error: settings\.max_pages: ", r.stderr):
        c.fail("fit:bad-values", f"max_pages: 0: exit {r.returncode}:\n{r.stderr}")
    r = build(c, d, cv(1, "  max_page: 1\n"))
    if r.returncode != 1 or "did you mean 'max_pages'" not in r.stderr:
        c.fail("fit:bad-values", f"max_page: exit {r.returncode}:\n{r.stderr}")
    r = build(c, d, cv(1), "--max-pages", "0")
    if r.returncode != 2 or "--max-pages needs a number of pages" not in r.stderr:
        c.fail("fit:bad-values", f"--max-pages 0: exit {r.returncode}:\n{r.stderr}")


def main():
    vitae = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.abspath("build/vitae")
    if shutil.which("pdfinfo") is None:
        print("pdfinfo is not on PATH; this test needs it")
        return 1
    checks = {"fit:over", "fit:copy", "fit:cli-wins", "fit:overflow", "fit:strict", "fit:unchanged", "fit:fill",
              "fit:deterministic", "fit:layouts", "fit:variants", "fit:bad-values"}
    with tempfile.TemporaryDirectory() as root:
        c = Checker(vitae, root)
        k = two_page_entries(c, c.fresh_dir("calibrate"))
        if k < 3:
            print(f"calibration failed: {k} entries take two pages")
            return 1
        lines = check_over(c, k)
        check_copy(c, k, lines)
        check_cli_wins(c, k)
        check_overflow(c, k)
        check_unchanged(c, k)
        check_fill(c, k)
        check_deterministic(c, k)
        check_layouts(c)
        check_variants(c, k)
        check_bad_values(c)
    return report(c, checks, EXPECTED_FAILURES)


if __name__ == "__main__":
    sys.exit(main())

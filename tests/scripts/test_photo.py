#!/usr/bin/env python3
"""cv.photo through the real binary.

Checks, each in a fresh temporary directory:
  embedded     a CV with a JPEG photo and one with a PNG photo with alpha build; pdfimages
               -list shows the image at its pixel size (the PNG's alpha as an smask) and
               qpdf --check finds no problem;
  same-bytes   two builds of the same CV (SOURCE_DATE_EPOCH set) are byte-identical, and so
               is a build from another working folder (the photo is found relative to the CV);
  depfile      --depfile lists the photo, so that make rebuilds when it changes;
  errors       a missing photo, a file that is not an image and one too wide each exit 1,
               write no PDF, and say `cv.yaml:3:10: error: ...` with the hint.

Usage: test_photo.py PATH/TO/vitae   (cwd: repository root)
"""
import os
import shutil
import subprocess
import sys
import tempfile

from script_support import Checker, read, report, write

PHOTOS = "tests/data/photo"
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")


def cv(photo):
    return (f"cv:\n  name: Ada Lovelace\n  photo: {photo}\n  email: ada@example.com\n"
            "  sections:\n    about:\n      - Wrote the first program.\n").encode()


def run(c, args, cwd):
    return subprocess.run([c.vitae] + args, cwd=cwd, env=ENV, capture_output=True, timeout=60)


def build_in(c, name, photo):
    """A fresh folder with the CV and its photo; returns (folder, process)."""
    d = c.fresh_dir(name)
    shutil.copy(os.path.join(PHOTOS, photo), d)
    write(os.path.join(d, "cv.yaml"), cv(photo))
    return d, run(c, ["build", "cv.yaml"], d)


def check_embedded(c):
    for photo, expect in (("portrait.jpg", [("image", "30", "40", "rgb", "3", "8", "jpeg")]),
                          ("disc.png", [("image", "20", "20", "rgb", "3", "8", "image"),
                                        ("smask", "20", "20", "gray", "1", "8", "image")])):
        d, p = build_in(c, "embedded", photo)
        if p.returncode != 0:
            c.fail("embedded", f"{photo}: exit {p.returncode}: {p.stderr.decode()}")
            continue
        pdf = os.path.join(d, "cv.pdf")
        listing = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True).stdout
        rows = [tuple(line.split()[2:9]) for line in listing.splitlines()[2:]]
        if rows != expect:
            c.fail("embedded", f"{photo}: pdfimages -list gave {rows}, expected {expect}\n{listing}")
        q = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
        if q.returncode != 0:
            c.fail("embedded", f"{photo}: qpdf --check: {q.stdout}{q.stderr}")


def check_same_bytes(c):
    d, p = build_in(c, "same-bytes", "disc.png")
    first = read(os.path.join(d, "cv.pdf")) if p.returncode == 0 else None
    p2 = run(c, ["build", "cv.yaml"], d)
    if first is None or p2.returncode != 0 or read(os.path.join(d, "cv.pdf")) != first:
        c.fail("same-bytes", "two builds of the same CV differ (or failed)")
    other = os.path.dirname(d)  # from the parent folder: the photo is still found beside the CV
    p3 = run(c, ["build", os.path.join(os.path.basename(d), "cv.yaml"), "-o", "from-parent.pdf"], other)
    if p3.returncode != 0 or read(os.path.join(other, "from-parent.pdf")) != first:
        c.fail("same-bytes", f"a build from another folder differs: {p3.stderr.decode()}")


def check_depfile(c):
    d = c.fresh_dir("depfile")
    shutil.copy(os.path.join(PHOTOS, "portrait.jpg"), d)
    write(os.path.join(d, "cv.yaml"), cv("portrait.jpg"))
    p = run(c, ["build", "cv.yaml", "--depfile", "cv.d"], d)
    rule = read(os.path.join(d, "cv.d")).decode() if os.path.exists(os.path.join(d, "cv.d")) else ""
    if p.returncode != 0 or "portrait.jpg" not in rule:
        c.fail("depfile", f"the depfile does not list the photo: {rule!r} {p.stderr.decode()}")


ERRORS = {
    "missing": ("nobody.jpg", None,
                "cv.yaml:3:10: error: cannot read 'nobody.jpg': No such file or directory\n"
                "    photo: nobody.jpg\n           ^\n  hint: the path is relative to cv.yaml\n"),
    "not-an-image": ("not-an-image.png", "not-an-image.png",
                     "cv.yaml:3:10: error: cv.photo: 'not-an-image.png' is not a JPEG or PNG image\n"
                     "    photo: not-an-image.png\n           ^\n"
                     "  hint: cv.photo takes a JPEG or PNG file, at most 10000x10000 pixels and 20 MB\n"),
    "too-wide": ("too-wide.png", "too-wide.png",
                 "cv.yaml:3:10: error: cv.photo: 'too-wide.png' is 10001x1 pixels, larger than the limit "
                 "of 10000x10000\n    photo: too-wide.png\n           ^\n"
                 "  hint: cv.photo takes a JPEG or PNG file, at most 10000x10000 pixels and 20 MB\n"),
}


def check_errors(c):
    for name, (photo, copy, expected) in ERRORS.items():
        d = c.fresh_dir(name)
        if copy:
            shutil.copy(os.path.join(PHOTOS, copy), d)
        write(os.path.join(d, "cv.yaml"), cv(photo))
        p = run(c, ["build", "cv.yaml"], d)
        if p.returncode != 1 or p.stderr.decode() != expected or os.path.exists(os.path.join(d, "cv.pdf")):
            c.fail("errors", f"{name}: exit {p.returncode}, stderr:\n{p.stderr.decode()}expected:\n{expected}")


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    with tempfile.TemporaryDirectory(prefix="vitae-photo-") as root:
        c = Checker(os.path.abspath(sys.argv[1]), root)
        check_embedded(c)
        check_same_bytes(c)
        check_depfile(c)
        check_errors(c)
    return report(c, {"embedded", "same-bytes", "depfile", "errors"}, {})


if __name__ == "__main__":
    sys.exit(main())

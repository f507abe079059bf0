#!/usr/bin/env python3
"""`vitae build --format pdf,txt,md` on every example CV: one build writes all three, and the
text and Markdown hold the PDF's content in the PDF's order.

Usage: test_export.py path/to/vitae   (run from the repository root)

For each data/examples/*.yaml|*.json (and the reference CV in the sidebar layout, whose
sections stand in two columns), built in a temporary directory:
  1. exit 0, and cv.pdf, cv.txt and cv.md written, the text files valid UTF-8;
  2. the first line of every block of cv.txt (section titles, entry titles, paragraphs,
     bullets) is found in the PDF's text (pdftotext), each after the one before: the
     same content in the same order;
  3. cv.md has the same section titles as cv.txt, in the same order, and no CV markup is
     left in cv.txt (no **bold** pair, no link's "](");
  4. building again gives the same bytes.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

from script_support import print_problems

ENV = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")


def words(text):
    return re.sub(r"\s+", " ", text).strip().lower()


def probes(txt):
    """The first line of each block of the text export, as words to look for in the PDF:
    at most four (a narrow column's line may break after them, and pdftotext then reads
    the column beside it in between), and none after an opening parenthesis (a link's
    URL, which the PDF does not show)."""
    out = []
    for block in txt.split("\n\n"):
        line = block.split("\n", 1)[0]
        line = re.sub(r"^\s*(-|\d+\.)\s+", "", line).split(" (")[0]
        if line.strip():
            out.append(" ".join(words(line).split()[:4]))
    return out


def titles(txt, md):
    in_txt = re.findall(r"^(.+)\n=+$", txt, re.M)
    in_md = [re.sub(r"\\(.)", r"\1", t) for t in re.findall(r"^## (.+)$", md, re.M)]
    return in_txt, in_md


def check(vitae, source, extra, tmp, failures):
    name = os.path.basename(source) + (" " + " ".join(extra) if extra else "")
    cv = os.path.join(tmp, "cv" + os.path.splitext(source)[1])
    shutil.copy(source, cv)
    r = subprocess.run([vitae, "build", cv, "--format", "pdf,txt,md", *extra], env=ENV, capture_output=True, text=True)
    if r.returncode != 0:
        return failures.append(f"{name}: build failed: {r.stderr.strip()}")
    files = {ext: open(os.path.join(tmp, "cv." + ext), "rb").read() for ext in ("pdf", "txt", "md")}
    txt, md = files["txt"].decode("utf-8"), files["md"].decode("utf-8")
    pdf_text = words(subprocess.run(["pdftotext", os.path.join(tmp, "cv.pdf"), "-"], capture_output=True,
                                    text=True).stdout)
    at = 0
    for p in probes(txt):
        found = pdf_text.find(p, at)
        if found < 0:
            where = "at all" if p not in pdf_text else "after the block before it"
            failures.append(f"{name}: the PDF does not have '{p}' {where}")
            continue
        at = found + len(p)
    in_txt, in_md = titles(txt, md)
    if not in_txt or in_txt != in_md:
        failures.append(f"{name}: section titles differ: txt {in_txt}, md {in_md}")
    # A bold pair around words, or a link's "](": CV markup. (A literal "src/**/*.rs",
    # escaped in the CV, is text.)
    if re.search(r"\*\*\w[^*\n]*\w\*\*", txt) or "](" in txt:
        failures.append(f"{name}: markup left in the text export")
    subprocess.run([vitae, "build", cv, "--format", "txt,md", *extra], env=ENV, check=True, capture_output=True)
    for ext in ("txt", "md"):
        if open(os.path.join(tmp, "cv." + ext), "rb").read() != files[ext]:
            failures.append(f"{name}: cv.{ext} differs when built again")


def main():
    vitae = os.path.abspath(sys.argv[1])
    sources = sorted(glob.glob("data/examples/*.yaml") + glob.glob("data/examples/*.json"))
    runs = [(s, []) for s in sources] + [("data/examples/wei-wen.yaml", ["--set", "design.theme=sidebar"])]
    failures = []
    for source, extra in runs:
        with tempfile.TemporaryDirectory(prefix="vitae-export-") as tmp:
            check(vitae, source, extra, tmp, failures)
    return print_problems(failures, f"{len(runs)} builds, ")


if __name__ == "__main__":
    sys.exit(main())

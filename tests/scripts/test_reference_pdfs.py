#!/usr/bin/env python3
"""Each built-in RenderCV layout against RenderCV's own PDF of its example, point by point.

For every example in tests/compat/rendercv/examples (one per RenderCV theme, each with the
PDF RenderCV made from it), builds vitae's PDF and compares where page 1's landmarks
start: the name, the first contact, each section title on the page, the first words of
the first entries and of their highlights. A landmark is a word, found by its first
occurrence in the page's text in reading order; its place is the origin (x on the left,
y on the baseline) of its first character, as MuPDF reports it (`mutool draw -F stext`),
so that fonts' differing ascent and descent metrics do not count.

Every landmark must lie within 0.1pt of RenderCV's, except the differences listed in
KNOWN and X_TOLERANCE, each with its reason; a known difference that no longer shows fails too, so that
the list stays true.
Usage: test_reference_pdfs.py PATH/TO/vitae   (cwd: repository root)
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

from script_support import CORPUS, with_corpus_status

LANDMARKS = ["John", "San", "Welcome", "Each", "You", "Markdown", "Education", "Princeton",
             "Thesis:", "Advisor:", "Boğaziçi", "Experience"]
TOLERANCE = 0.1  # pt

# theme -> (first landmark that differs, why). Landmarks before it must match.
KNOWN = {
    "Moderncv": ("John", "Fontin, moderncv's font, may not be redistributed: Gentium Book Plus "
                         "stands in, with other metrics"),
}

# theme -> (horizontal tolerance, why): vertical positions must still match to TOLERANCE.
X_TOLERANCE = {
    "Opal": (0.6, "Lato's advance widths in RenderCV's PDF differ from Debian's Lato 2.015 "
                  "(the name is 0.9pt narrower there), which moves centred text and the "
                  "text after a bullet by up to 0.55pt"),
}


def words(pdf):
    """Page 1's words in reading order, each with its first character's origin."""
    out = subprocess.run(["mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf, "1"],
                         capture_output=True, text=True, check=True).stdout
    result, current, origin = [], "", None
    for line in out.splitlines():
        if "<line" in line or "</line>" in line:
            if current:
                result.append((current, origin))
            current, origin = "", None
            continue
        m = re.search(r'<char .*? x="([-\d.]+)" y="([-\d.]+)" .*?c="(.*?)"/>', line)
        if not m:
            continue
        c = m.group(3).replace("&amp;", "&").replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
        if c.isspace():
            if current:
                result.append((current, origin))
            current, origin = "", None
        else:
            if not current:
                origin = (float(m.group(1)), float(m.group(2)))
            current += c
    if current:
        result.append((current, origin))
    return result


def first(ws, word):
    for w, o in ws:
        if w == word:
            return o
    return None


def check(vitae, yaml_path, tmp):
    theme = re.sub(r"John_Doe_(\w+)Theme_CV", r"\1", os.path.basename(yaml_path)[:-5])
    ours = os.path.join(tmp, theme + ".pdf")
    r = subprocess.run([vitae, "build", yaml_path, "-o", ours], capture_output=True, text=True)
    if r.returncode != 0:
        return [f"{theme}: vitae build failed:\n{r.stderr}"], False
    reference = yaml_path[:-5] + ".pdf"
    if not os.path.exists(reference):
        return [f"{theme}: RenderCV's PDF {reference} is missing"], False
    ref, got = words(reference), words(ours)
    known_from = KNOWN.get(theme, (None, ""))[0]
    failures, differed, past_known = [], False, False
    for lm in LANDMARKS:
        past_known = past_known or lm == known_from
        a, b = first(ref, lm), first(got, lm)
        if a is None:
            continue  # not on RenderCV's page 1
        if b is None:
            failures.append(f"{theme}: '{lm}' is not on vitae's page 1")
            continue
        dx, dy = b[0] - a[0], b[1] - a[1]
        x_tolerance = X_TOLERANCE.get(theme, (TOLERANCE, ""))[0]
        if abs(dx) <= x_tolerance and abs(dy) <= TOLERANCE:
            continue
        if past_known:
            differed = True
            continue
        failures.append(f"{theme}: '{lm}' at ({b[0]:.2f}, {b[1]:.2f}), RenderCV's at "
                        f"({a[0]:.2f}, {a[1]:.2f}): off by ({dx:+.2f}, {dy:+.2f}) pt")
    if known_from and not differed:
        failures.append(f"{theme}: matches from '{known_from}' on, though KNOWN says it differs "
                        f"({KNOWN[theme][1]}): update KNOWN")
    return failures, True


def main():
    vitae = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/vitae"
    files = sorted(glob.glob(CORPUS + "/examples/*.yaml"))
    failures, checked = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            f, ran = check(vitae, path, tmp)
            failures += f
            checked += ran
    for f in failures:
        print(f)
    print(f"{checked} themes compared with RenderCV's PDFs, {len(failures)} failures")
    return 1 if failures or (files and checked < 9) else 0


if __name__ == "__main__":
    sys.exit(with_corpus_status(main()))

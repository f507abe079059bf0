#!/usr/bin/env python3
"""Text extraction from vitae's PDFs, by four extractors.

For every example CV (data/examples) and RenderCV's compatibility corpus
(tests/compat/rendercv), builds the PDF and checks, with pdftotext (raw and -layout),
pdfminer (pdf2txt) and MuPDF (mutool draw -F txt), that:
  - every text field of the source is found whole (its words in order, whitespace aside),
    once the side column's lines (dates, locations, time spans) are taken out: body lines
    sit beside that column, as in RenderCV's PDFs, and extractors that read by position
    put the column's line in the middle of the paragraph beside it;
    pdfminer orders its text boxes by its own flow analysis and may put the rest of such a
    paragraph after the side column and the next heading (RenderCV's PDFs read the same):
    there the field's words must be found whole and in order, within a few lines;
  - every line of the side column (a date range, a location) is found whole;
  - no ligature code points (U+FB00-U+FB06), no U+2011 and no Private Use Area code point
    (contact icons: Font Awesome's glyphs live there) appear.
Usage: test_extraction.py PATH/TO/vitae   (cwd: repository root)
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

from script_support import CORPUS, with_corpus_status

# Keys whose values are not printed as written (dates are formatted, URLs shown differently).
SKIP_KEYS = {"url", "start_date", "end_date", "network", "fontawesome_icon", "tags", "photo",
             "website", "design", "locale", "settings", "doi", "date", "email", "phone", "username"}


def strip_markup(s):
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)  # [text](url) -> text
    s = s.replace("**", "").replace("\\*", "\0")
    s = re.sub(r"(?<![\w])\*|\*(?![\w])", "", s)
    s = s.replace("\0", "*")
    s = re.sub(r"\\(.)", r"\1", s)
    return s


def strings(node, key=None):
    if key in SKIP_KEYS:
        return
    if isinstance(node, str):
        if key == "highlights":
            # RenderCV writes nested bullets as " - " continuation lines of a highlight;
            # each becomes a bullet of its own.
            for part in re.split(r"\s+- ", node):
                yield strip_markup(part)
            return
        yield strip_markup(node)
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from strings(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v, key)


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def as_typeset(s):
    """A source text as the PDF shows it: markup's "---" and "--" are dashes (as in Typst,
    which RenderCV uses)."""
    return s.replace("---", "\u2014").replace("--", "\u2013")


def extract(tool, pdf):
    if tool == "pdftotext":
        cmd = ["pdftotext", "-enc", "UTF-8", pdf, "-"]
    elif tool == "pdftotext-layout":
        cmd = ["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"]
    elif tool == "pdfminer":
        cmd = [shutil.which("pdf2txt") or shutil.which("pdf2txt.py"), pdf]
    else:
        cmd = ["mutool", "draw", "-q", "-F", "txt", "-o", "-", pdf]
    return subprocess.run(cmd, capture_output=True, check=True).stdout.decode("utf-8")


def side_column_lines(vitae, path):
    """The texts vitae sets in an entry's side column, from its page dump: runs below the
    header that start right of the page's middle with a column gap (more than 7pt) before
    them on their baseline, and the runs that follow them there."""
    r = subprocess.run([vitae, "build", path, "--dump"], capture_output=True, text=True)
    width, page, lines, body_top = 612.0, 0, {}, {}
    for line in r.stdout.splitlines():
        m = re.match(r"page (\d+) ([\d.]+)x", line)
        if m:
            page, width = int(m.group(1)), float(m.group(2))
        m = re.match(r'\s*anchor y=([\d.]+)', line)
        if m:
            body_top.setdefault(page, float(m.group(1)))
        m = re.match(r'\s*run \S+ [\d.]+ #\w+ at ([\d.]+),([\d.]+) w=([\d.]+) "((?:[^"\\]|\\.)*)"', line)
        if m:
            x, w = float(m.group(1)), float(m.group(3))
            if page == 1 and float(m.group(2)) < body_top.get(1, 0):
                continue  # the header (contact items spaced apart), above the first section
            text = re.sub(r"\\(.)", r"\1", m.group(4))
            lines.setdefault((page, m.group(2)), []).append((x, w, text, width))
    out = set()
    for runs in lines.values():
        runs.sort()
        end, side = -1e9, ""
        for x, w, text, page_width in runs:
            if side or (x > page_width * 0.5 and x - end > 7):
                side += text
            end = x + w
        if norm(side):
            out.add(norm(side))
    return sorted(out, key=len, reverse=True)


def in_order_nearby(words, tokens, slack=40):
    """Whether `words` occur in `tokens` in order, within len(words) + slack tokens."""
    n = len(words)
    for start in (i for i, t in enumerate(tokens) if t == words[0]):
        j, k = start, 0
        while j < len(tokens) and j - start < n + slack and k < n:
            if tokens[j] == words[k]:
                k += 1
            j += 1
        if k == n:
            return True
    return False


def without(text, pieces):
    for p in pieces:
        text = text.replace(p, " ")
    return norm(text)


def check(vitae, path, tmp):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    pdf = os.path.join(tmp, os.path.basename(path) + ".pdf")
    r = subprocess.run([vitae, "build", path, "-o", pdf], capture_output=True, text=True)
    if r.returncode != 0:
        return [f"{path}: vitae build failed:\n{r.stderr}"]
    side = side_column_lines(vitae, path)
    expected = [norm(as_typeset(s)) for s in strings(doc.get("cv", {})) if norm(s)]
    failures = []
    tools = ["pdftotext", "pdftotext-layout", "pdfminer", "mupdf"]
    if (doc.get("design") or {}).get("hyphenation"):
        # pdfminer and MuPDF ignore /ActualText, so they read a hyphenated word in two
        # pieces whatever the PDF says: that is why hyphenation is off by default.
        tools = tools[:2]
    for tool in tools:
        text = extract(tool, pdf)
        for ch in text:
            if 0xFB00 <= ord(ch) <= 0xFB06 or ord(ch) == 0x2011 or 0xE000 <= ord(ch) <= 0xF8FF:
                failures.append(f"{path} [{tool}]: forbidden code point U+{ord(ch):04X}")
                break
        flat = norm(text)
        for s in side:
            if s not in flat:
                failures.append(f"{path} [{tool}]: side column line not found whole: {s!r}")
        body = without(flat, side)
        # -layout pads columns with spaces; other tools may split a field across lines:
        # compare with all whitespace folded.
        for s in expected:
            e = without(s, side)
            if e in body or e.replace(" ", "") in body.replace(" ", ""):
                continue
            if tool == "pdfminer" and e and in_order_nearby(e.split(), body.split()):
                continue
            failures.append(f"{path} [{tool}]: not found: {s!r}")
    return failures


def main():
    vitae = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/vitae"
    files = sorted(glob.glob("data/examples/*.yaml"))
    files += sorted(glob.glob(CORPUS + "/examples/*.yaml"))
    files += sorted(glob.glob(CORPUS + "/ats-corpus/*.yaml"))
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            failures += check(vitae, path, tmp)
    for f in failures:
        print(f)
    print(f"{len(files)} files, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(with_corpus_status(main()))

#!/usr/bin/env python3
"""Text extraction from vitae's PDFs, by four extractors.

For every example CV (data/examples) and RenderCV's compatibility corpus
(../shared/compat/rendercv), builds the PDF and checks, with pdftotext (raw and -layout),
pdfminer (pdf2txt) and MuPDF (mutool draw -F txt), that:
  - every text field of the source is found whole (its words in order, whitespace aside);
  - no ligature code points (U+FB00-U+FB06) and no U+2011 appear.
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

from script_support import with_corpus_status

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


def check(vitae, path, tmp):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    pdf = os.path.join(tmp, os.path.basename(path) + ".pdf")
    r = subprocess.run([vitae, "build", path, "-o", pdf], capture_output=True, text=True)
    if r.returncode != 0:
        return [f"{path}: vitae build failed:\n{r.stderr}"]
    expected = [norm(s) for s in strings(doc.get("cv", {})) if norm(s)]
    failures = []
    tools = ["pdftotext", "pdftotext-layout", "pdfminer", "mupdf"]
    if (doc.get("design") or {}).get("hyphenation"):
        # pdfminer and MuPDF ignore /ActualText, so they read a hyphenated word in two
        # pieces whatever the PDF says: that is why hyphenation is off by default.
        tools = tools[:2]
    for tool in tools:
        text = extract(tool, pdf)
        for ch in text:
            if 0xFB00 <= ord(ch) <= 0xFB06 or ord(ch) == 0x2011:
                failures.append(f"{path} [{tool}]: forbidden code point U+{ord(ch):04X}")
                break
        flat = norm(text)
        # -layout pads columns with spaces; other tools may split a field across lines:
        # compare with all whitespace folded.
        for s in expected:
            if s not in flat and s.replace(" ", "") not in flat.replace(" ", ""):
                failures.append(f"{path} [{tool}]: not found: {s!r}")
    return failures


def main():
    vitae = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/vitae"
    files = sorted(glob.glob("data/examples/*.yaml"))
    files += sorted(glob.glob("../shared/compat/rendercv/examples/*.yaml"))
    files += sorted(glob.glob("../shared/compat/rendercv/ats-corpus/*.yaml"))
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

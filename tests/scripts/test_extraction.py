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
Every file is built as it is, and again in each built-in layout (`--set design.theme=NAME`).
In the sidebar layout the narrow column must read column by column, never interleaved line
by line with the main one: with pdfminer, MuPDF and pdftotext -raw the sidebar's lines come
whole, in order and together; with pdftotext -layout each is set off from the main column's
text by at least two spaces; with pdftotext's default mode each is a line of its own
(poppler orders its text blocks by height, so the columns alternate block by block there).
Usage: test_extraction.py PATH/TO/vitae   (cwd: repository root)
"""
import collections
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

from script_support import CORPUS, cv_source, with_corpus_status

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
    elif tool == "pdftotext-raw":
        cmd = ["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"]
    elif tool == "pdfminer":
        cmd = [shutil.which("pdf2txt") or shutil.which("pdf2txt.py"), pdf]
    else:
        cmd = ["mutool", "draw", "-q", "-F", "txt", "-o", "-", pdf]
    return subprocess.run(cmd, capture_output=True, check=True).stdout.decode("utf-8")


def dump_runs(vitae, path, args):
    """The page dump's runs: (page, page width, body top, x, y, w, text), where body top is
    the highest anchor's y (the first section heading) of the run's page."""
    r = subprocess.run([vitae, "build", path, "--dump"] + args, capture_output=True, text=True)
    width, page, runs, body_top = 612.0, 0, [], {}
    for line in r.stdout.splitlines():
        m = re.match(r"page (\d+) ([\d.]+)x", line)
        if m:
            page, width = int(m.group(1)), float(m.group(2))
        m = re.match(r'\s*anchor y=([\d.]+)', line)
        if m:
            body_top[page] = min(body_top.get(page, 1e9), float(m.group(1)))
        m = re.match(r'\s*run \S+ [\d.]+ #\w+ at ([\d.]+),([\d.]+) w=([\d.]+) "((?:[^"\\]|\\.)*)"', line)
        if m:
            text = re.sub(r"\\(.)", r"\1", m.group(4))
            runs.append((page, width, float(m.group(1)), m.group(2), float(m.group(3)), text))
    return [(p, wd, body_top.get(p, 0), x, y, w, t) for p, wd, x, y, w, t in runs]


def in_sidebar(run):
    """Whether a dump run is in the sidebar layout's narrow (left) column: below page 1's
    first heading, starting in the left third of the page."""
    page, width, top, x, y, w, text = run
    return x < width * 0.33 and not (page == 1 and float(y) < top)


def sidebar_lines(runs):
    """The sidebar's lines in reading order: its runs joined by baseline."""
    lines = {}
    for page, width, top, x, y, w, text in filter(in_sidebar, runs):
        lines.setdefault((page, float(y)), []).append((x, text))
    return [norm("".join(t for _, t in sorted(v))) for _, v in sorted(lines.items())]


def squeezed(s):
    """Text with whitespace and hyphens taken out: a marker set apart or not, and a word
    hyphenated at a line end (whose halves extractors join by /ActualText), compare equal."""
    return re.sub(r"[\s\-\u00ad]", "", s)


def check_sidebar(path, tool, text, lines, hyphenated):
    """The sidebar's lines against one extractor's text (see the module's docstring). With
    hyphenation on, pdftotext moves the second half of a hyphenated word up to the first
    line (/ActualText), so lines are compared only where they must read together."""
    lines = [l for l in lines if l]
    if tool in ("pdfminer", "mupdf", "pdftotext-raw"):
        if squeezed(" ".join(lines)) not in squeezed(text):
            return [f"{path} [{tool}]: the sidebar does not read whole and in order"]
        return []
    if hyphenated:
        return []
    failures = []
    for l in lines:
        if tool == "pdftotext-layout":
            segments = {squeezed(seg) for t in text.splitlines() for seg in re.split(r"\s{2,}", t)}
            if squeezed(l) not in segments:
                failures.append(f"{path} [{tool}]: sidebar line not set off from the main column: {l!r}")
        elif squeezed(l) not in (squeezed(t) for t in text.splitlines()):
            failures.append(f"{path} [{tool}]: sidebar line not a line of its own: {l!r}")
    return failures


def without_sidebar(tool, text, lines, hyphenated):
    """pdftotext's text without the sidebar's lines, which it puts between the main
    column's: as lines of their own, or with -layout as the first segment of a line (set
    off by spaces). Each is dropped once, in reading order, so that a main column line
    that reads the same (a location) stays. With hyphenation, /ActualText moves the end
    of a word hyphenated in the sidebar up a line: a line's text then starts or ends
    pdftotext's (at least 4 letters)."""
    drop = collections.Counter(squeezed(l) for l in lines)

    def match(seg):
        seg = squeezed(seg)
        if drop[seg] > 0:
            return seg
        for l, n in drop.items():
            if hyphenated and n > 0 and min(len(seg), len(l)) >= 4 and (seg.startswith(l) or l.endswith(seg)):
                return l
        return None

    kept = []
    for t in text.splitlines():
        segments = re.split(r"\s{2,}", t.strip()) if tool == "pdftotext-layout" else [t]
        found = match(segments[0])
        if found is not None:
            drop[found] -= 1
            segments = segments[1:]
        kept.append("  ".join(segments))
    return "\n".join(kept)


def side_column_lines(runs):
    """The texts vitae sets beside the main column, from its page dump, below the header:
    on each baseline, the runs that start right of the page's middle with a column gap
    (more than 7pt) before them, and those that follow them (a right date column); and
    the runs that a column gap and more text starting left of the middle follow (a date
    column on the left, as in moderncv, or a degree column)."""
    lines = {}
    for page, width, top, x, y, w, text in runs:
        if page == 1 and float(y) < top:
            continue  # the header (contact items spaced apart), above the first section
        lines.setdefault((page, y), []).append((x, w, text, width))
    out = set()
    for runs in lines.values():
        runs.sort()
        segments = [[runs[0]]]  # runs split at column gaps
        for r in runs[1:]:
            prev = segments[-1][-1]
            if r[0] - (prev[0] + prev[1]) > 7:
                segments.append([])
            segments[-1].append(r)
        for i, seg in enumerate(segments):
            x, end, page_width = seg[0][0], seg[-1][0] + seg[-1][1], seg[0][3]
            right = i > 0 and x > page_width * 0.5
            left = i + 1 < len(segments) and segments[i + 1][0][0] < page_width * 0.5
            if right or left:
                text = norm("".join(r[2] for r in (seg if left else [r for sg in segments[i:] for r in sg])))
                if text:
                    out.add(text)
                if right:
                    break
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


def check(vitae, path, tmp, layout=None):
    doc = cv_source(vitae, path)
    args = ["--set", f"design.theme={layout}"] if layout else []
    label = f"{path} ({layout})" if layout else path
    pdf = os.path.join(tmp, os.path.basename(path) + ".pdf")
    r = subprocess.run([vitae, "build", path, "-o", pdf] + args, capture_output=True, text=True)
    if r.returncode != 0:
        return [f"{label}: vitae build failed:\n{r.stderr}"]
    runs = dump_runs(vitae, path, args)
    path = label
    sidebar = sidebar_lines(runs) if layout == "sidebar" else []
    side = side_column_lines([r for r in runs if not (sidebar and in_sidebar(r))])
    sidebar_text = squeezed(" ".join(sidebar))
    expected = [norm(as_typeset(s)) for s in strings(doc.get("cv", {})) if norm(s)]
    failures = []
    tools = ["pdftotext", "pdftotext-layout", "pdfminer", "mupdf"]
    if (doc.get("design") or {}).get("hyphenation"):
        # pdfminer and MuPDF ignore /ActualText, so they read a hyphenated word in two
        # pieces whatever the PDF says: that is why hyphenation is off by default.
        tools = tools[:2]
    hyphenated = bool((doc.get("design") or {}).get("hyphenation"))
    for tool in tools + (["pdftotext-raw"] if sidebar else []):
        text = extract(tool, pdf)
        if sidebar:
            failures += check_sidebar(path, tool, text, sidebar, hyphenated)
            if tool == "pdftotext-raw":
                continue
        for ch in text:
            if 0xFB00 <= ord(ch) <= 0xFB06 or ord(ch) == 0x2011 or 0xE000 <= ord(ch) <= 0xF8FF:
                failures.append(f"{path} [{tool}]: forbidden code point U+{ord(ch):04X}")
                break
        if sidebar and tool.startswith("pdftotext"):
            text = without_sidebar(tool, text, sidebar, hyphenated)
        flat = norm(text)
        for s in side:
            if s not in flat:
                failures.append(f"{path} [{tool}]: side column line not found whole: {s!r}")
        body = without(flat, side)
        # -layout pads columns with spaces; other tools may split a field across lines:
        # compare with all whitespace folded.
        for s in expected:
            if sidebar and tool.startswith("pdftotext") and squeezed(s) in sidebar_text:
                continue  # read line by line there: check_sidebar has checked its lines
            e = without(s, side)
            if e in body or e.replace(" ", "") in body.replace(" ", ""):
                continue
            if tool == "pdfminer" and e and in_order_nearby(e.split(), body.split()):
                continue
            failures.append(f"{path} [{tool}]: not found: {s!r}")
    return failures


def main():
    vitae = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/vitae"
    files = sorted(glob.glob("data/examples/*.yaml") + glob.glob("data/examples/*.json"))
    files += sorted(glob.glob(CORPUS + "/examples/*.yaml"))
    files += sorted(glob.glob(CORPUS + "/ats-corpus/*.yaml"))
    layouts = sorted(os.path.splitext(os.path.basename(p))[0] for p in glob.glob("layouts/*.yaml"))
    # Under sanitizers (VITAE_TEST_SANITIZED, tests/CMakeLists.txt) every file is checked in
    # its own design and only the example CVs in every layout: each build there costs ten
    # times as much, and the extractors read the same bytes as in the plain build, where the
    # whole matrix runs (docs/reliability.md).
    every_layout = files
    if os.environ.get("VITAE_TEST_SANITIZED"):
        every_layout = [f for f in files if f.startswith("data/examples/")]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            failures += check(vitae, path, tmp)
            for layout in layouts if path in every_layout else []:
                failures += check(vitae, path, tmp, layout)
    for f in failures:
        print(f)
    print(f"{len(files)} files in their own design, {len(every_layout)} of them in {len(layouts)} layouts too, "
          f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(with_corpus_status(main()))

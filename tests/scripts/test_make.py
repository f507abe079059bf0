#!/usr/bin/env python3
"""Batch builds and make, through the real binary and real GNU make.

Checks, each in a fresh temporary directory:
  make:first-run     a copy of data/examples/job-applications: `make VITAE=<vitae>` exits 0,
                     calls vitae once per application and builds the three PDFs (each starts
                     with %PDF-), printing `wrote applications/NAME.pdf (N pages)` for each;
  make:up-to-date    a second `make` says "Nothing to be done", calls no vitae, and leaves
                     every PDF's mtime as it was;
  make:touch-application  one application touched (mtime 5 s after the newest PDF) rebuilds
                     its PDF only; the tree is then up to date again;
  make:touch-base    cv.yaml touched rebuilds all three PDFs;
  make:depfile       each applications/NAME.pdf.d is a rule for applications/NAME.pdf naming
                     the application, the cv.yaml it extends (however the path is spelt, it
                     names that file) and at least one existing .ttf/.otf font, with an empty
                     rule for every prerequisite (gcc -MD -MP), every prerequisite an
                     existing file, the file of every font embedded in the PDF among them,
                     the CV files relative (the folder may move);
  make:copied        the built folder copied elsewhere (mtimes kept) is up to date there, and
                     touching the copy's cv.yaml rebuilds the copy's PDFs, not the original's;
  batch:one-failing  `vitae build good1.yaml bad.yaml good2.yaml` writes good1.pdf and
                     good2.pdf, says `bad.yaml:8:9: error:`, writes no bad.pdf, exits 1, prints
                     one `wrote ...` line per PDF written, in input order, and leaves no
                     temporary file;
  reproducible:batch     with SOURCE_DATE_EPOCH set, each application built alone
                     (`vitae build applications/acme.yaml -o alone.pdf`) is byte-identical to
                     the same PDF built in one call with the others (`vitae build
                     applications/*.yaml`, also with -j 3);
  reproducible:variants  `--all-variants` on a CV with three variants writes the three PDFs
                     cv-NAME.pdf, each byte-identical to `--variant NAME` built alone (and the
                     three differ from each other);
  depfile:space      a CV in a folder named `my cv`, extending `base cv.yaml` there, built with -MD:
                     the depfile escapes the space as `\\ `, `make -p -f` accepts it, and a
                     Makefile including it is up to date after the build and rebuilds when the
                     base is touched;
  make:failed-build  after a successful make, an error put into one application: make fails,
                     the compiler-style error is shown, that application's old PDF keeps its
                     bytes and mtime, no temporary file is left, and a second make tries (and
                     fails) again instead of calling it up to date; the same for an error in
                     the base cv.yaml with `make -k` (all three fail, all three old PDFs kept);
  extends:symlinked-folder  `extends: ../cv.yaml` in a file reached through a symlinked folder
                     names the file the system finds there (the link target's parent), in the
                     build and in the depfile.

Usage: test_make.py PATH/TO/vitae   (cwd: repository root; needs GNU make on PATH)

EXPECTED_FAILURES lists checks known to fail because of a product bug (check name ->
bug). The script fails if an expected failure starts passing: remove the entry then.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

import script_support
from script_support import MINIMAL_CV, TYPO_CV, read, report, write

# check name -> the product bug that makes it fail.
EXPECTED_FAILURES = {}

EXAMPLE = "data/examples/job-applications"
APPS = ("acme", "globex", "initech")
EPOCH = "1700000000"

VARIANTS = """
variants:
  backend:
    include_tags: [backend, lead]
    exclude_tags: [ml]
    set:
      cv.headline: Backend engineer
  data:
    include_tags: [data, ml, open-source]
    sections: [summary, experience, projects, publications, skills, education]
    set:
      cv.headline: Data engineer
  lead:
    exclude_tags: [open-source]
    sections: [summary, experience, skills, talks, volunteering, education]
    set:
      cv.headline: Engineering manager
"""


def clean_env(epoch=None):
    """The environment for vitae and make: no outer make's flags (jobserver, -n, -k), English
    messages, and SOURCE_DATE_EPOCH only when asked for."""
    env = dict(os.environ)
    for k in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEFILES", "GNUMAKEFLAGS", "SOURCE_DATE_EPOCH"):
        env.pop(k, None)
    env["LC_ALL"] = "C"
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    return env


def run(vitae, args, cwd, epoch=None, timeout=120):
    """Runs vitae; returns (returncode, stdout text, stderr text)."""
    r = subprocess.run([vitae] + args, cwd=cwd, capture_output=True, timeout=timeout,
                       env=clean_env(epoch))
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def make(args, cwd, timeout=300):
    """Runs GNU make; returns (returncode, stdout text, stderr text)."""
    r = subprocess.run(["make"] + args, cwd=cwd, capture_output=True, timeout=timeout,
                       env=clean_env())
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def mtime(path):
    return os.stat(path).st_mtime_ns


def touch_after(path, others):
    """Sets path's mtime 5 s after the newest of `others` (robust on coarse clocks).
    Returns the old (atime, mtime) in ns, to put back with os.utime(path, ns=...)."""
    st = os.stat(path)
    t = max(mtime(o) for o in others) + 5 * 10**9
    os.utime(path, ns=(t, t))
    return (st.st_atime_ns, st.st_mtime_ns)


def temp_files(d):
    """Temporary files vitae may leave behind (".NAME.tmp-..."), anywhere under d."""
    return sorted(os.path.relpath(p, d) for p in glob.glob(os.path.join(d, "**", ".*.tmp-*"),
                                                            recursive=True))


def vitae_calls(make_stdout, vitae):
    """The -o target of each vitae command make echoed."""
    out = []
    for line in make_stdout.splitlines():
        if line.startswith(vitae + " "):
            m = re.search(r" -o (\S+)", line)
            out.append(m.group(1) if m else line)
    return out


def make_words(text):
    """Splits one logical line of a make rule into words: backslash-escaped blanks and '#'
    belong to the word, '$$' is '$', and 2n backslashes before an escaped character are n
    backslashes (GNU make's and gcc's convention)."""
    words, cur, i, in_word = [], [], 0, False
    while i < len(text):
        c = text[i]
        if c == "\\":
            j = i
            while j < len(text) and text[j] == "\\":
                j += 1
            n = j - i
            if j < len(text) and text[j] in " \t#":
                cur.append("\\" * (n // 2))
                if n % 2:
                    cur.append(text[j])
                    i = j + 1
                    in_word = True
                    continue
                i = j
                in_word = True
                continue
            cur.append("\\" * n)
            i = j
            in_word = True
            continue
        if c in " \t":
            if in_word:
                words.append("".join(cur))
                cur, in_word = [], False
            i += 1
            continue
        if c == "$" and text[i + 1:i + 2] == "$":
            cur.append("$")
            i += 2
            in_word = True
            continue
        cur.append(c)
        in_word = True
        i += 1
    if in_word:
        words.append("".join(cur))
    return words


def parse_depfile(text):
    """[(targets, prerequisites)] of a depfile made of rules without recipes."""
    rules = []
    for line in text.replace("\\\n", " ").splitlines():
        if not line.strip():
            continue
        # The colon that ends the targets: the first one followed by a blank or the end.
        m = re.search(r":(\s|$)", line)
        if not m:
            rules.append((None, line))
            continue
        rules.append((make_words(line[:m.start()]), make_words(line[m.end():])))
    return rules


class Checker(script_support.Checker):
    def example_copy(self, name, repository=False):
        """A fresh copy of the example, without anything built in the checkout. As a user
        starts from it, it is in no git repository, so only the Makefile's --root . lets
        applications/ extend ../cv.yaml; with `repository`, it is a git work tree of its
        own, whose top is the root for vitae run without make (docs/reliability.md)."""
        d = os.path.join(self.fresh_dir(name), "job-applications")
        shutil.copytree(EXAMPLE, d, ignore=shutil.ignore_patterns("*.pdf", "*.pdf.d", ".*.tmp-*"))
        if repository:
            os.makedirs(os.path.join(d, ".git"))
        return d


def pdfs_of(d):
    return {n: os.path.join(d, "applications", f"{n}.pdf") for n in APPS}


def short(text, n=3000):
    return text if len(text) <= n else text[:n] + f"\n... ({len(text) - n} more characters)"


# ---- the job-application example under make ------------------------------------------------

def check_make_workflow(c):
    d = c.example_copy("make")
    vitae = c.vitae
    pdfs = pdfs_of(d)
    mk = ["VITAE=" + vitae]

    rc, out, err = make(mk, d)
    calls = vitae_calls(out, vitae)
    if rc != 0:
        c.fail("make:first-run", f"make exited {rc}, expected 0\n{short(out + err)}")
    if sorted(calls) != sorted(f"applications/{n}.pdf" for n in APPS):
        c.fail("make:first-run", f"make ran vitae for {calls}, expected one call per application\n{short(out)}")
    for n, p in pdfs.items():
        if not os.path.exists(p) or not read(p).startswith(b"%PDF-"):
            c.fail("make:first-run", f"applications/{n}.pdf is missing or not a PDF")
        if not re.search(rf"^wrote applications/{n}\.pdf \((1 page|[2-9] pages|\d\d+ pages)\)$", err, re.M):
            c.fail("make:first-run", f"no line 'wrote applications/{n}.pdf (N pages)' in:\n{short(err)}")
    if "warning:" in err or "error:" in err:
        c.fail("make:first-run", f"the example builds with diagnostics:\n{short(err)}")
    if c.failures.get("make:first-run"):
        return d  # nothing further makes sense
    if temp_files(d):
        c.fail("make:first-run", f"temporary files left: {temp_files(d)}")

    # Up to date.
    before = {n: mtime(p) for n, p in pdfs.items()}
    rc, out, err = make(mk, d)
    if rc != 0 or "Nothing to be done" not in out or vitae_calls(out, vitae):
        c.fail("make:up-to-date", f"second make: exit {rc}, vitae called for {vitae_calls(out, vitae)}; "
                                  f"expected exit 0 and 'Nothing to be done'\n{short(out + err)}")
    after = {n: mtime(p) for n, p in pdfs.items()}
    if after != before:
        c.fail("make:up-to-date", f"PDFs changed although nothing was to be done: "
                                  f"{[n for n in APPS if after[n] != before[n]]}")

    # One application touched: its PDF only.
    app = os.path.join(d, "applications", "globex.yaml")
    old = touch_after(app, pdfs.values())
    before = {n: mtime(p) for n, p in pdfs.items()}
    rc, out, err = make(mk, d)
    calls = vitae_calls(out, vitae)
    after = {n: mtime(p) for n, p in pdfs.items()}
    changed = [n for n in APPS if after[n] != before[n]]
    if rc != 0 or calls != ["applications/globex.pdf"] or changed != ["globex"]:
        c.fail("make:touch-application", f"after touching applications/globex.yaml: exit {rc}, vitae "
                                         f"called for {calls}, PDFs changed: {changed}; expected globex "
                                         f"only\n{short(out + err)}")
    os.utime(app, ns=old)  # back in the past: the rebuilt PDF is newer again
    rc, out, err = make(mk, d)
    if rc != 0 or vitae_calls(out, vitae):
        c.fail("make:touch-application", f"after the rebuild, make still calls vitae for "
                                         f"{vitae_calls(out, vitae)}\n{short(out + err)}")

    # The base touched: all three.
    base = os.path.join(d, "cv.yaml")
    old = touch_after(base, pdfs.values())
    before = {n: mtime(p) for n, p in pdfs.items()}
    rc, out, err = make(mk, d)
    calls = vitae_calls(out, vitae)
    after = {n: mtime(p) for n, p in pdfs.items()}
    changed = [n for n in APPS if after[n] != before[n]]
    if rc != 0 or sorted(calls) != sorted(f"applications/{n}.pdf" for n in APPS) or changed != list(APPS):
        c.fail("make:touch-base", f"after touching cv.yaml: exit {rc}, vitae called for {calls}, PDFs "
                                  f"changed: {changed}; expected all three\n{short(out + err)}")
    os.utime(base, ns=old)
    rc, out, err = make(mk, d)
    if rc != 0 or vitae_calls(out, vitae):
        c.fail("make:touch-base", f"after the rebuild, make still calls vitae for "
                                  f"{vitae_calls(out, vitae)}\n{short(out + err)}")

    check_depfiles(c, d)
    check_copied(c, d)
    return d


def check_depfiles(c, d):
    check = "make:depfile"
    base = os.path.join(d, "cv.yaml")
    for n in APPS:
        path = os.path.join(d, "applications", f"{n}.pdf.d")
        if not os.path.exists(path):
            c.fail(check, f"applications/{n}.pdf.d was not written")
            continue
        text = read(path).decode("utf-8", "replace")
        rules = parse_depfile(text)
        bad = [r for r in rules if r[0] is None]
        if bad or not rules:
            c.fail(check, f"applications/{n}.pdf.d has lines that are not rules: {bad[:3]}\n{short(text)}")
            continue
        targets, prereqs = rules[0]
        if targets != [f"applications/{n}.pdf"]:
            c.fail(check, f"applications/{n}.pdf.d: the first rule is for {targets}, expected "
                          f"['applications/{n}.pdf'] (the -o path as given)")
        if f"applications/{n}.yaml" not in prereqs:
            c.fail(check, f"applications/{n}.pdf.d does not name applications/{n}.yaml: {prereqs}")
        resolved = [p if os.path.isabs(p) else os.path.join(d, p) for p in prereqs]
        if not any(os.path.exists(p) and os.path.samefile(p, base) for p in resolved):
            c.fail(check, f"applications/{n}.pdf.d does not name the base cv.yaml: {prereqs}")
        fonts = [p for p in resolved if p.lower().endswith((".ttf", ".otf")) and os.path.isfile(p)]
        if not fonts:
            c.fail(check, f"applications/{n}.pdf.d names no existing .ttf/.otf font: {prereqs}")
        # Every font embedded in the PDF (its PostScript name after the subset tag, which for
        # vitae's fonts is the file's stem) is among them.
        stems = {re.sub(r"[^a-z0-9]", "", os.path.splitext(os.path.basename(f))[0].lower()) for f in fonts}
        pdf = read(os.path.join(d, "applications", f"{n}.pdf"))
        # A Type0 font over CFF outlines is named after its CIDFont and CMap (PDF 1.7, 9.7.6.1):
        # "Name-Identity-H" is the font "Name".
        embedded = {re.sub(rb"-Identity-H$", b"", e)
                    for e in re.findall(rb"/BaseFont\s*/[A-Z]{6}\+([A-Za-z0-9_.-]+)", pdf)}
        unlisted = sorted(e.decode() for e in embedded
                          if re.sub(r"[^a-z0-9]", "", e.decode().lower()) not in stems)
        if not embedded:
            c.fail(check, f"applications/{n}.pdf: no embedded font found to compare with the depfile")
        elif unlisted:
            c.fail(check, f"applications/{n}.pdf embeds {unlisted}, whose font files the depfile does not "
                          f"name: {fonts}")
        missing = [p for p, r in zip(prereqs, resolved) if not os.path.exists(r)]
        if missing:
            c.fail(check, f"applications/{n}.pdf.d names files that do not exist: {missing}")
        cv_files = [p for p in prereqs if p.endswith(".yaml")]
        absolute = [p for p in cv_files if os.path.isabs(p) or d in p]
        if absolute:
            c.fail(check, f"applications/{n}.pdf.d names CV files by absolute path {absolute}: "
                          "the folder cannot move")
        # gcc -MP: an empty rule for each prerequisite, so that a deleted file stops nothing.
        phony = {t for ts, ps in rules[1:] if ps == [] for t in ts}
        lacking = [p for p in prereqs if p not in phony]
        if lacking:
            c.fail(check, f"applications/{n}.pdf.d has no empty rule for {lacking}")
        extra = [r for r in rules[1:] if r[1]]
        if extra:
            c.fail(check, f"applications/{n}.pdf.d has more than one rule with prerequisites: {extra}")


def check_copied(c, d):
    """The built folder, moved: its depfiles name files relative to it (and absolute fonts)."""
    check = "make:copied"
    e = os.path.join(c.fresh_dir("copied"), "elsewhere", "applications-copy")
    shutil.copytree(d, e, symlinks=True)  # copy2: mtimes kept
    mk = ["VITAE=" + c.vitae]
    rc, out, err = make(mk, e)
    if rc != 0 or vitae_calls(out, c.vitae) or "Nothing to be done" not in out:
        c.fail(check, f"the built folder copied elsewhere is not up to date there: exit {rc}, vitae "
                      f"called for {vitae_calls(out, c.vitae)}\n{short(out + err)}")
    originals = {n: (mtime(p), read(p)) for n, p in pdfs_of(d).items()}
    pdfs = pdfs_of(e)
    old = touch_after(os.path.join(e, "cv.yaml"), pdfs.values())
    before = {n: mtime(p) for n, p in pdfs.items()}
    rc, out, err = make(mk, e)
    changed = [n for n in APPS if mtime(pdfs[n]) != before[n]]
    if rc != 0 or changed != list(APPS):
        c.fail(check, f"touching the copy's cv.yaml: exit {rc}, PDFs changed: {changed}; expected "
                      f"all three\n{short(out + err)}")
    if {n: (mtime(p), read(p)) for n, p in pdfs_of(d).items()} != originals:
        c.fail(check, "building the copy changed the original folder's PDFs")
    os.utime(os.path.join(e, "cv.yaml"), ns=old)


# ---- one failing input among several --------------------------------------------------------

def check_one_failing(c):
    check = "batch:one-failing"
    d = c.fresh_dir("one-failing")
    write(os.path.join(d, "good1.yaml"), MINIMAL_CV)
    write(os.path.join(d, "bad.yaml"), TYPO_CV)
    write(os.path.join(d, "good2.yaml"), MINIMAL_CV.replace(b"Ada Lovelace", b"Charles Babbage"))
    rc, out, err = run(c.vitae, ["build", "good1.yaml", "bad.yaml", "good2.yaml"], d)
    if rc != 1:
        c.fail(check, f"exit {rc}, expected 1\n{short(err)}")
    for n in ("good1", "good2"):
        p = os.path.join(d, f"{n}.pdf")
        if not os.path.exists(p) or not read(p).startswith(b"%PDF-"):
            c.fail(check, f"{n}.pdf was not written (or is not a PDF)\n{short(err)}")
    if os.path.exists(os.path.join(d, "bad.pdf")):
        c.fail(check, "bad.pdf was written")
    lines = err.splitlines()
    at = [i for i, l in enumerate(lines) if l.startswith("bad.yaml:8:9: error: ")]
    if not at:
        c.fail(check, f"no 'bad.yaml:8:9: error: ...' line in stderr:\n{short(err)}")
    wrote = [(i, l) for i, l in enumerate(lines) if l.startswith("wrote ")]
    names = [re.match(r"wrote (\S+) \(\d+ pages?\)$", l) for _, l in wrote]
    if [m.group(1) if m else l for m, (_, l) in zip(names, wrote)] != ["good1.pdf", "good2.pdf"]:
        c.fail(check, f"expected the lines 'wrote good1.pdf (N page(s))' and 'wrote good2.pdf (...)', "
                      f"got {[l for _, l in wrote]}")
    elif at and not wrote[0][0] < at[0] < wrote[1][0]:
        c.fail(check, f"the reports are not in input order (good1, bad, good2):\n{short(err)}")
    if out:
        c.fail(check, f"wrote {len(out)} characters to stdout")
    left = sorted(set(os.listdir(d)) - {"good1.yaml", "bad.yaml", "good2.yaml", "good1.pdf", "good2.pdf"})
    if left:
        c.fail(check, f"files left behind: {left}")


# ---- byte-identical output ------------------------------------------------------------------

def check_reproducible_batch(c):
    check = "reproducible:batch"
    d = c.example_copy("reproducible-batch", repository=True)
    os.makedirs(os.path.join(d, "alone"))
    alone = {}
    for n in APPS:
        out = f"alone/{n}.pdf"
        rc, _, err = run(c.vitae, ["build", f"applications/{n}.yaml", "-o", out], d, epoch=EPOCH)
        if rc != 0:
            c.fail(check, f"vitae build applications/{n}.yaml -o {out}: exit {rc}\n{short(err)}")
            return
        alone[n] = read(os.path.join(d, out))
    for extra in ([], ["-j", "3"]):
        args = ["build"] + [f"applications/{n}.yaml" for n in APPS] + extra
        rc, _, err = run(c.vitae, args, d, epoch=EPOCH)
        if rc != 0:
            c.fail(check, f"vitae {' '.join(args)}: exit {rc}\n{short(err)}")
            continue
        for n in APPS:
            got = read(os.path.join(d, "applications", f"{n}.pdf"))
            if got != alone[n]:
                c.fail(check, f"applications/{n}.pdf built by 'vitae {' '.join(args)}' ({len(got)} bytes) "
                              f"differs from the same PDF built alone ({len(alone[n])} bytes)")
    # The date is what SOURCE_DATE_EPOCH says, so two runs agree.
    rc, _, err = run(c.vitae, ["build", "applications/acme.yaml", "-o", "again.pdf"], d, epoch=EPOCH)
    if rc != 0 or read(os.path.join(d, "again.pdf")) != alone["acme"]:
        c.fail(check, f"two builds of applications/acme.yaml with the same SOURCE_DATE_EPOCH differ "
                      f"(exit {rc})\n{short(err)}")


def check_reproducible_variants(c):
    check = "reproducible:variants"
    d = c.fresh_dir("reproducible-variants")
    with open(os.path.join(EXAMPLE, "cv.yaml"), encoding="utf-8") as f:
        text = f.read().replace("$schema=../../vitae.schema.json", "$schema=vitae.schema.json")
    with open(os.path.join(d, "cv.yaml"), "w", encoding="utf-8") as f:
        f.write(text + VARIANTS)
    names = ("backend", "data", "lead")
    rc, _, err = run(c.vitae, ["check", "cv.yaml"], d)
    if rc != 0 or "warning:" in err:
        c.fail(check, f"vitae check of the CV with variants: exit {rc}\n{short(err)}")
        return
    rc, _, err = run(c.vitae, ["build", "cv.yaml", "--all-variants"], d, epoch=EPOCH)
    if rc != 0:
        c.fail(check, f"vitae build cv.yaml --all-variants: exit {rc}\n{short(err)}")
        return
    built = sorted(p for p in os.listdir(d) if p.endswith(".pdf"))
    if built != sorted(f"cv-{n}.pdf" for n in names):
        c.fail(check, f"--all-variants wrote {built}, expected cv-backend.pdf, cv-data.pdf, cv-lead.pdf")
    wrote = sorted(re.findall(r"^wrote (\S+) \(\d+ pages?\)$", err, re.M))
    if wrote != sorted(f"cv-{n}.pdf" for n in names):
        c.fail(check, f"--all-variants printed 'wrote' for {wrote}, expected one line per PDF\n{short(err)}")
    together = {}
    for n in names:
        p = os.path.join(d, f"cv-{n}.pdf")
        if not os.path.exists(p):
            continue
        together[n] = read(p)
        rc, _, err = run(c.vitae, ["build", "cv.yaml", "--variant", n, "-o", f"alone-{n}.pdf"], d, epoch=EPOCH)
        if rc != 0:
            c.fail(check, f"vitae build cv.yaml --variant {n}: exit {rc}\n{short(err)}")
            continue
        got = read(os.path.join(d, f"alone-{n}.pdf"))
        if got != together[n]:
            c.fail(check, f"cv-{n}.pdf from --all-variants ({len(together[n])} bytes) differs from "
                          f"--variant {n} built alone ({len(got)} bytes)")
    if len(set(together.values())) != len(together):
        c.fail(check, "two variants gave the same PDF: the variants were not applied")


# ---- -MD with a space in the path -----------------------------------------------------------

def check_depfile_space(c):
    check = "depfile:space"
    d = c.fresh_dir("depfile-space")
    cvdir = os.path.join(d, "my cv")
    os.makedirs(cvdir)
    write(os.path.join(cvdir, "base cv.yaml"), MINIMAL_CV)
    write(os.path.join(cvdir, "app.yaml"), b"extends: 'base cv.yaml'\nset:\n  cv.headline: Programmer\n")
    rc, _, err = run(c.vitae, ["build", "my cv/app.yaml", "-MD"], d)
    dep = os.path.join(cvdir, "app.pdf.d")
    if rc != 0 or not os.path.exists(os.path.join(cvdir, "app.pdf")) or not os.path.exists(dep):
        c.fail(check, f"vitae build 'my cv/app.yaml' -MD: exit {rc}; expected exit 0, my cv/app.pdf and "
                      f"my cv/app.pdf.d, found {sorted(os.listdir(cvdir))}\n{short(err)}")
        return
    text = read(dep).decode("utf-8", "replace")
    for want in ("my\\ cv/app.pdf:", "my\\ cv/app.yaml", "my\\ cv/base\\ cv.yaml"):
        if want not in text:
            c.fail(check, f"the depfile lacks {want!r}:\n{short(text)}")
    unescaped = [l for l in text.splitlines() if re.search(r"(?<!\\) cv", l)]
    if unescaped:
        c.fail(check, f"the depfile has unescaped spaces: {unescaped}")
    rules = parse_depfile(text)
    if not rules or rules[0][0] != ["my cv/app.pdf"] or \
            not {"my cv/app.yaml", "my cv/base cv.yaml"} <= set(rules[0][1] or []):
        c.fail(check, f"the depfile does not read as a rule for 'my cv/app.pdf' on 'my cv/app.yaml' and "
                      f"'my cv/base cv.yaml':\n{short(text)}")

    # GNU make reads it.
    rc, out, err = make(["-p", "-f", dep, "--no-builtin-rules"], d)
    if rc != 0 or err.strip():
        c.fail(check, f"make -p -f 'my cv/app.pdf.d': exit {rc}, expected 0 and no message\n{short(err)}")
    # And understands it: up to date after the build, out of date when the base is touched.
    shutil.copy(dep, os.path.join(d, "deps.mk"))  # include cannot name a file with a space
    write(os.path.join(d, "Makefile"),
          b"my\\ cv/app.pdf:\n\t@echo REBUILD $@\n\ninclude deps.mk\n")
    rc, out, err = make([], d)
    if rc != 0 or "REBUILD" in out or "up to date" not in out:
        c.fail(check, f"a Makefile including the depfile: exit {rc}, expected 0 and 'my cv/app.pdf' up to "
                      f"date\n{short(out + err)}")
    touch_after(os.path.join(cvdir, "base cv.yaml"), [os.path.join(cvdir, "app.pdf")])
    rc, out, err = make([], d)
    if rc != 0 or "REBUILD my cv/app.pdf" not in out:
        c.fail(check, f"after touching 'my cv/base cv.yaml', make does not rebuild 'my cv/app.pdf': exit "
                      f"{rc}\n{short(out + err)}")


# ---- extends through a symlinked folder -----------------------------------------------------

def check_symlinked_folder(c):
    """`extends` is relative to the extending file, as the system resolves it: through a
    symlinked folder, `..` is the parent of the folder the link points to (as for `cat
    applications/../cv.yaml`), not the folder that holds the link."""
    check = "extends:symlinked-folder"
    d = c.fresh_dir("symlinked-folder")
    os.makedirs(os.path.join(d, ".git"))  # one repository holds both folders: its top is the root
    private = os.path.join(d, "private")
    os.makedirs(os.path.join(private, "applications"))
    write(os.path.join(private, "cv.yaml"), MINIMAL_CV.replace(b"Ada Lovelace", b"Real Base"))
    write(os.path.join(private, "applications", "acme.yaml"),
          b"extends: ../cv.yaml\nset:\n  cv.headline: Programmer\n")
    public = os.path.join(d, "public")
    os.makedirs(public)
    os.symlink(os.path.join("..", "private", "applications"), os.path.join(public, "applications"))
    # A cv.yaml beside the link, which applications/../cv.yaml does not name.
    write(os.path.join(public, "cv.yaml"), MINIMAL_CV.replace(b"Ada Lovelace", b"Decoy Base"))
    if b"Real Base" not in read(os.path.join(public, "applications", "..", "cv.yaml")):
        c.fail(check, "the system does not resolve applications/../cv.yaml through the link; cannot check")
        return
    rc, out, err = run(c.vitae, ["build", "applications/acme.yaml", "--dump"], public)
    if rc != 0 or '"Real Base"' not in out:
        who = "Decoy Base" if '"Decoy Base"' in out else "no base"
        c.fail(check, f"vitae build applications/acme.yaml (applications -> ../private/applications, "
                      f"extends: ../cv.yaml): exit {rc}, built over {who}; expected exit 0 and the CV of "
                      f"private/cv.yaml (applications/../cv.yaml)\n{short(err)}")
    rc, _, err = run(c.vitae, ["build", "applications/acme.yaml", "-MD"], public)
    dep = os.path.join(public, "applications", "acme.pdf.d")
    if rc == 0 and os.path.exists(dep):
        rules = parse_depfile(read(dep).decode("utf-8", "replace"))
        prereqs = rules[0][1] if rules and rules[0][0] else []
        resolved = [p if os.path.isabs(p) else os.path.join(public, p) for p in prereqs]
        if not any(os.path.exists(p) and os.path.samefile(p, os.path.join(private, "cv.yaml"))
                   for p in resolved):
            c.fail(check, f"the depfile does not name private/cv.yaml (the base the system finds at "
                          f"applications/../cv.yaml): {prereqs}")


# ---- a failed build under make --------------------------------------------------------------

def check_failed_build(c):
    check = "make:failed-build"
    d = c.example_copy("failed-build")
    pdfs = pdfs_of(d)
    mk = ["VITAE=" + c.vitae]
    rc, out, err = make(mk, d)
    if rc != 0:
        c.fail(check, f"the first make failed: exit {rc}\n{short(out + err)}")
        return

    # An error in one application.
    app = os.path.join(d, "applications", "initech.yaml")
    source = read(app)
    fixed_times = (os.stat(app).st_atime_ns, os.stat(app).st_mtime_ns)
    broken = source.replace(b"  cv.headline:", b"  cv.hedline:")
    if broken == source:
        c.fail(check, "cannot find '  cv.headline:' in applications/initech.yaml to break")
        return
    line = broken.decode().splitlines().index("  cv.hedline: Engineering manager who still reviews code") + 1
    kept = {n: (mtime(p), read(p)) for n, p in pdfs.items()}
    write(app, broken)
    touch_after(app, pdfs.values())
    for attempt in ("first", "second"):
        rc, out, err = make(mk, d)
        calls = vitae_calls(out, c.vitae)
        if rc == 0:
            c.fail(check, f"{attempt} make after the error: exit 0, expected a failure\n{short(out + err)}")
        if "applications/initech.pdf" not in calls:
            c.fail(check, f"{attempt} make after the error did not try applications/initech.pdf (vitae called "
                          f"for {calls}): a failed build left a target make trusts\n{short(out + err)}")
        if not re.search(rf"^applications/initech\.yaml:{line}:\d+: error: ", err, re.M):
            c.fail(check, f"{attempt} make: no 'applications/initech.yaml:{line}:COL: error:' in:\n{short(err)}")
        now = {n: (mtime(p), read(p)) for n, p in pdfs.items()}
        if now["initech"] != kept["initech"]:
            c.fail(check, f"{attempt} make after the error changed the old applications/initech.pdf")
        if [n for n in APPS if n != "initech" and now[n] != kept[n]]:
            c.fail(check, f"{attempt} make after the error rebuilt other PDFs")
        if temp_files(d):
            c.fail(check, f"temporary files left: {temp_files(d)}")
    write(app, source)
    touch_after(app, pdfs.values())
    rc, out, err = make(mk, d)
    if rc != 0 or vitae_calls(out, c.vitae) != ["applications/initech.pdf"]:
        c.fail(check, f"after the fix, make: exit {rc}, vitae called for {vitae_calls(out, c.vitae)}; "
                      f"expected applications/initech.pdf rebuilt\n{short(out + err)}")
    os.utime(app, ns=fixed_times)  # back in the past: the rebuilt PDF is newer again
    rc, out, err = make(mk, d)
    if rc != 0 or vitae_calls(out, c.vitae):
        c.fail(check, f"after the fix and the rebuild, make: exit {rc}, vitae called for "
                      f"{vitae_calls(out, c.vitae)}; expected nothing to do\n{short(out + err)}")

    # An error in the base: every application fails (make -k tries them all), every old PDF stays.
    base = os.path.join(d, "cv.yaml")
    source = read(base)
    broken = source.replace(b"  name: Maren Okonkwo-Lind", b"  nmae: Maren Okonkwo-Lind")
    if broken == source:
        c.fail(check, "cannot find '  name: Maren Okonkwo-Lind' in cv.yaml to break")
        return
    line = broken.decode().splitlines().index("  nmae: Maren Okonkwo-Lind") + 1
    kept = {n: (mtime(p), read(p)) for n, p in pdfs.items()}
    write(base, broken)
    touch_after(base, pdfs.values())
    for attempt in ("first", "second"):
        rc, out, err = make(["-k"] + mk, d)
        calls = vitae_calls(out, c.vitae)
        if rc == 0 or sorted(calls) != sorted(f"applications/{n}.pdf" for n in APPS):
            c.fail(check, f"{attempt} make -k after an error in cv.yaml: exit {rc}, vitae called for {calls}; "
                          f"expected a failure and all three tried\n{short(out + err)}")
        # The base as the system opens it from the application: applications/../cv.yaml.
        if not re.search(rf"^(applications/\.\./)?cv\.yaml:{line}:\d+: error: ", err, re.M):
            c.fail(check, f"{attempt} make -k: no 'cv.yaml:{line}:COL: error:' (the error is in the base, "
                          f"reported where it is):\n{short(err)}")
        if {n: (mtime(p), read(p)) for n, p in pdfs.items()} != kept:
            c.fail(check, f"{attempt} make -k after an error in cv.yaml changed old PDFs")
        if temp_files(d):
            c.fail(check, f"temporary files left: {temp_files(d)}")


def main():
    vitae = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.abspath("build/vitae")
    if shutil.which("make") is None:
        print("make: GNU make is not on PATH; this test needs it")
        return 1
    checks = {"make:first-run", "make:up-to-date", "make:touch-application", "make:touch-base",
              "make:depfile", "make:copied", "batch:one-failing", "reproducible:batch",
              "reproducible:variants", "depfile:space", "make:failed-build",
              "extends:symlinked-folder"}
    with tempfile.TemporaryDirectory() as root:
        c = Checker(vitae, root)
        check_make_workflow(c)
        check_one_failing(c)
        check_reproducible_batch(c)
        check_reproducible_variants(c)
        check_depfile_space(c)
        check_failed_build(c)
        check_symlinked_folder(c)
    return report(c, checks, EXPECTED_FAILURES)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The command line under misuse and hostile input, through the real binary.

Checks, each in a fresh temporary directory:
  exit-codes   0 for a valid CV (warnings allowed), 1 for input errors, 2 for bad usage
               (unknown command, unknown option, no input, -o with two inputs, -o with check,
               no arguments);
               bad usage writes no file;
  hostile      empty file, binary data with NUL bytes, invalid UTF-8, tab indentation,
               unclosed quote, a list / a scalar document, nesting 100,000 levels deep
               (flow, block, and flow hidden from the pre-parse estimate behind a quote),
               a billion-laughs alias bomb, a file over 4 MiB: each
               `vitae build` exits 1 within 1 s without crashing, says
               `PATH:LINE:COL: error: ...` (`PATH: error:` for the size limit) at the right
               place where the place is certain, leaves the PDF of an earlier build at the
               default output path byte for byte, and leaves no stray file behind;
  unbounded    100 MiB on stdin and /dev/zero as input: refused as fast as a 4 MiB file,
               without stating a wrong size;
  missing      a missing input file and a directory as input: exit 1, the message names it;
  stdio        `-o -` writes the PDF (the same bytes as a file build) to stdout and only
               diagnostics to stderr; `-` as input reads stdin;
  no-dir       output into a directory that does not exist: exit 1, a message naming it,
               nothing created;
  output-is-input  `-o` naming the input file must not overwrite the CV source;
  did-you-mean an unknown key `strat_date` gives `error:`, `hint: did you mean
               'start_date'?` and the source line with a caret under the key.

Usage: test_cli_hostile.py PATH/TO/vitae   (cwd: repository root)

EXPECTED_FAILURES lists checks known to fail because of a product bug (check name ->
bug). The script fails if an expected failure starts passing: remove the entry then.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from script_support import MINIMAL_CV, TYPO_CV, Checker, read, report, write

# check name -> the product bug that makes it fail.
EXPECTED_FAILURES = {}

VALID_CV = "data/examples/wei-wen.yaml"
WARNING_CV = "data/examples/alex-morgan.yaml"


def copy_warning_cv(dest):
    """A CV whose build warns (a tag that nothing carries) and still writes a PDF."""
    write(dest, read(WARNING_CV) + b"exclude_tags: [no-such-tag]\n")
# Sanitizer builds run several times slower and start slower: their tests scale the bound
# (VITAE_TEST_TIME_SCALE, tests/CMakeLists.txt; docs/reliability.md).
MAX_SECONDS = 1.0 * float(os.environ.get("VITAE_TEST_TIME_SCALE", "1"))
MIB = 1024 * 1024

def billion_laughs():
    lines = [b"a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{','.join('*' + prev for _ in range(9))}]".encode())
    lines.append(b"cv:\n  name: *i")
    return b"\n".join(lines) + b"\n"


DEPTH = 100_000

# name -> (bytes, expected (line, col) or None when only "some place >= 1" is certain,
#          whether `PATH: error:` without a place is acceptable)
HOSTILE = {
    "empty": (b"", None, True),
    "binary": (b"cv:\n  name: Ad\x00\x01\x02\xff\xfe" + bytes(range(256)) * 8, (2, 11), False),
    "invalid-utf8": (b"cv:\n  name: Ren\xe9 Descartes\n", (2, 12), False),
    "tab-indent": (b"cv:\n\tname: Ada\n", (2, 1), False),
    "unclosed-quote": (b"cv:\n  name: \"Ada Lovelace\n  email: ada@example.com\n", (2, 9), False),
    "list-document": (b"- cv\n- design\n", (1, 1), False),
    "scalar-document": (b"just a sentence\n", (1, 1), False),
    "deep-flow": (b"cv:\n  name: " + b"[" * DEPTH + b"]" * DEPTH + b"\n", (2, None), False),
    "deep-block": (b"cv:\n  name: Ada\n  sections:\n    s:\n      " + b"- " * DEPTH + b"x\n",
                   (5, None), False),
    # The nesting estimate made before parsing takes the quote for a string and skips the
    # brackets; the parser's own limit must stop them.
    "deep-flow-after-a-quote": (b"cv:\n  name: [x 'y, " + b"[" * DEPTH + b"\n", (2, None), False),
    "billion-laughs": (billion_laughs(), (2, None), False),
    "over-4-MiB": (b"cv:\n  name: Ada\n  sections:\n    s:\n      - '" + b"a" * (4 * MIB) + b"'\n",
                   None, True),
}


def run(vitae, args, cwd, stdin=None, timeout=60):
    """Runs vitae; returns (returncode, stdout bytes, stderr text, seconds)."""
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    start = time.monotonic()
    r = subprocess.run([vitae] + args, cwd=cwd, input=stdin, capture_output=True,
                       timeout=timeout, env=env)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace"), time.monotonic() - start


def listing(d):
    return sorted(os.listdir(d))


def diagnostic_lines(stderr, path, severity="error"):
    """(line, col) of each `PATH:LINE:COL: SEVERITY:` line; (None, None) for `PATH: SEVERITY:`."""
    out = []
    for line in stderr.splitlines():
        m = re.match(re.escape(path) + r":(\d+):(\d+): " + severity + r": \S", line)
        if m:
            out.append((int(m.group(1)), int(m.group(2))))
        elif re.match(re.escape(path) + r": " + severity + r": \S", line):
            out.append((None, None))
    return out


# ---- exit codes -----------------------------------------------------------------------------

def check_exit_codes(c):
    d = c.fresh_dir("exit-codes")
    shutil.copy(VALID_CV, os.path.join(d, "cv.yaml"))
    copy_warning_cv(os.path.join(d, "warn.yaml"))
    write(os.path.join(d, "typo.yaml"), TYPO_CV)

    rc, _, err, _ = run(c.vitae, ["build", "cv.yaml", "-o", "ok.pdf"], d)
    if rc != 0 or not read(os.path.join(d, "ok.pdf")).startswith(b"%PDF-"):
        c.fail("exit-codes", f"valid CV: exit {rc}, expected 0 and a PDF\n{err}")
    rc, _, err, _ = run(c.vitae, ["build", "warn.yaml", "-o", "warn.pdf"], d)
    if rc != 0 or "warning:" not in err or not os.path.exists(os.path.join(d, "warn.pdf")):
        c.fail("exit-codes", f"CV with warnings: exit {rc}, expected 0, a warning and a PDF\n{err}")
    rc, _, err, _ = run(c.vitae, ["check", "cv.yaml"], d)
    if rc != 0:
        c.fail("exit-codes", f"vitae check of a valid CV: exit {rc}, expected 0\n{err}")
    rc, _, err, _ = run(c.vitae, ["build", "typo.yaml"], d)
    if rc != 1:
        c.fail("exit-codes", f"CV with an error: exit {rc}, expected 1\n{err}")
    rc, _, err, _ = run(c.vitae, ["check", "typo.yaml"], d)
    if rc != 1:
        c.fail("exit-codes", f"vitae check of a CV with an error: exit {rc}, expected 1\n{err}")

    before = listing(d)
    usage = {
        "unknown command": ["frobnicate", "cv.yaml"],
        "unknown option": ["build", "--frobnicate", "cv.yaml"],
        "unknown short option": ["build", "-x", "cv.yaml"],
        "missing input argument": ["build"],
        "missing input argument (check)": ["check"],
        "-o without a file name": ["build", "cv.yaml", "-o"],
        "-o with two inputs": ["build", "cv.yaml", "warn.yaml", "-o", "x.pdf"],
        "-o with --all-variants": ["build", "cv.yaml", "--all-variants", "-o", "x.pdf"],
        "--variant with --all-variants": ["build", "cv.yaml", "--variant", "a", "--all-variants"],
        "--set without =": ["build", "cv.yaml", "--set", "cv.name"],
        "-j 0": ["build", "cv.yaml", "-j", "0"],
        "no arguments at all": [],
        "-o with check": ["check", "cv.yaml", "-o", "x.pdf"],
    }
    for label, args in usage.items():
        rc, out, err, _ = run(c.vitae, args, d)
        if rc != 2:
            c.fail("exit-codes", f"{label} (vitae {' '.join(args)}): exit {rc}, expected 2\n{err}")
        if "usage" not in err.lower():
            c.fail("exit-codes", f"{label}: stderr does not show the usage:\n{err}")
        if out:
            c.fail("exit-codes", f"{label}: wrote {len(out)} bytes to stdout")
    if listing(d) != before:
        c.fail("exit-codes", f"bad usage created files: {sorted(set(listing(d)) - set(before))}")


# ---- hostile inputs -------------------------------------------------------------------------

def check_hostile(c, name, data, place, placeless_ok, pdf_bytes):
    check = f"hostile:{name}"
    d = c.fresh_dir(name)
    src = f"{name}.yaml"
    write(os.path.join(d, src), data)
    earlier = os.path.join(d, f"{name}.pdf")  # the default output path of `vitae build SRC`
    write(earlier, pdf_bytes)
    before = listing(d)
    rc, out, err, seconds = run(c.vitae, ["build", src], d)
    if rc < 0:
        c.fail(check, f"crashed with signal {-rc}")
    elif rc != 1:
        c.fail(check, f"exit {rc}, expected 1")
    if seconds >= MAX_SECONDS:
        c.fail(check, f"took {seconds:.2f} s, more than {MAX_SECONDS} s")
    places = diagnostic_lines(err, src)
    located = [p for p in places if p[0] is not None]
    if not places or (not located and not placeless_ok):
        c.fail(check, f"no '{src}:LINE:COL: error: ...' line in stderr:\n{err[:2000]}")
    for line, col in located:
        if line < 1 or col < 1:
            c.fail(check, f"error at {line}:{col}; lines and columns count from 1")
    if place and located:
        line, col = located[0]
        want_line, want_col = place
        if line != want_line or (want_col is not None and col != want_col):
            want = f"{want_line}:{want_col}" if want_col else f"line {want_line}"
            c.fail(check, f"first error at {line}:{col}, expected {want}:\n{err[:2000]}")
    if name == "over-4-MiB":
        # The message may state the limit and the real size, not some other number.
        first = next((l for l in err.splitlines() if ": error: " in l), "")
        allowed = {4, 4 * MIB, len(data)}
        wrong = [n for n in map(int, re.findall(r"\d+", first.partition(": error: ")[2]))
                 if n not in allowed]
        if wrong:
            c.fail(check + ":stated-size", f"the message states {wrong} for a file of "
                   f"{len(data)} bytes (limit {4 * MIB}): {first!r}")
    if len(err) > 20000:
        c.fail(check, f"{len(err)} bytes of diagnostics; a hostile file must not flood stderr")
    if out:
        c.fail(check, f"wrote {len(out)} bytes to stdout")
    if read(earlier) != pdf_bytes:
        c.fail(check, "the PDF of the earlier build was changed")
    if listing(d) != before:
        c.fail(check, f"files left behind: {sorted(set(listing(d)) - set(before))}")


def check_unbounded_input(c, name, args, stdin, path, pdf_bytes, real_size):
    """Input with no end in sight (a device, a huge pipe) is refused after the limit: exit 1
    within the time limit, the earlier PDF kept, no byte count other than the limit and the
    real size (when there is one) stated."""
    check = f"hostile:{name}"
    d = c.fresh_dir(name)
    earlier = os.path.join(d, "out.pdf")
    write(earlier, pdf_bytes)
    before = listing(d)
    rc, out, err, seconds = run(c.vitae, ["build"] + args + ["-o", "out.pdf"], d, stdin=stdin)
    if rc != 1:
        c.fail(check, f"exit {rc}, expected 1" + (f" (signal {-rc})" if rc < 0 else ""))
    if seconds >= MAX_SECONDS:
        c.fail(check, f"took {seconds:.2f} s, more than {MAX_SECONDS} s: the input is read "
                      "past the 4 MiB limit")
    if not diagnostic_lines(err, path):
        c.fail(check, f"no '{path}: error: ...' line in stderr:\n{err[:2000]}")
    if out or read(earlier) != pdf_bytes or listing(d) != before:
        c.fail(check, "wrote to stdout, changed the earlier PDF or left files behind")
    first = next((l for l in err.splitlines() if ": error: " in l), "")
    allowed = {4, 4 * MIB} | ({real_size} if real_size else set())
    wrong = [n for n in map(int, re.findall(r"\d+", first.partition(": error: ")[2]))
             if n not in allowed]
    if wrong:
        c.fail(check + ":stated-size", f"the message states {wrong} bytes for an input "
               f"{'of %d bytes' % real_size if real_size else 'with no end'}: {first!r}")


# ---- missing input, stdio, output directory, diagnostics format ---------------------------

def check_missing(c):
    d = c.fresh_dir("missing")
    before = listing(d)
    rc, _, err, _ = run(c.vitae, ["build", "no-such-cv.yaml"], d)
    if rc != 1 or "no-such-cv.yaml" not in err:
        c.fail("missing", f"missing input: exit {rc} (expected 1), message must name the file:\n{err}")
    os.makedirs(os.path.join(d, "cvdir.yaml"))
    before = listing(d)
    rc, _, err, _ = run(c.vitae, ["build", "cvdir.yaml"], d)
    if rc != 1 or "cvdir.yaml" not in err:
        c.fail("missing", f"directory as input: exit {rc} (expected 1), message must name it:\n{err}")
    if listing(d) != before:
        c.fail("missing", f"files created: {sorted(set(listing(d)) - set(before))}")


def only_diagnostics(stderr, path):
    """Lines of stderr that are not part of a diagnostic for `path`."""
    bad = []
    for line in stderr.splitlines():
        if re.match(re.escape(path) + r"(:\d+(:\d+)?)?: (error|warning|note): ", line):
            continue
        if line.startswith("  "):  # source line, caret or hint
            continue
        bad.append(line)
    return bad


def check_stdio(c):
    d = c.fresh_dir("stdio")
    copy_warning_cv(os.path.join(d, "cv.yaml"))
    rc, _, err, _ = run(c.vitae, ["build", "cv.yaml", "-o", "file.pdf"], d)
    file_pdf = read(os.path.join(d, "file.pdf")) if rc == 0 else None
    if file_pdf is None:
        c.fail("stdio", f"build to a file failed: exit {rc}\n{err}")
        return
    before = listing(d)
    rc, out, err, _ = run(c.vitae, ["build", "cv.yaml", "-o", "-"], d)
    if rc != 0 or not out.startswith(b"%PDF-") or b"%%EOF" not in out[-32:]:
        c.fail("stdio", f"-o -: exit {rc}, stdout starts {out[:16]!r}, expected a whole PDF\n{err}")
    elif out != file_pdf:
        c.fail("stdio", "-o - writes other bytes than -o FILE")
    if "%PDF" in err or only_diagnostics(err, "cv.yaml"):
        c.fail("stdio", f"-o -: stderr holds more than diagnostics: {only_diagnostics(err, 'cv.yaml')[:5]}")
    if listing(d) != before:
        c.fail("stdio", f"-o - created files: {sorted(set(listing(d)) - set(before))}")

    src = read(os.path.join(d, "cv.yaml"))
    rc, out, err, _ = run(c.vitae, ["build", "-", "-o", "stdin.pdf"], d, stdin=src)
    if rc != 0 or not os.path.exists(os.path.join(d, "stdin.pdf")):
        c.fail("stdio", f"- as input: exit {rc}, expected 0 and stdin.pdf\n{err}")
    elif read(os.path.join(d, "stdin.pdf")) != file_pdf:
        c.fail("stdio", "- as input gives other bytes than the file input")
    before = listing(d)
    rc, out, err, _ = run(c.vitae, ["build", "-"], d, stdin=src)
    if rc != 0 or out != file_pdf:
        c.fail("stdio", f"build - (no -o): exit {rc}, expected the PDF on stdout ({len(out)} bytes)\n{err}")
    if listing(d) != before:
        c.fail("stdio", f"build - created files: {sorted(set(listing(d)) - set(before))}")
    rc, out, err, _ = run(c.vitae, ["build", "-", "-o", "-"], d, stdin=TYPO_CV)
    if rc != 1 or out or not diagnostic_lines(err, "<stdin>"):
        c.fail("stdio", f"bad CV on stdin: exit {rc} (expected 1), {len(out)} bytes on stdout, "
                        f"diagnostics must name <stdin>:\n{err}")


def check_no_dir(c):
    d = c.fresh_dir("no-dir")
    shutil.copy(VALID_CV, os.path.join(d, "cv.yaml"))
    before = listing(d)
    rc, out, err, _ = run(c.vitae, ["build", "cv.yaml", "-o", "nowhere/deeper/cv.pdf"], d)
    if rc != 1:
        c.fail("no-dir", f"exit {rc}, expected 1\n{err}")
    if "nowhere/deeper/cv.pdf" not in err and "nowhere" not in err:
        c.fail("no-dir", f"the message does not name the output path:\n{err}")
    if "error" not in err:
        c.fail("no-dir", f"no error message:\n{err}")
    if listing(d) != before:
        c.fail("no-dir", f"files created: {sorted(set(listing(d)) - set(before))}")
    check_write_error_wording(c, err)

    # An existing directory as the output: exit 1, directory and cwd unchanged, no temp file.
    os.makedirs(os.path.join(d, "outdir"))
    before = listing(d)
    rc, out, err, _ = run(c.vitae, ["build", "cv.yaml", "-o", "outdir"], d)
    if rc != 1 or "outdir" not in err:
        c.fail("out-is-dir", f"output is a directory: exit {rc} (expected 1), message must name it:\n{err}")
    if listing(d) != before or listing(os.path.join(d, "outdir")):
        c.fail("out-is-dir", f"files created: {listing(d)} / outdir: {listing(os.path.join(d, 'outdir'))}")
    check_write_error_wording(c, err)


def check_output_is_input(c):
    """`-o` naming the input itself (directly or by another spelling) must not destroy the
    source: exit 1 or 2, the source unchanged."""
    d = c.fresh_dir("output-is-input")
    for out in ("cv.yaml", "./cv.yaml"):
        shutil.copy(VALID_CV, os.path.join(d, "cv.yaml"))
        source = read(os.path.join(d, "cv.yaml"))
        rc, _, err, _ = run(c.vitae, ["build", "cv.yaml", "-o", out], d)
        if rc not in (1, 2) or read(os.path.join(d, "cv.yaml")) != source:
            c.fail("output-is-input", f"vitae build cv.yaml -o {out}: exit {rc}, source "
                   f"{'unchanged' if read(os.path.join(d, 'cv.yaml')) == source else 'overwritten'}"
                   f"; expected exit 1 or 2 and the source unchanged\n{err}")


def check_write_error_wording(c, err):
    """A write error says what failed once: no 'cannot write X: cannot write X', no
    'is a directory: Is a directory'."""
    for line in err.splitlines():
        low = line.lower()
        if low.count("cannot write") > 1 or low.count("is a directory") > 1:
            c.fail("write-error-wording", f"the message repeats itself: {line!r}")


def check_no_threads(c):
    """When the system gives no thread at all (RLIMIT_NPROC reached), vitae still builds,
    on the one thread it has, and says so under -v (issue 17: no silent fallback)."""
    d = c.fresh_dir("no-threads")
    os.chmod(d, 0o777)  # written by another user below, when run as root
    for name in ("cv.yaml", "cv2.yaml"):
        shutil.copy(VALID_CV, os.path.join(d, name))
        os.chmod(os.path.join(d, name), 0o644)
    limit = ["prlimit", "--nproc=1"]
    if os.geteuid() == 0:  # root is exempt from RLIMIT_NPROC: run as nobody, who has no process
        limit = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + limit
    for args in (["build", "cv.yaml", "-v"], ["build", "cv.yaml", "cv2.yaml", "-j", "4", "-v"]):
        # A sanitizer build: LeakSanitizer's check at exit needs a thread of its own.
        env = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0")
        r = subprocess.run(limit + [os.path.abspath(c.vitae)] + args, cwd=d, capture_output=True, timeout=60,
                           env=env)
        err = r.stderr.decode("utf-8", "replace")
        label = " ".join(args)
        if r.returncode != 0 or not read(os.path.join(d, "cv.pdf")).startswith(b"%PDF-"):
            c.fail("no-threads", f"vitae {label} with no thread to be had: exit {r.returncode}, expected 0 and a PDF\n{err}")
        if "vitae: note: running on 1 of" not in err:
            c.fail("no-threads", f"vitae {label} with no thread to be had: -v does not say so\n{err}")
        os.remove(os.path.join(d, "cv.pdf"))


def check_did_you_mean(c):
    d = c.fresh_dir("did-you-mean")
    write(os.path.join(d, "typo.yaml"), TYPO_CV)
    rc, _, err, _ = run(c.vitae, ["build", "typo.yaml"], d)
    lines = err.splitlines()
    source_lines = TYPO_CV.decode().splitlines()
    key_line = next(i for i, s in enumerate(source_lines, 1) if "strat_date" in s)
    key_col = source_lines[key_line - 1].index("strat_date") + 1
    head = f"typo.yaml:{key_line}:{key_col}: error: "
    at = [i for i, s in enumerate(lines) if s.startswith(head) and "strat_date" in s]
    if rc != 1 or not at:
        c.fail("did-you-mean", f"exit {rc}; expected 1 and a line starting {head!r} naming "
                               f"'strat_date':\n{err}")
        return
    i = at[0]
    block = lines[i + 1:i + 4]
    want_source = "  " + source_lines[key_line - 1]
    want_caret = "  " + " " * (key_col - 1) + "^"
    if len(block) < 3 or block[0] != want_source or block[1] != want_caret:
        c.fail("did-you-mean", f"expected the source line {want_source!r} and the caret "
                               f"{want_caret!r} below the error, got {block[:2]!r}")
    hints = [s for s in lines[i + 1:i + 4] if s.startswith("  hint: ")]
    if "  hint: did you mean 'start_date'?" not in hints:
        c.fail("did-you-mean", f"expected \"  hint: did you mean 'start_date'?\", got {hints!r}")


def main():
    vitae = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/vitae"
    with tempfile.TemporaryDirectory() as root:
        c = Checker(vitae, root)
        seed = os.path.join(root, "seed.pdf")
        rc, _, err, _ = run(vitae, ["build", VALID_CV, "-o", seed], ".")
        if rc != 0:
            print(f"cannot build {VALID_CV}: exit {rc}\n{err}")
            return 1
        pdf_bytes = read(seed)
        check_exit_codes(c)
        for name, (data, place, placeless_ok) in HOSTILE.items():
            check_hostile(c, name, data, place, placeless_ok, pdf_bytes)
        big = b"cv:\n  name: " + b"a" * (100 * MIB)
        check_unbounded_input(c, "stdin-100-MiB", ["-"], big, "<stdin>", pdf_bytes, len(big))
        if os.path.exists("/dev/zero"):
            check_unbounded_input(c, "endless-file", ["/dev/zero"], None, "/dev/zero",
                                  pdf_bytes, None)
        check_missing(c)
        check_stdio(c)
        check_no_dir(c)
        check_did_you_mean(c)
        check_output_is_input(c)
        check_no_threads(c)
        checks = {"exit-codes", "missing", "no-threads", "stdio", "no-dir", "out-is-dir", "did-you-mean",
                  "output-is-input", "hostile:stdin-100-MiB", "hostile:endless-file",
                  "write-error-wording", "hostile:over-4-MiB:stated-size"} | \
            {f"hostile:{n}" for n in HOSTILE}
    return report(c, checks, EXPECTED_FAILURES)


if __name__ == "__main__":
    sys.exit(main())

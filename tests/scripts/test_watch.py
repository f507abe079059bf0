#!/usr/bin/env python3
"""`vitae watch` through the real binary, in a fresh temporary directory: cv.yaml extends
base.yaml, and `vitae watch cv.yaml -o out.pdf` runs in the background.

Checks, in order (each waits by polling, with generous timeouts: the machine may be slow
and shared; nothing is timed):
  first-build  the first PDF appears and pdftotext reads the name in it;
  edit-base    changing the name in base.yaml (a file the CV extends, written in place)
               rebuilds: the new name is in the PDF;
  edit-rename  changing it again in cv.yaml, saved as editors do (a new file renamed over
               the old one), rebuilds too;
  broken       a syntax error in cv.yaml prints `cv.yaml:LINE:COL: error: ...` on standard
               error and leaves the last good PDF byte-identical;
  fixed        fixing it rebuilds, with a `rebuilt out.pdf in N ms (1 page)` line;
  sigint       SIGINT ends the watch with exit status 0, and the folder holds only the
               files it held (no temporary file left).

Usage: test_watch.py PATH/TO/vitae   (cwd: repository root)
"""
import os
import signal
import subprocess
import sys
import tempfile
import time

from script_support import MINIMAL_CV as BASE, Checker, read, report, write

ENV = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
TIMEOUT = 60  # seconds to wait for anything: generous on a loaded machine, never asserted


def cv(headline):
    return b"extends: base.yaml\ncv:\n  headline: " + headline + b"\n"


def wait_for(predicate, timeout=TIMEOUT):
    """Polls `predicate` until it returns something true; returns that, or None."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    return None


def pdf_text(path):
    if not os.path.exists(path):
        return ""
    p = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True)
    return p.stdout if p.returncode == 0 else ""


def save_by_rename(path, data):
    """Writes as many editors do: a new file beside it, renamed over it."""
    tmp = path + ".swp"
    write(tmp, data)
    os.replace(tmp, path)


class Watch:
    def __init__(self, c, d):
        self.d = d
        self.err_path = os.path.join(os.path.dirname(d), "watch-stderr.txt")
        self.err_file = open(self.err_path, "wb")
        self.proc = subprocess.Popen([c.vitae, "watch", "cv.yaml", "-o", "out.pdf"], cwd=d, env=ENV,
                                     stdout=subprocess.DEVNULL, stderr=self.err_file)

    def stderr(self):
        return read(self.err_path).decode(errors="replace")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.err_file.close()


def expect_text(c, check, w, pdf, text):
    if not wait_for(lambda: text in pdf_text(pdf)):
        c.fail(check, f"'{text}' never appeared in the PDF; stderr:\n{w.stderr()}")
        return False
    return True


def run_checks(c, w, d):
    pdf = os.path.join(d, "out.pdf")
    if not expect_text(c, "first-build", w, pdf, "Ada Lovelace"):
        return
    write(os.path.join(d, "base.yaml"), BASE.replace(b"Ada Lovelace", b"Grace Hopper"))
    expect_text(c, "edit-base", w, pdf, "Grace Hopper")
    save_by_rename(os.path.join(d, "cv.yaml"), cv(b"Rear Admiral"))
    if not expect_text(c, "edit-rename", w, pdf, "Rear Admiral"):
        return
    wait_for(lambda: w.stderr().count("rebuilt out.pdf") >= 2)
    good = read(pdf)
    write(os.path.join(d, "cv.yaml"), b"extends: base.yaml\ncv:\n  headline: [Broken\n")
    if not wait_for(lambda: "cv.yaml:3:13: error: " in w.stderr()):
        c.fail("broken", f"no error line for the broken CV; stderr:\n{w.stderr()}")
    if read(pdf) != good:
        c.fail("broken", "the PDF changed although the build failed")
    write(os.path.join(d, "cv.yaml"), cv(b"Commodore"))
    expect_text(c, "fixed", w, pdf, "Commodore")
    if not wait_for(lambda: w.stderr().count("rebuilt out.pdf in ") >= 3 and " ms (1 page)\n" in w.stderr()):
        c.fail("fixed", f"no 'rebuilt out.pdf in N ms (1 page)' line; stderr:\n{w.stderr()}")


def check_sigint(c, w, d, before):
    w.proc.send_signal(signal.SIGINT)
    try:
        code = w.proc.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        c.fail("sigint", "the watch did not end after SIGINT")
        return
    if code != 0:
        c.fail("sigint", f"exit status {code} after SIGINT; stderr:\n{w.stderr()}")
    left = sorted(os.listdir(d))
    if left != before:
        c.fail("sigint", f"the folder holds {left}, expected {before}")


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    with tempfile.TemporaryDirectory(prefix="vitae-watch-") as root:
        c = Checker(os.path.abspath(sys.argv[1]), root)
        d = c.fresh_dir("watch")
        write(os.path.join(d, "base.yaml"), BASE)
        write(os.path.join(d, "cv.yaml"), cv(b"Analyst"))
        w = Watch(c, d)
        try:
            run_checks(c, w, d)
            check_sigint(c, w, d, ["base.yaml", "cv.yaml", "out.pdf"])
        finally:
            w.stop()
    checks = {"first-build", "edit-base", "edit-rename", "broken", "fixed", "sigint"}
    return report(c, checks, {})


if __name__ == "__main__":
    sys.exit(main())

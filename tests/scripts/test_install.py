#!/usr/bin/env python3
"""`cmake --install` gives a vitae that works on its own: from another directory, with a
clean environment, after the installed tree is moved elsewhere.

Usage: test_install.py path/to/build/vitae   (run from the repository root; the build tree
is the program's directory)

Checks:
  1. `cmake --install BUILD --prefix TMP/prefix` succeeds and installs the program, the PDF
     module, the fonts with their manifest, the layouts, the man page and the bash, zsh
     and fish completions (the same text `vitae completions SHELL` prints);
  2. run from an empty directory with nothing in the environment but PATH, the installed
     program builds the reference CV: exit 0, a PDF pdftotext reads the name from;
  3. `vitae fonts CV` resolves every face to a file under the prefix, not the source tree;
  4. both still hold after the prefix is moved (everything is found relative to bin/).
"""
import os
import shutil
import subprocess
import sys
import tempfile

from script_support import print_problems

CV = os.path.abspath("data/examples/wei-wen.yaml")
NAME_IN_PDF = "Wei WEN"
INSTALLED = [
    "bin/vitae",
    "share/vitae/fonts/families.tsv",
    "share/vitae/fonts/source-sans-3/SourceSans3-Regular.ttf",
    "share/vitae/layouts/classic.yaml",
    "share/vitae/layouts/sidebar.yaml",
    "share/man/man1/vitae.1",
]
COMPLETIONS = {
    "bash": "share/bash-completion/completions/vitae",
    "zsh": "share/zsh/vendor-completions/_vitae",
    "fish": "share/fish/vendor_completions.d/vitae.fish",
}


def run(cmd, cwd):
    """Runs with a clean environment (PATH only), from `cwd`."""
    return subprocess.run(cmd, cwd=cwd, env={"PATH": "/usr/bin:/bin"}, capture_output=True, text=True)


def check_prefix(prefix, work, failures):
    vitae = os.path.join(prefix, "bin", "vitae")
    build = run([vitae, "build", CV, "-o", "out.pdf"], work)
    if build.returncode != 0:
        failures.append(f"{vitae} build failed ({build.returncode}): {build.stderr.strip()}")
        return
    with open(os.path.join(work, "out.pdf"), "rb") as f:
        if not f.read(5) == b"%PDF-":
            failures.append("out.pdf is not a PDF")
    text = subprocess.run(["pdftotext", os.path.join(work, "out.pdf"), "-"], capture_output=True, text=True).stdout
    if NAME_IN_PDF not in text:
        failures.append(f"pdftotext does not read '{NAME_IN_PDF}' from the installed program's PDF")
    fonts = run([vitae, "fonts", CV], work)
    if fonts.returncode != 0 or not fonts.stdout:
        failures.append(f"vitae fonts failed: {fonts.stderr.strip()}")
    for line in fonts.stdout.splitlines():
        path = line.rsplit("  ", 1)[-1].strip()
        if not (path.startswith(prefix + "/share/vitae/fonts/") and os.path.isfile(path)):
            failures.append(f"a face is not resolved under the prefix: {line}")


def main():
    build_dir = os.path.dirname(os.path.abspath(sys.argv[1]))
    failures = []
    with tempfile.TemporaryDirectory(prefix="vitae-install-") as tmp:
        prefix = os.path.join(tmp, "prefix")
        work = os.path.join(tmp, "work")
        os.makedirs(work)
        inst = subprocess.run(["cmake", "--install", build_dir, "--prefix", prefix], capture_output=True, text=True)
        if inst.returncode != 0:
            print(f"cmake --install failed: {inst.stderr}")
            return 1
        for rel in INSTALLED:
            if not os.path.isfile(os.path.join(prefix, rel)):
                failures.append(f"not installed: {rel}")
        for dirpath, _, files in os.walk(prefix):
            if "vitae-pdf.so" in files and dirpath.endswith("/vitae") and "/lib" in dirpath:
                break
        else:
            failures.append("the PDF module is not installed under lib*/vitae/")
        for shell, rel in COMPLETIONS.items():
            printed = subprocess.run([sys.argv[1], "completions", shell], capture_output=True, text=True).stdout
            path = os.path.join(prefix, rel)
            if not os.path.isfile(path):
                failures.append(f"not installed: {rel}")
            elif open(path, encoding="utf-8").read() != printed:
                failures.append(f"{rel} differs from `vitae completions {shell}`")
        check_prefix(prefix, work, failures)
        moved = os.path.join(tmp, "elsewhere")
        shutil.move(prefix, moved)
        check_prefix(moved, work, failures)
    return print_problems(failures)


if __name__ == "__main__":
    sys.exit(main())

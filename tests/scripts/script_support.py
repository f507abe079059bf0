"""What the script tests share: a small valid CV, one with a typo, file helpers and the
Checker that collects failures. Not a test itself (CTest runs tests/scripts/test_*)."""
import os

# RenderCV's files and PDFs, kept in the repository (MIT, see its README). Should the folder
# be gone, the tests that use it skip visibly (CTest's SKIP_RETURN_CODE), or fail when CI is set.
CORPUS = "tests/compat/rendercv"
SKIPPED = 77


MINIMAL_CV = b"""cv:
  name: Ada Lovelace
  email: ada@example.com
  sections:
    experience:
      - company: Analytical Engines Ltd
        position: Programmer
        start_date: 1842-01
        end_date: 1843-09
        highlights:
          - Wrote the first published program.
"""

# A known-good source with one misspelt key (line 8, the key starts in column 9).
TYPO_CV = MINIMAL_CV.replace(b"start_date: 1842-01", b"strat_date: 1842-01")


def cv_source(vitae, path):
    """The CV at `path` as RenderCV's format (a dict): the file itself, or for a JSON Resume
    file (`basics` and no `cv`) the YAML `vitae convert` writes of it, which is what a build
    reads. For the tests that derive what a PDF must hold from its source."""
    import json
    import subprocess
    import yaml
    with open(path, encoding="utf-8") as f:
        doc = json.load(f) if path.endswith(".json") else yaml.safe_load(f)
    if isinstance(doc, dict) and "basics" in doc and "cv" not in doc:
        r = subprocess.run([vitae, "convert", path, "-o", "-"], capture_output=True, text=True, check=True)
        doc = yaml.safe_load(r.stdout)
    return doc


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


class Checker:
    def __init__(self, vitae, root):
        self.vitae = vitae
        self.root = root
        self.failures = {}  # check -> [message]
        self.count = 0

    def fail(self, check, msg):
        self.failures.setdefault(check, []).append(msg)

    def fresh_dir(self, name):
        self.count += 1
        d = os.path.join(self.root, f"{self.count:02d}-{name}")
        os.makedirs(d)
        return d


def report(c, checks, expected_failures):
    """Prints one unindented line per failure (details indented below it) and a summary;
    returns the exit status. A check listed in `expected_failures` that passes fails."""
    failures, expected_seen = [], set()
    for check, msgs in sorted(c.failures.items()):
        if check in expected_failures:
            expected_seen.add(check)
            print(f"expected failure {check} ({expected_failures[check]}):")
            for m in msgs:
                print(f"    {m}")
            continue
        failures += [f"{check}: {m}" for m in msgs]
    for check in sorted(set(expected_failures) - expected_seen):
        failures.append(f"{check}: listed in EXPECTED_FAILURES but passes now; remove the entry")
    for f in failures:
        first, _, rest = f.strip().partition("\n")
        print(first)
        for line in rest.splitlines():
            print("    " + line)
    print(f"{len(checks)} checks, {len(failures)} failures, {len(expected_seen)} expected failures")
    return 1 if failures else 0


def with_corpus_status(status):
    """The exit status of a test that also reads CORPUS: a pass without the corpus is a
    visible skip (CTest's SKIP_RETURN_CODE), with the reason printed; a failure stays one."""
    if status == 0 and not os.path.isdir(CORPUS):
        if os.environ.get("CI"):
            print(f"error: {CORPUS} is absent and CI is set: the corpus was not checked")
            return 1
        print(f"skipped: {CORPUS} is absent, so only the repository's own files were checked")
        return SKIPPED
    return status


def print_problems(problems, summary=""):
    """Prints each problem on a line, then a count; returns the exit status (1 with any)."""
    for p in problems:
        print(p)
    print(f"{summary}{len(problems)} problem(s)")
    return 1 if problems else 0

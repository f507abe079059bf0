#!/usr/bin/env python3
"""Batch builds against separate processes and Typst, side by side in one run (issue 11).

usage: bench/variants.py [VITAE] [N]     (default build/vitae, N = 100; run from the repository root)

Writes the reference CV with N variants (each its own headline, every third one without
two sections, every fifth one with the sections reordered) into a temporary folder, then
times with hyperfine, interleaved in one run:
  batch      one `vitae build cv.yaml --all-variants` call: N PDFs
  separate   N `vitae build cv.yaml --variant vNNN` processes, one after another
  separate2  the same N processes two at a time (xargs -P 2: make -j2)
  typst      Typst 0.14 compiling the reference CV N times, one process each, as
             ../shared/anchors/compare.sh runs it (only when its cache is installed)
and prints the ratios, then the peak RSS of the batch call against one plain build.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
vitae = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build/vitae"))
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
SECTIONS = ["EDUCATION", "SELECTED PUBLICATION", "INDUSTRY EXPERIENCE", "RESEARCH PROJECTS", "SKILLS",
            "SELECTED HONORS & AWARDS", "ACADEMIC ACTIVITIES"]


def variants_yaml(count):
    out = ["variants:"]
    for i in range(1, count + 1):
        out.append(f"  v{i:03d}:")
        out.append(f"    set: {{cv.headline: 'Research scientist, application {i}'}}")
        if i % 3 == 0:
            out.append("    sections: [" + ", ".join(f"'{s}'" for s in SECTIONS if s not in
                                                    ("RESEARCH PROJECTS", "ACADEMIC ACTIVITIES")) + "]")
        elif i % 5 == 0:
            out.append("    sections: [" + ", ".join(f"'{s}'" for s in reversed(SECTIONS)) + "]")
    return "\n".join(out) + "\n"


def peak_rss_kb(args, cwd):
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + args, cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{r.stderr}")
    return int(r.stderr.strip().splitlines()[-1])


def main():
    d = tempfile.mkdtemp(prefix="vitae-variants-")
    with open(os.path.join(ROOT, "data/examples/wei-wen.yaml"), encoding="utf-8") as f:
        base = f.read()
    with open(os.path.join(d, "cv.yaml"), "w", encoding="utf-8") as f:
        f.write(base + variants_yaml(n))
    names = " ".join(f"v{i:03d}" for i in range(1, n + 1))
    with open(os.path.join(d, "separate.sh"), "w") as f:
        f.write(f"for v in {names}; do {vitae} build cv.yaml --variant $v || exit 1; done\n")
    with open(os.path.join(d, "separate2.sh"), "w") as f:
        f.write(f"echo {names} | tr ' ' '\\n' | xargs -P 2 -I V {vitae} build cv.yaml --variant V\n")
    commands = [("batch", f"{vitae} build cv.yaml --all-variants"),
                ("separate", "sh separate.sh"), ("separate2", "sh separate2.sh")]
    anchors = os.path.join(ROOT, "../shared/anchors")
    cache = os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "cv-anchors")
    if os.path.exists(os.path.join(cache, "typst-compile.mjs")):
        typst = (f"node {cache}/typst-compile.mjs {anchors}/cv.typ /tmp/cv-anchor-typst.pdf "
                 "/usr/share/fonts/truetype/lato")
        with open(os.path.join(d, "typst.sh"), "w") as f:
            f.write(f"i=0; while [ $i -lt {n} ]; do {typst} || exit 1; i=$((i+1)); done\n")
        commands.append(("typst", "sh typst.sh"))
    else:
        print("note: Typst is not installed; run ../shared/anchors/compare.sh once to install it")
    args = ["hyperfine", "-N", "--warmup", "1", "--runs", os.environ.get("RUNS", "5"),
            "--export-json", os.path.join(d, "times.json")]
    for name, cmd in commands:
        args += ["--command-name", name, cmd]
    subprocess.run(args, cwd=d, check=True, stdout=sys.stderr)
    results = {r["command"]: r for r in json.load(open(os.path.join(d, "times.json")))["results"]}
    median = {k: v["median"] for k, v in results.items()}
    print(f"{n} variants of the reference CV, medians:")
    for k, v in median.items():
        print(f"  {k:10s} {v * 1000:9.1f} ms")
    b = median["batch"]
    print(f"  separate processes / batch:        {median['separate'] / b:6.1f}x  (target: at least 5x)")
    print(f"  separate processes, 2 at a time:   {median['separate2'] / b:6.1f}x")
    if "typst" in median:
        print(f"  Typst 0.14, {n} compiles / batch:  {median['typst'] / b:6.1f}x  (target: at least 100x)")
    single = peak_rss_kb([vitae, "build", "cv.yaml", "-o", "single.pdf"], d)
    batch = peak_rss_kb([vitae, "build", "cv.yaml", "--all-variants"], d)
    print(f"peak RSS: one build {single} KB, {n} variants {batch} KB: {batch / single:.2f}x (target: at most 3x)")


if __name__ == "__main__":
    main()

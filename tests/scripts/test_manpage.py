#!/usr/bin/env python3
"""docs/vitae.1 is what scripts/gen_manpage.py makes from this vitae's help texts, and it is
valid roff.

Usage: test_manpage.py path/to/vitae   (run from the repository root)

Checks:
  1. regenerating the page gives docs/vitae.1 byte for byte (else: out of step with the
     program's help; `cmake --build build --target manpage` rewrites it);
  2. groff renders it with every warning on (-ww) and says nothing;
  3. the rendered page holds every command's help: each line of `vitae help COMMAND`,
     as words, in order.
"""
import re
import subprocess
import sys

sys.path.insert(0, "scripts")
import gen_manpage  # noqa: E402
from script_support import print_problems  # noqa: E402

PAGE = "docs/vitae.1"


def words(text):
    # groff writes \- as a minus sign and may hyphenate or space lines out differently.
    for fancy, plain in (("\u2212", "-"), ("\u2010", "-"), ("\u2019", "'"), ("\u2018", "`")):
        text = text.replace(fancy, plain)
    return re.sub(r"\s+", " ", text).strip()


def main():
    vitae = sys.argv[1]
    failures = []
    with open(PAGE, encoding="utf-8") as f:
        committed = f.read()
    if gen_manpage.manpage(vitae) != committed:
        failures.append(f"{PAGE} is out of step with the program's help: run "
                        "`cmake --build build --target manpage` and commit it")
    groff = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-rHY=0", "-rLL=200n", PAGE],
                           capture_output=True, text=True)
    if groff.returncode != 0 or groff.stderr:
        failures.append(f"groff -ww complains about {PAGE}: {groff.stderr.strip()}")
    rendered = words(re.sub(r".\x08", "", groff.stdout))
    general = gen_manpage.help_text(vitae, "help")
    for command in gen_manpage.commands(general):
        for line in gen_manpage.help_text(vitae, "help", command).splitlines():
            if line.strip() and words(line) not in rendered:
                failures.append(f"the page lacks this line of `vitae help {command}`: {line.strip()}")
    return print_problems(failures)


if __name__ == "__main__":
    sys.exit(main())

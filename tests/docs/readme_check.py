#!/usr/bin/python3
"""README.md starts with exactly two commands (a sh block right under the title), and CI runs each of them
as it is written (.ci/run): what a new user types first is what CI proves works on a fresh machine.
Usage: readme_check.py SOURCE_DIR"""
import os
import re
import sys

src = sys.argv[1]
readme = open(os.path.join(src, "README.md"), encoding="utf-8").read()
ci = [line.strip() for line in open(os.path.join(src, ".ci", "run"), encoding="utf-8")]
failures = []
m = re.match(r"# [^\n]+\n\n```sh\n(.*?)```", readme, re.S)
if not m:
    failures.append("README.md does not start with its title and a ```sh block of commands")
else:
    commands = [line.split("#", 1)[0].strip() for line in m.group(1).splitlines() if line.strip()]
    if len(commands) != 2:
        failures.append(f"README.md's first block has {len(commands)} commands, not two: {commands}")
    for command in commands:
        if command not in ci:
            failures.append(f"README.md's command '{command}' is not run by .ci/run")
for f in failures:
    print("FAIL " + f)
print(f"readme: {len(failures)} failures")
sys.exit(1 if failures else 0)

#!/usr/bin/env python3
"""Lists the longest functions of src/, for the house rule "nothing over 60 lines": each function's extent
from universal-ctags (its `line:` and `end:` fields — a C++ parser's reading, not brace matching), from
the line of its name to its closing brace. Lambdas are counted as part of the function they are in.
With --over N, exits 1 when any function is longer than N lines (ctest's style.function_lengths).
Usage: scripts/function_lengths.py [--over N] [--top N] [src]"""
import argparse
import subprocess
import sys


def functions(root):
    """(lines, file:line, name) of every function and method ctags finds below root."""
    out = subprocess.run(["ctags", "-R", "--languages=C++", "--kinds-C++=f", "--fields=+ne", "--extras=-{anonymous}",
                          "-f", "-", root], capture_output=True, text=True, check=True).stdout
    found = []
    for row in out.splitlines():
        cols = row.split("\t")
        fields = dict(c.split(":", 1) for c in cols[3:] if ":" in c)
        if "line" not in fields or "end" not in fields or cols[0].startswith("__anon"):
            continue
        start, end = int(fields["line"]), int(fields["end"])
        found.append((end - start + 1, f"{cols[1]}:{start}", cols[0]))
    return sorted(found, key=lambda f: (-f[0], f[1]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--over", type=int, default=0, help="list only functions longer than this; exit 1 if any")
    ap.add_argument("--top", type=int, default=0)
    ap.add_argument("root", nargs="?", default="src")
    a = ap.parse_args()
    found = functions(a.root)
    shown = [f for f in found if f[0] > a.over]
    for n, where, name in shown[: a.top] if a.top else shown:
        print(f"{n:5d}  {where}  {name}")
    lengths = sorted(f[0] for f in found)
    if lengths:
        print(f"{len(lengths)} functions, median {lengths[len(lengths) // 2]} lines, longest {lengths[-1]}, "
              f"over 60: {sum(1 for n in lengths if n > 60)}")
    return 1 if a.over and shown else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Lists the longest functions of src/ (lines from the opening line to the closing brace), for the house
rule "nothing over 60 lines". A brace-matching reading of the project's own layout (clang-format'd: a
function's body opens on its signature's last line), not a C++ parser.
Usage: scripts/function_lengths.py [--over N] [--top N] [src]"""
import argparse
import pathlib
import re

SIGNATURE = re.compile(r"^\s*[\w:<>,~*&\s\[\]]*?\b([\w:~]+)\s*\([^;]*\)\s*(const\s*)?(noexcept\s*)?(override\s*)?(->\s*[\w:<>]+\s*)?(:.*)?\{\s*$")
NOT_FUNCTIONS = {"if", "for", "while", "switch", "catch", "return", "namespace", "struct", "class", "do", "else"}


def strip(line):
    line = re.sub(r'"(\\.|[^"\\])*"', '""', line)
    line = re.sub(r"'(\\.|[^'\\])*'", "''", line)
    return line.split("//")[0]


def functions(path):
    lines = [strip(l) for l in path.read_text().splitlines()]
    i = 0
    while i < len(lines):
        m = SIGNATURE.match(lines[i])
        name = m.group(1).split("::")[-1] if m else None
        # a signature may span lines: join up to 3 previous lines that end without ; { }
        if m and name not in NOT_FUNCTIONS and "=" not in lines[i].split("(")[0] and "[" not in lines[i].split("(")[0]:
            depth, j = 0, i
            while j < len(lines):
                depth += lines[j].count("{") - lines[j].count("}")
                if depth == 0:
                    break
                j += 1
            start = i
            while start > 0 and lines[start - 1].strip() and not re.search(r"[;{}]\s*$", lines[start - 1]) \
                    and not lines[start - 1].strip().startswith(("#", "//", "template")):
                start -= 1
            yield m.group(1), start + 1, j - start + 1
            i = j + 1
            continue
        i += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--over", type=int, default=0)
    ap.add_argument("--top", type=int, default=0)
    ap.add_argument("root", nargs="?", default="src")
    a = ap.parse_args()
    found = []
    for p in sorted(pathlib.Path(a.root).rglob("*.[ch]pp")):
        for name, line, n in functions(p):
            found.append((n, f"{p}:{line}", name))
    found.sort(key=lambda f: (-f[0], f[1]))
    shown = [f for f in found if f[0] > a.over]
    if a.top:
        shown = shown[: a.top]
    for n, where, name in shown:
        print(f"{n:5d}  {where}  {name}")
    lengths = sorted(f[0] for f in found)
    if lengths:
        print(f"{len(lengths)} functions, median {lengths[len(lengths) // 2]} lines, longest {lengths[-1]}, "
              f"over 60: {sum(1 for n in lengths if n > 60)}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The folder include matrix of src/: for each stage folder (tiles/ by its rooms), the stages its files
include. A stage should include only the stages to its left in docs/architecture.md.
Usage: scripts/include_matrix.py [src]"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "src")


def folder(rel):
    parts = rel.parts
    if parts[0] == "tiles" and len(parts) > 2:
        return f"tiles/{parts[1]}"
    return parts[0]


uses = {}
for p in sorted(root.rglob("*.[ch]pp")):
    me = folder(p.relative_to(root))
    for inc in re.findall(r'#include "([^"]+)"', p.read_text()):
        other = folder(pathlib.PurePosixPath(inc))
        if other != me:
            uses.setdefault(me, set()).add(other)
        uses.setdefault(me, set())
for me in sorted(uses):
    print(f"{me:16s} -> {', '.join(sorted(uses[me])) or '(nothing)'}")

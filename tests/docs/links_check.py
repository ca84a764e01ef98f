#!/usr/bin/python3
"""Every relative link and image in the project's Markdown files points at a file that exists, and every
#anchor at a heading of its page (GitHub's slugs). Web addresses are left to the reader (no network here).
Usage: links_check.py SOURCE_DIR"""
import os
import re
import sys
from urllib.parse import unquote

src = sys.argv[1]
LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
failures = []


def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"`", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path):
    found, seen = set(), {}
    in_code = False
    for line in open(path, encoding="utf-8"):
        if line.startswith("```"):
            in_code = not in_code
        m = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if m and not in_code:
            s = slug(m.group(1))
            n = seen.get(s, 0)
            found.add(s if n == 0 else f"{s}-{n}")
            seen[s] = n + 1
    return found


SKIP = {".git", "node_modules", "output"}  # and build trees: any directory holding a CMakeCache.txt
pages = []
for root, dirs, files in os.walk(src):
    dirs[:] = sorted(d for d in dirs if d not in SKIP and not os.path.exists(os.path.join(root, d, "CMakeCache.txt")))
    pages += [os.path.relpath(os.path.join(root, f), src) for f in sorted(files) if f.endswith(".md")]
checked = 0
for page in pages:
    path = os.path.join(src, page)
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # links in code blocks are examples, not links
    for target in LINK.findall(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # https:, mailto:, pmtiles:
            continue
        checked += 1
        file_part, _, anchor = target.partition("#")
        dest = os.path.normpath(os.path.join(os.path.dirname(path), unquote(file_part))) if file_part else path
        if not os.path.exists(dest):
            failures.append(f"{page}: link to {target}: {os.path.relpath(dest, src)} does not exist")
        elif anchor and dest.endswith(".md") and anchor not in anchors(dest):
            failures.append(f"{page}: link to {target}: no heading #{anchor} in {os.path.relpath(dest, src)}")
for f in failures:
    print("FAIL " + f)
print(f"links: {len(pages)} pages, {checked} relative links, {len(failures)} broken")
sys.exit(1 if failures else 0)

#!/usr/bin/env bash
# The message catalogues against the renderer: every message the maps' sources mark (tr(...), N_, NC_),
# extracted by xgettext, is translated in every catalogue of styles/po (msgcmp), and each catalogue passes
# msgfmt --check (syntax, header, and each translation keeps the {fields} of its message).
set -euo pipefail
src=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
LC_ALL=C.UTF-8 xgettext --language=C++ --from-code=UTF-8 --keyword= --keyword=tr:1,1t --keyword=tr:1c,2,2t --keyword=N_ \
  --keyword=NC_:1c,2 -o "$work/kuril.pot" "$src"/src/maps/*.cpp "$src"/src/maps/*.hpp
count=$(grep -c '^msgid ' "$work/kuril.pot")
[ "$count" -ge 40 ] || { echo "only $count messages extracted from src/maps"; exit 1; }
for po in "$src"/styles/po/*.po; do
  msgfmt --check -o /dev/null "$po"
  msgcmp "$po" "$work/kuril.pot"
done
echo "ok: $count messages, each translated in $(ls "$src"/styles/po/*.po | wc -l) catalogues"

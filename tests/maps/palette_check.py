#!/usr/bin/env python3
"""One palette for every renderer: styles/palette.json is what the print maps draw with; the MapLibre style,
the viewer and the QGIS styles must use the same holder and line colours. Usage: palette_check.py SOURCE_DIR"""
import json, os, re, sys

src = sys.argv[1]
palette = json.load(open(os.path.join(src, "styles/palette.json")))
holders = {k: v.lower() for k, v in palette["holders"].items()}
fails, checks = [], 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        fails.append(what)
        print("FAIL:", what)


style = json.load(open(os.path.join(src, "styles/kuril.maplibre.json")))
check({k: v.lower() for k, v in style["metadata"]["kuril:colours"].items()} == holders,
      f"MapLibre style metadata kuril:colours {style['metadata']['kuril:colours']} != palette {holders}")
layers = {l["id"]: l for l in style["layers"]}
match = layers["holder"]["paint"]["fill-color"]
pairs = dict(zip(match[2:-1:2], (c.lower() for c in match[3:-1:2])))
check(pairs == holders, f"MapLibre holder fill-color {pairs} != palette {holders}")
for kind in ("de_jure", "de_facto", "claimed"):
    colour = layers["boundary-" + kind.replace("_", "-")]["paint"]["line-color"].lower()
    check(colour == palette["boundary"][kind].lower(), f"MapLibre boundary-{kind} {colour} != palette {palette['boundary'][kind]}")
check(layers["sea"]["paint"]["background-color"].lower() == palette["sea"].lower(), "MapLibre sea colour")

viewer = open(os.path.join(src, "web/viewer/viewer.js")).read()
m = re.search(r"const COLOURS = (\{[^}]*\})", viewer)
viewer_colours = dict(re.findall(r'"?([a-z;]+)"?:\s*"(#[0-9a-fA-F]{6})"', m.group(1))) if m else {}
check({k: v.lower() for k, v in viewer_colours.items()} == holders, f"viewer COLOURS {viewer_colours} != palette {holders}")


def rgb(hexcolour):
    return ",".join(str(int(hexcolour[i:i + 2], 16)) for i in (1, 3, 5))


for qml in ("views.qml", "snapshot.qml"):
    text = open(os.path.join(src, "styles", qml)).read()
    cats = dict(re.findall(r'<category render="true" symbol="(\d+)" value="([^"]*)"', text))
    symbols = re.findall(r'<symbol [^>]*name="(\d+)".*?name="color" type="QString" value="(\d+,\d+,\d+),\d+"', text, re.S)
    colour_of = dict(symbols)
    for sym, value in cats.items():
        if value in holders:
            check(colour_of.get(sym) == rgb(holders[value]), f"{qml}: {value} drawn {colour_of.get(sym)}, palette {rgb(holders[value])}")
print(f"{checks - len(fails)} passed, {len(fails)} failed")
sys.exit(1 if fails else 0)

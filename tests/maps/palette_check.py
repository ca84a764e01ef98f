#!/usr/bin/env python3
"""One palette for every renderer: styles/palette.json is what the print maps draw with; the MapLibre style,
the viewer and the QGIS styles must use the same holder and line colours. Usage: palette_check.py SOURCE_DIR"""
import json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tally import check, finish

src = sys.argv[1]
palette = json.load(open(os.path.join(src, "styles/palette.json")))
holders = {k: v.lower() for k, v in palette["holders"].items()}




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
# The palette in print: a greyscale copy keeps Japan and Russia apart (CIE L* at least 20 apart), and every
# pair of holder colours stays clearly apart (CIE76 ΔE at least 20) for readers with normal vision and under
# the simulations of protanopia, deuteranopia and tritanopia of Machado, Oliveira and Fernandes (2009,
# severity 1.0, applied to linear sRGB). No line kind drawn in a fill's colour (ΔE at least 10, normal vision).
import itertools, math
MACHADO_2009 = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


def lab(hexcolour, vision=None):
    lin = [(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
           for c in (int(hexcolour[i:i + 2], 16) / 255 for i in (1, 3, 5))]
    if vision:
        m = MACHADO_2009[vision]
        lin = [min(1.0, max(0.0, sum(m[i][j] * lin[j] for j in range(3)))) for i in range(3)]
    x = (0.4124564 * lin[0] + 0.3575761 * lin[1] + 0.1804375 * lin[2]) / 0.95047  # sRGB D65 -> XYZ -> Lab
    y = 0.2126729 * lin[0] + 0.7151522 * lin[1] + 0.0721750 * lin[2]
    z = (0.0193339 * lin[0] + 0.1191920 * lin[1] + 0.9503041 * lin[2]) / 1.08883
    f = [t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


l_japan, l_russia = lab(holders["japan"])[0], lab(holders["russia"])[0]
check(abs(l_japan - l_russia) >= 20, f"greyscale: Japan L* {l_japan:.1f} and Russia L* {l_russia:.1f} are less than 20 apart")
for vision in (None, "protanopia", "deuteranopia", "tritanopia"):
    for a, b in itertools.combinations(sorted(holders), 2):
        d = math.dist(lab(holders[a], vision), lab(holders[b], vision))
        check(d >= 20, f"{vision or 'normal vision'}: {a} {holders[a]} and {b} {holders[b]} only ΔE {d:.1f} apart")
fills = dict(holders, context_land=palette["context_land"].lower())
for kind, colour in palette["boundary"].items():
    for name, fill in fills.items():
        d = math.dist(lab(colour.lower()), lab(fill))
        check(d >= 10, f"line {kind} {colour} is drawn in the fill colour of {name} {fill} (ΔE {d:.1f})")
d = math.dist(lab(fills["context_land"]), lab(holders["undetermined"]))
check(d >= 12, f"the context land {fills['context_land']} and undetermined land {holders['undetermined']} only ΔE {d:.1f} apart")
finish()

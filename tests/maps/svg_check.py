#!/usr/bin/env python3
"""The SVG a cartographer finishes in Inkscape or Illustrator, read as those editors read it:
- well-formed XML whose top-level groups are the sheet's layers, in order, each with an id (Illustrator's
  layer name) and inkscape:groupmode="layer" with a label (Inkscape's);
- every word live text: no glyph outlines (<symbol>/<use> of Cairo's glyphs) left, each name of the
  map's labels.json a visible <text> in the Noto Sans / IPAGothic fonts, in the names or water names
  layer (water names italic), the title, legend and scale words in their own layers;
- every id unique and every url(#...) and href="#..." pointing at one;
- the live text where the PDF (drawn with the same vector metrics) writes it: rasterised by librsvg and by
  poppler at one resolution, each name's box holds about as much ink in both.
Usage: svg_check.py KURIL SOURCE_DIR TODAY"""
import json, os, re, subprocess, sys, tempfile
import xml.etree.ElementTree as ET
import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tally import check, finish

kuril, src, today = sys.argv[1:4]
work = tempfile.mkdtemp()
SVG, INK = "{http://www.w3.org/2000/svg}", "{http://www.inkscape.org/namespaces/inkscape}"
LAYERS = ["land", "boundaries", "islet-marks", "graticule", "inset", "names", "water-names", "title", "legend",
          "margin"]
DPI = 100


def kmap(name, *args):
    outs = [os.path.join(work, f"{name}.{ext}") for ext in ("pdf", "svg")]
    r = subprocess.run([kuril, "map", "-q", "--geodata", os.path.join(src, "geodata"), "--palette",
                        os.path.join(src, "styles/palette.json"), "--today", today, *args]
                       + [a for o in outs for a in ("-o", o)], capture_output=True, text=True)
    check(r.returncode == 0, f"{name}: kuril map exit {r.returncode}: {r.stderr[-300:]}")
    return outs[1]


def bare(words):
    return "".join(words.split())


def texts(element):
    """Each <text> under element, as (its words without spaces — a name in two lines is two tspans — and the
    element)."""
    return [(bare("".join(t.itertext())), t) for t in element.iter(SVG + "text")]


def check_layers(name, root):
    layers = [g for g in root if g.tag == SVG + "g"]
    check([g.get("id") for g in layers] == LAYERS, f"{name}: the layers {[g.get('id') for g in layers]}")
    for g in layers:
        check(g.get(INK + "groupmode") == "layer" and g.get(INK + "label"),
              f"{name}: layer {g.get('id')} is an Inkscape layer with a label")
    return {g.get("id"): g for g in layers}


def check_references(name, raw, root):
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    check(len(ids) == len(set(ids)), f"{name}: {len(ids) - len(set(ids))} ids used twice")
    refs = set(re.findall(r'url\(#([^)]+)\)', raw)) | set(re.findall(r'href="#([^"]+)"', raw))
    missing = refs - set(ids)
    check(not missing, f"{name}: references to no element: {sorted(missing)[:5]}")
    check(not any(True for _ in root.iter(SVG + "symbol")), f"{name}: glyph outlines (<symbol>) left")
    check("glyph" not in raw, f"{name}: Cairo's glyphs referenced")


def check_names(name, layers, labels):
    for layer_id, wanted in (("names", [l for l in labels if not l["id"].startswith("water/")]),
                             ("water-names", [l for l in labels if l["id"].startswith("water/")])):
        have = {words: t for words, t in texts(layers[layer_id])}
        for l in wanted:
            t = have.get(bare(l["text"]))
            check(t is not None, f"{name}: {l['id']} \"{l['text']}\" is text in the {layer_id} layer")
            if t is None:
                continue
            visible = t.get("fill") not in (None, "none") and t.get("fill-opacity") in (None, "1") \
                and t.get("opacity") in (None, "1")
            check(visible, f"{name}: {l['id']} is drawn visible (fill {t.get('fill')})")
            check("Noto Sans" in (t.get("font-family") or "") and "IPAGothic" in t.get("font-family"),
                  f"{name}: {l['id']} names its fonts ({t.get('font-family')})")
            check((t.get("font-style") == "italic") == (layer_id == "water-names"),
                  f"{name}: {l['id']} italic as water names are, and only they")


def window(img, box):
    k = DPI / 72
    x0, y0, x1, y1 = (int(round(v * k)) for v in box)
    return img[max(y0, 0):y1, max(x0, 0):x1].astype(int)


def ink(img, box, background):
    """The text's ink in a box (each pixel's departure from the box's commonest shade in the PDF's raster):
    its sum and its centre in pixels."""
    w = np.abs(window(img, box) - background).astype(float)
    total = w.sum()
    if total == 0:
        return 0, (0, 0)
    ys, xs = np.indices(w.shape)
    return total, ((xs * w).sum() / total, (ys * w).sum() / total)


def check_raster(name, svg, labels):
    base = svg[:-4]
    subprocess.run(["rsvg-convert", "-d", str(DPI), "-p", str(DPI), "-b", "white", svg, "-o", base + "-svg.png"], check=True)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", base + ".pdf", base + "-pdf"], check=True)
    a = np.asarray(Image.open(base + "-pdf.png").convert("L"))
    b = np.asarray(Image.open(base + "-svg.png").convert("L"))
    check(a.shape == b.shape, f"{name}: the SVG rasterised to {b.shape}, the PDF to {a.shape}")
    far = []
    for l in labels:
        pdf_window = window(a, l["box"])
        if pdf_window.size == 0:
            continue
        background = np.bincount(pdf_window.ravel()).argmax()
        (want, at), (got, got_at) = ink(a, l["box"], background), ink(b, l["box"], background)
        dx, dy = abs(at[0] - got_at[0]), abs(at[1] - got_at[1])
        # librsvg sets a line up to 4 % wider than Pango measured it for the PDF (its own hinting): the
        # centre moves by half that along the line (a turned name's box is its outline's bounds).
        h, w = pdf_window.shape
        if want > 0 and not (0.7 * want <= got <= 1.4 * want and dx <= 1.5 + 0.02 * w and dy <= 1.5 + 0.02 * h):
            far.append(f"{l['id']} ink {got / want:.2f}, moved {dx:.1f}, {dy:.1f} px")
    check(not far, f"{name}: {len(far)} names where the PDF has them not (the ink in their box, SVG against PDF): {far[:5]}")


def check_sheet(name, words):
    """words: layer id -> text that layer must hold (title, legend, margin)."""
    svg = os.path.join(work, f"{name}.svg")
    if not os.path.exists(svg):
        return
    raw = open(svg, encoding="utf-8").read()
    try:
        root = ET.fromstring(raw.encode("utf-8"))
    except ET.ParseError as e:
        check(False, f"{name}: not well-formed XML: {e}")
        return
    layers = check_layers(name, root)
    check_references(name, raw, root)
    labels = json.load(open(svg[:-4] + ".labels.json", encoding="utf-8"))["labels"]
    if "names" in layers and "water-names" in layers:
        check_names(name, layers, labels)
    for layer_id, word in words.items():
        found = [w for w, _ in texts(layers[layer_id])] if layer_id in layers else []
        check(any(bare(word) in w for w in found), f"{name}: \"{word}\" is text in the {layer_id} layer ({found[:3]})")
    check_raster(name, svg, labels)


def check_columns(name, japanese):
    """A Japanese map sets its north-south straits (Nemuro, Catherine) in columns: upright (angle 90, a tall
    outline) and as SVG vertical text; other languages turn them along the strait."""
    svg = os.path.join(work, f"{name}.svg")
    if not os.path.exists(svg):
        return
    labels = {l["id"]: l for l in json.load(open(svg[:-4] + ".labels.json", encoding="utf-8"))["labels"]}
    root = ET.parse(svg).getroot()
    columns = {bare("".join(t.itertext())) for t in root.iter(SVG + "text") if t.get("writing-mode") == "tb"}
    for strait in ("water/nemuro_strait", "water/catherine_strait"):
        l = labels.get(strait)
        check(l is not None, f"{name}: {strait} placed")
        if l is None:
            continue
        x0, y0, x1, y1 = l["box"]
        upright = l.get("angle") == 90 and y1 - y0 > x1 - x0
        check(upright == japanese, f"{name}: {strait} {'in a column' if japanese else 'turned, not in a column'} "
                                   f"(angle {l.get('angle')}, box {l['box']})")
        check((bare(l["text"]) in columns) == japanese, f"{name}: {strait} as SVG vertical text only on a Japanese map")


kmap("chain-en", "--date", "1950-01-01")
check_sheet("chain-en", {"title": "1 January 1950", "legend": "Legend", "margin": "km"})
kmap("south-ja", "--date", today, "--view", "japan", "--extent", "south", "--lang", "ja")
check_sheet("south-ja", {"legend": "凡例", "margin": "km"})
check_columns("south-ja", True)
kmap("south-en", "--date", today, "--extent", "south")
check_columns("south-en", False)
kmap("sakhalin-ru", "--date", "1910-01-01", "--extent", "sakhalin", "--lang", "ru")
check_sheet("sakhalin-ru", {"title": "1 января 1910 г.", "margin": "км"})
finish()

#!/usr/bin/env python3
"""Print maps, checked as a reader of the map would: colours read at island points through the PNG's own
georeferencing (world file + .aux.xml, read by GDAL), names found by pdftotext, bad arguments refused with
nothing written, and byte-identical files from the same inputs.
Usage: maps_check.py KURIL SOURCE_DIR BUILD_OUTPUT TODAY"""
import json, os, re, struct, subprocess, sys, tempfile, zlib
from osgeo import gdal, osr
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tally import check, finish

kuril, src, built, today = sys.argv[1:5]
palette = json.load(open(os.path.join(src, "styles/palette.json")))
rgb = {k: tuple(int(v[i:i + 2], 16) for i in (1, 3, 5)) for k, v in palette["holders"].items()}
work = tempfile.mkdtemp()




def kmap(*args, out=None, outs=()):
    """kuril map with one output, or several (-o repeated: the same map in each format, one reading)."""
    files = ([out] if out else []) + list(outs)
    cmd = [kuril, "map", "-q", "--geodata", os.path.join(src, "geodata"), "--palette",
           os.path.join(src, "styles/palette.json"), "--today", today, *args] + [a for f in files for a in ("-o", f)]
    return subprocess.run(cmd, capture_output=True, text=True)


def window_at(png, lon, lat, half=12):
    """The RGB bands of the (2 half + 1)² pixels round (lon, lat), through the PNG's own georeferencing."""
    ds = gdal.Open(png)
    srs = osr.SpatialReference(wkt=ds.GetProjection())
    wgs = osr.SpatialReference(); wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER); srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    x, y, _ = osr.CoordinateTransformation(wgs, srs).TransformPoint(lon, lat)
    gt = ds.GetGeoTransform()
    col, row = int((x - gt[0]) / gt[1]), int((y - gt[3]) / gt[5])
    return [ds.GetRasterBand(i + 1).ReadAsArray(col - half, row - half, 2 * half + 1, 2 * half + 1) for i in range(3)]


def count_colour(bands, c):
    return int(((bands[0] == c[0]) & (bands[1] == c[1]) & (bands[2] == c[2])).sum())


def colours_at(png, lon, lat, half=12):
    bands = window_at(png, lon, lat, half)
    return {k: count_colour(bands, c) for k, c in rgb.items()}


def holder_is(png, lon, lat, holder, what):
    c = colours_at(png, lon, lat)
    others = sum(v for k, v in c.items() if k != holder)
    check(c[holder] >= 40 and others == 0, f"{what}: {holder} expected at ({lon}, {lat}), found {c}")


# Holders through the PNG's georeferencing, one extent per question.
urup = "149.3,45.4,150.8,46.4"
# date, view, extent, lon, lat, holder, what, language of the names
cases = [("1860-01-01", "neutral", urup, 150.0089, 45.9392, "russia", "Urup 1860", "en"),
         ("1880-01-01", "neutral", urup, 150.0089, 45.9392, "japan", "Urup 1880", "en"),
         ("1910-01-01", "neutral", "sakhalin", 142.35, 47.35, "japan", "south Sakhalin 1910", "ja"),
         ("1910-01-01", "neutral", "sakhalin", 143.0, 51.0, "russia", "north Sakhalin 1910", "en"),
         ("1905-08-15", "neutral", "sakhalin", 143.0, 51.0, "japan", "north Sakhalin 1905-08-15 (Japanese occupation)", "en"),
         (today, "japan", "south", 147.8334, 45.1154, "japan", "Iturup today, Japan's view", "ja"),
         (today, "russia", "south", 147.8334, 45.1154, "russia", "Iturup today, Russia's view", "ru"),
         (today, "japan", "south", 146.6892, 43.7855, "japan", "Shikotan today, Japan's view", "en"),
         (today, "russia", "south", 146.6892, 43.7855, "russia", "Shikotan today, Russia's view", "en"),
         ("1921-06-01", "neutral", "sakhalin", 142.93, 53.57, "japan", "Okha 1921 (Japanese occupation)", "en")]
vector_cases = {0, 1, 5, 6}  # also drawn as PDF and SVG, rasterised below
for i, (date, view, extent, lon, lat, holder, what, lang) in enumerate(cases):
    png = os.path.join(work, f"case{i}.png")
    more = [png[:-4] + ".svg"] if i in vector_cases else []
    r = kmap("--date", date, "--view", view, "--extent", extent, "--lang", lang, "--dpi", "100",
             outs=[png, png[:-4] + ".pdf"] + more)
    check(r.returncode == 0, f"{what}: kuril map exit {r.returncode}: {r.stderr}")
    check(os.path.exists(png[:-4] + ".pgw") and os.path.exists(png + ".aux.xml"), f"{what}: world file and .aux.xml")
    if r.returncode == 0:
        holder_is(png, lon, lat, holder, what)

# Every word in the map's language (styles/po): the title's date in its language's form, the legend, the
# point of view and the margin; names in the map's own script alone (no Cyrillic on a Japanese map, no kanji
# on a Russian one); no English sentence of the sheet left.
english = ("Legend", "Point of view", "Projection:", "who held the land", "The records in force")
for i, (date, view, extent, lon, lat, holder, what, lang) in enumerate(cases):
    if lang == "en":
        continue
    text = subprocess.run(["pdftotext", os.path.join(work, f"case{i}.pdf"), "-"], capture_output=True, text=True).stdout
    y, m, d = (int(v) for v in date.split("-"))
    months_ru = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                 "ноября", "декабря"]
    words = {"ja": [f"{y}年{m}月{d}日", "凡例", "視点：", "図法："],
             "ru": [f"{d} {months_ru[m - 1]} {y} г.", "Условные обозначения", "Точка зрения:", "Проекция:"]}[lang]
    for w in words:
        check(w in text, f"{what} (--lang {lang}): {w!r} on the sheet")
    for w in english:
        check(w not in text, f"{what} (--lang {lang}): the English {w!r} left on the sheet")
    other_script = re.compile("[\u0400-\u04ff]" if lang == "ja" else "[\u4e00-\u9fff\u3040-\u30ff]")
    # The cited works keep their titles as published (lines in Latin letters); the names are the rest.
    names = "\n".join(l for l in text.splitlines() if not re.search("[A-Za-z]", l))
    check(not other_script.search(names), f"{what} (--lang {lang}): a name in a third script: {other_script.findall(names)[:5]}")

# Every island shows its holder's colour: the smallest (under 1 km², smaller than a pixel at 1 : 6 500 000)
# get a mark of 1 mm in it, over the lines, and no label covers it. Today's chain map at 200 dpi (a mark is
# 8 pixels across), through its georeferencing.
chain_png = os.path.join(work, "chain-today.png")
r = kmap("--date", today, "--dpi", "200", out=chain_png)
chain_ok = r.returncode == 0
check(r.returncode == 0, f"the chain map of today: exit {r.returncode}: {r.stderr}")
islands = json.load(open(os.path.join(built, "geojson", "islands.geojson")))
tiny = [f for f in islands["features"] if f["properties"]["area_km2"] < 1]
check(len(tiny) >= 3, f"{len(tiny)} islands under 1 km2 in the record")
for f in tiny:
    ring = f["geometry"]["coordinates"][0][0] if f["geometry"]["type"] == "MultiPolygon" else f["geometry"]["coordinates"][0]
    lon, lat = sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    seen = colours_at(chain_png, lon, lat, half=6)[f["properties"]["pov_neutral"]] if r.returncode == 0 else 0
    check(seen >= 8, f"{f['properties']['name_en']} ({f['properties']['area_km2']} km2): {seen} pixels of its holder's colour round it")

# The page fitted to the extent: A4 turned to portrait for Sakhalin (tall and narrow), landscape for the chain;
# a paper given as WxHmm kept as given.
def page_size(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    m = re.search(r"Page size:\s+([0-9.]+) x ([0-9.]+) pts", info)
    return (float(m.group(1)), float(m.group(2))) if m else (0, 0)
for i, case in enumerate(cases):
    w, h = page_size(os.path.join(work, f"case{i}.pdf"))
    if case[2] == "sakhalin":
        check(h > w, f"{case[6]}: Sakhalin on a {w:.0f} x {h:.0f} pt page, expected portrait")
    elif case[2] == urup:
        check(w > h, f"{case[6]}: Urup on a {w:.0f} x {h:.0f} pt page, expected landscape")
given = os.path.join(work, "given.pdf")
r = kmap("--date", "1910-01-01", "--extent", "sakhalin", "--paper", "297x210mm", out=given)
check(r.returncode == 0 and page_size(given)[0] > page_size(given)[1], f"--paper 297x210mm kept landscape: {page_size(given)}")

# kuril map writes its label boxes beside each map (one file for the formats of one name): each label's id,
# text, box in sheet points inside the sheet, and anchor in longitude/latitude where the named thing is.
for i, case in enumerate(cases):
    f = os.path.join(work, f"case{i}.labels.json")
    check(os.path.exists(f), f"{case[6]}: {f} written beside the map")
    if not os.path.exists(f):
        continue
    doc = json.load(open(f))
    w, h = doc["sheet_pt"]
    for l in doc["labels"]:
        x0, y0, x1, y1 = l["box"]
        check(0 <= x0 < x1 <= w and 0 <= y0 < y1 <= h, f"case{i}.labels.json: {l['id']} box {l['box']} outside the sheet {w} x {h}")
    anchors = {l["id"]: l["anchor"] for l in doc["labels"]}
    texts = {l["id"]: l["text"] for l in doc["labels"]}
    if case[0] == "1910-01-01" and case[2] == "sakhalin":  # the 50th parallel labelled with what it is and its years
        line = texts.get("line/portsmouth_1905_50n", "")
        check("1905" in line and "1945" in line, f"case{i}.labels.json: the 50th parallel line's label is {line!r}")
        check(abs(anchors.get("line/portsmouth_1905_50n", (0, 0))[1] - 50) < 0.01, f"case{i}.labels.json: its anchor is on 50° N")
    if case[2] == "south":
        lon, lat = anchors.get("island/iturup", (0, 0))
        check(146.5 < lon < 148.9 and 44.3 < lat < 45.6, f"case{i}.labels.json: Iturup's anchor {(lon, lat)} is not on Iturup")
        water = [a for k, a in anchors.items() if k.startswith("water/")]
        check(len(water) > 0 and all(135 < a[0] < 160 and 40 < a[1] < 55 for a in water), f"case{i}.labels.json: water anchors {water}")

# Files a cartographer can finish: the PNG carries its resolution (PNG 1.2 pHYs, pixels per metre), so layout
# software places it at its printed size; the PDF its document information.
def png_phys(path):
    data = open(path, "rb").read()
    at = 8
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        if kind == b"pHYs":
            x, y, unit = struct.unpack(">IIB", data[at + 8:at + 17])
            crc_ok = zlib.crc32(data[at + 4:at + 8 + length]) == struct.unpack(">I", data[at + 8 + length:at + 12 + length])[0]
            return x, y, unit, crc_ok
        at += 12 + length
    return None


phys = png_phys(os.path.join(work, "case0.png"))
check(phys is not None and phys[2] == 1 and phys[3] and abs(phys[0] / 39.3701 - 100) < 0.05 and phys[0] == phys[1],
      f"case0.png (--dpi 100): pHYs {phys}, expected 3937 pixels per metre both ways, unit metre, a valid CRC")
info = subprocess.run(["pdfinfo", os.path.join(work, "case0.pdf")], capture_output=True, text=True).stdout
for field, expected in (("Title", "Kuril Atlas, 1860-01-01"), ("Subject", "1860-01-01: neutral point of view"),
                        ("Author", "Kuril Atlas"), ("Keywords", "Kuril Islands")):
    line = next((l for l in info.splitlines() if l.startswith(field + ":")), "")
    check(expected in line, f"case0.pdf: pdfinfo {field!r} is {line!r}, expected to hold {expected!r}")

# The press variant (--pdfx): PDF/X-1a (its version keys and output intent), every colour CMYK (no RGB colour
# space left), the same bytes twice; --pdfx without a PDF output refused.
press = [os.path.join(work, f"press{i}.pdf") for i in (1, 2)]
for p in press:
    r = kmap("--date", "1910-01-01", "--pdfx", outs=[p])
    check(r.returncode == 0, f"kuril map --pdfx: exit {r.returncode}: {r.stderr}")
if all(os.path.exists(p) for p in press):
    raw = open(press[0], "rb").read()
    check(re.search(rb"/GTS_PDFXVersion ?\(PDF/X-1:2001\)", raw) and re.search(rb"/GTS_PDFXConformance ?\(PDF/X-1a:2001\)", raw)
          and b"/OutputIntents" in raw and re.search(rb"/S ?/GTS_PDFX", raw) and b"/TrimBox" in raw,
          "the press file declares PDF/X-1a:2001, its output intent and its trim box")
    # PDF/X-1a (ISO 15930-1): PDF 1.3, so no transparency; poppler reads the subtype.
    info = subprocess.run(["pdfinfo", press[0]], capture_output=True, text=True).stdout
    check("PDF version:     1.3" in info and "PDF/X-1:2001" in info and "ISO 15930-1" in info,
          f"pdfinfo reads a PDF 1.3 file of ISO 15930-1 (PDF/X-1): {info[-400:]}")
    check(not re.search(rb"/(SMask|ICCBased|DeviceRGB|CalRGB|Lab)\b", raw), "no soft mask, ICC-based, RGB or Lab colour in the press file")
    check(b"/DeviceRGB" not in raw and b"/CalRGB" not in raw, "the press file has no RGB colour space left")
    check(raw == open(press[1], "rb").read(), "the press file: same inputs, same bytes")
    check(not any(f.endswith(".rgb.pdf") or f.endswith(".pdfx.ps") for f in os.listdir(work)), "no intermediate file left")
r = kmap("--date", "1910-01-01", "--pdfx", outs=[os.path.join(work, "press.png")])
check(r.returncode == 2 and "--pdfx" in r.stderr, f"--pdfx without a .pdf output: exit {r.returncode}, {r.stderr.strip()}")

# The land around the chain: the mainland across the Tatar Strait in the context grey, on the Sakhalin map.
grey = tuple(int(palette["context_land"][i:i + 2], 16) for i in (1, 3, 5))
def grey_at(png, lon, lat):
    return count_colour(window_at(png, lon, lat), grey)
okha = os.path.join(work, f"case{len(cases) - 1}.png")
check(grey_at(okha, 140.0, 49.5) >= 400, f"the mainland (140.0, 49.5) in the context grey on the Sakhalin map: {grey_at(okha, 140.0, 49.5)}")
check(grey_at(okha, 141.3, 47.5) == 0, f"the Tatar Strait (141.3, 47.5) not grey: {grey_at(okha, 141.3, 47.5)}")

# State names where they help: each state named once, in spaced capitals in the map's language, inside the
# land it held in law that day (its label's box on its holder's colour, no sea in it); none on land held under
# occupation or claimed by the other party, none on the land around the record.
sea_rgb = tuple(int(palette["sea"][i:i + 2], 16) for i in (1, 3, 5))
def states_of(labels_json):
    return {l["id"]: l for l in json.load(open(labels_json))["labels"] if l["id"].startswith("state/")}
def box_colours(png, box, dpi=100):
    ds = gdal.Open(png)
    x0, y0, x1, y1 = [int(round(v * dpi / 72)) for v in box]
    bands = [ds.GetRasterBand(i + 1).ReadAsArray(x0, y0, x1 - x0, y1 - y0) for i in range(3)]
    return bands[0].size, {k: count_colour(bands, c) for k, c in rgb.items()}, count_colour(bands, sea_rgb)
for i, expected in [(2, {"state/japan": "大日本帝国", "state/russia": "ロシア帝国"}),
                    (3, {"state/japan": "EMPIRE OF JAPAN", "state/russia": "RUSSIAN EMPIRE"})]:
    png = os.path.join(work, f"case{i}.png")
    states = states_of(png[:-4] + ".labels.json")
    check({k: l["text"] for k, l in states.items()} == expected, f"{cases[i][6]}: state names {expected}, found {[(k, l['text']) for k, l in states.items()]}")
    for key, l in states.items():
        n, held, sea = box_colours(png, l["box"])
        holder = key.split("/")[1]
        check(held[holder] >= 0.2 * n and sea == 0 and all(v == 0 for k, v in held.items() if k != holder),
              f"{cases[i][6]}: {l['text']} lies on {holder}'s land: {held} of {n} pixels, sea {sea}")
# The Sakhalin map names the strait its subtitle names: the Tatar Strait, between Sakhalin and the mainland.
for i in (2, 3):
    ids = {l["id"] for l in json.load(open(os.path.join(work, f"case{i}.labels.json")))["labels"]}
    check("water/tatar_strait" in ids, f"{cases[i][6]} ({cases[i][7]}): the Tatar Strait named")
occupied = states_of(os.path.join(work, "case4.labels.json"))  # 1905-08-15: Sakhalin under Japanese occupation
check(all(not (141.5 < l["anchor"][0] < 145 and 45.8 < l["anchor"][1] < 54.5) for l in occupied.values()),
      f"no state named on occupied Sakhalin on 1905-08-15: {[(l['text'], l['anchor']) for l in occupied.values()]}")
south_today = os.path.join(work, "south-today.png")
kmap("--date", today, "--extent", "south", "--dpi", "50", out=south_today)
check("state/russia" not in states_of(south_today[:-4] + ".labels.json"),
      "today's neutral map of the south names no state on the four islands (held by Russia, claimed by Japan)")
for name, expected in [("kuril-1855-02-07-neutral", {"TOKUGAWA SHOGUNATE"}), ("kuril-1956-12-12-neutral", {"JAPAN", "SOVIET UNION"})]:
    found = {l["text"] for l in states_of(os.path.join(built, "maps", name + ".labels.json")).values()}
    check(found == expected, f"{name}: the states named {expected}, found {found}")

# Settlements by rank on the map's day (geodata/place_seats.csv): the Karafuto Agency's seat lettered larger
# than an ordinary town, at Ōdomari in 1907 and at Toyohara from 1908; the legend names the ranks drawn.
for date, seat, town in [("1907-06-01", "odomari", "toyohara"), ("1910-01-01", "toyohara", "odomari")]:
    pdf = os.path.join(work, f"ranks-{date}.pdf")
    r = kmap("--date", date, "--extent", "sakhalin", out=pdf)
    boxes = {l["id"]: l["box"] for l in json.load(open(pdf[:-4] + ".labels.json"))["labels"]}
    height = lambda key: boxes[key][3] - boxes[key][1] if key in boxes else 0
    check(height("place/" + seat) > 1.15 * height("place/" + town) > 0,
          f"{date}: the seat {seat} lettered larger than {town}: {height('place/' + seat):.1f} / {height('place/' + town):.1f} pt")
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    check("Seat of an oblast, agency or prefecture" in " ".join(text.split()) and "Other settlement" in text,
          f"{date}: the legend names the settlements' ranks")

# A locator map where the sheet has room: the western Pacific (105-180 E, 12-66 N, GSHHG low) in the context
# grey on the sea, in its own Lambert conic fitted to that region, framed by the region's bounding box, and
# the sheet's extent marked in the text colour. Read on today's chain map at 200 dpi through the box that
# chain-today.labels.json gives for the locator.
def locator_window(png, box, lon, lat, half=3):
    w, s, e, n = 105.0, 12.0, 180.0, 66.0
    lcc = osr.SpatialReference()
    lcc.ImportFromProj4(f"+proj=lcc +lat_1={s + (n - s) / 6:.2f} +lat_2={n - (n - s) / 6:.2f} +lat_0={(s + n) / 2:.2f} "
                        f"+lon_0={(w + e) / 2:.2f} +datum=WGS84 +units=m +no_defs")
    wgs = osr.SpatialReference(); wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER); lcc.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to = osr.CoordinateTransformation(wgs, lcc)
    edge = [to.TransformPoint(w + (e - w) * t / 64, la)[:2] for t in range(65) for la in (s, n)]
    edge += [to.TransformPoint(lo, s + (n - s) * t / 64)[:2] for t in range(65) for lo in (w, e)]
    minx, miny = min(p[0] for p in edge), min(p[1] for p in edge)
    scale = (box[2] - box[0]) / (max(p[0] for p in edge) - minx)
    x, y = to.TransformPoint(lon, lat)[:2]
    col, row = [int(round(v * 200 / 72)) for v in (box[0] + (x - minx) * scale, box[3] - (y - miny) * scale)]
    ds = gdal.Open(png)
    return [ds.GetRasterBand(i + 1).ReadAsArray(col - half, row - half, 2 * half + 1, 2 * half + 1) for i in range(3)]
frames = json.load(open(chain_png[:-4] + ".labels.json")).get("frames", {})
loc = frames.get("locator")
check(loc is not None, f"today's chain map has a locator map: frames {frames}")
if loc is not None and chain_ok:
    colour = lambda key: tuple(int(palette[key][i:i + 2], 16) for i in (1, 3, 5))
    doc = json.load(open(chain_png[:-4] + ".labels.json"))
    in_margin = loc[0] > frames["map"][2]
    in_map = frames["map"][0] < loc[0] and loc[2] < frames["map"][2] and frames["map"][1] < loc[1] and loc[3] < frames["map"][3]
    covered = [l["id"] for l in doc["labels"] if l["box"][0] < loc[2] and loc[0] < l["box"][2] and l["box"][1] < loc[3] and loc[1] < l["box"][3]]
    check((in_margin or in_map) and 0 < loc[1] and loc[3] < doc["sheet_pt"][1] and not covered,
          f"the locator {loc} lies in the margin or inside the map {frames['map']}, on the page, over no label: {covered}")
    manchuria = count_colour(locator_window(chain_png, loc, 127.0, 47.0), grey)
    pacific = count_colour(locator_window(chain_png, loc, 165.0, 30.0), colour("sea"))
    check(manchuria >= 40 and pacific >= 40, f"the locator: Manchuria (127 E, 47 N) grey ({manchuria}/49), the Pacific (165 E, 30 N) sea ({pacific}/49)")
    west = count_colour(locator_window(chain_png, loc, 141.0, 46.4, 2), colour("text"))
    inside = count_colour(locator_window(chain_png, loc, 147.0, 49.0, 2), colour("text"))
    check(west >= 5 and inside == 0, f"the locator marks the chain's extent: its west edge (141 E) {west} dark pixels, 147 E 49 N inside {inside}")
for f in sorted(f for f in os.listdir(os.path.join(built, "maps")) if f.endswith(".labels.json")):
    check("locator" in json.load(open(os.path.join(built, "maps", f))).get("frames", {}), f"{f}: the build's map has a locator")
    ids = {l["id"] for l in json.load(open(os.path.join(built, "maps", f)))["labels"]}
    check("group/kurils" in ids, f"{f}: the Kuril Islands named as a group")
    check("group/habomai" in ids, f"{f}: the Habomai islets named as a group (in the inset)")
    # Every name of the build's maps finds a place: a line's long name in two lines, or three (Japan's claimed
    # line of 1945 in the First Kuril Strait).
    check(json.load(open(os.path.join(built, "maps", f)))["unplaced"] == 0, f"{f}: every name placed")
    # Signalny, 2 mm from the Nemuro line in the inset: named with its Japanese name stacked under its own.
    check("island/signalny" in ids or "1956" not in f and "today" not in f, f"{f}: Signalny (Kaigara) named")

# The vector maps rasterised by other readers: the PDF by poppler (pdftoppm), the SVG by librsvg
# (rsvg-convert) and by Debian's chromium (tests/js/svg_raster.mjs, playwright-core), each given the PNG's
# georeferencing (same sheet, same resolution), then read like the PNG.
import shutil
svgs = [os.path.join(work, f"case{i}.svg") for i in sorted(vector_cases)]
r = subprocess.run(["node", os.path.join(src, "tests/js/svg_raster.mjs"), "100", *svgs], capture_output=True, text=True,
                   cwd=os.path.join(src, "tests/js"))
check(r.returncode == 0, f"chromium rasterised the SVG maps: {r.stderr[-300:]}")
for i in sorted(vector_cases):
    date, view, extent, lon, lat, holder, what, lang = cases[i]
    base = os.path.join(work, f"case{i}")
    check(all(os.path.exists(base + ext) for ext in (".png", ".pdf", ".svg")), f"{what}: png/pdf/svg rendered")
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", base + ".pdf", base + "-pdf"], check=True)
    subprocess.run(["rsvg-convert", "-d", "100", "-p", "100", "-b", "white", base + ".svg", "-o", base + "-svg.png"],
                   check=True)
    ref = gdal.Open(base + ".png")
    for kind in ("pdf", "svg", "chromium"):
        raster = f"{base}-{kind}.png"
        ds = gdal.Open(raster) if os.path.exists(raster) else None
        size_ok = ds is not None and abs(ds.RasterXSize - ref.RasterXSize) <= (1 if kind == "chromium" else 0) \
            and abs(ds.RasterYSize - ref.RasterYSize) <= (1 if kind == "chromium" else 0)  # CSS pixels round
        check(size_ok,
              f"{what}: the {kind} rasterised to {ds and (ds.RasterXSize, ds.RasterYSize)}, the PNG is "
              f"{(ref.RasterXSize, ref.RasterYSize)}")
        ds = None
        shutil.copy(base + ".pgw", f"{base}-{kind}.pgw")
        shutil.copy(base + ".png.aux.xml", f"{raster}.aux.xml")
        holder_is(raster, lon, lat, holder, f"{what} ({kind.upper()} rasterised)")

# Names as text in the PDFs of the cases (kanji, Cyrillic and Latin), and in the Japanese SVG (Cairo draws
# glyph outlines; the names are laid over them as text).
def pdf_text(i):
    path = os.path.join(work, f"case{i}.pdf")
    return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout if os.path.exists(path) else ""
for i, names in [(2, ["樺太", "豊原"]), (5, ["択捉島", "国後島"]), (6, ["Итуруп", "Кунашир"]), (7, ["Iturup", "Kunashir"])]:
    text = pdf_text(i)
    for n in names:
        check(n in text, f"pdftotext finds {n} in the {cases[i][7]} map of case {i}")
svg_ja = os.path.join(work, "case5.svg")
svg_text = open(svg_ja, encoding="utf-8").read() if os.path.exists(svg_ja) else ""
for n in ("択捉島", "国後島"):
    check(f">{n}<" in svg_text, f"the Japanese SVG has {n} as text")

# The margin as a reader reads it: holders named as on that day (the Russian Empire in 1860, not the Soviet
# Union), a subtitle that names what the extent shows, a scale ratio, and the projection in words (no PROJ
# string).
text0 = pdf_text(0)
check("Russian Empire" in text0 and "Soviet Union" not in text0, "the 1860 map's legend names the Russian Empire, not the Soviet Union")
check("Russian Federation" in pdf_text(6), "today's map (Russia's view) names the Russian Federation")
check("1 : " in text0 and "true at" in text0, "the scale bar gives its ratio (1 : N) and where it is true")
check("+proj" not in text0 and "Lambert conformal conic" in text0, "the projection is named in words, no PROJ string")
check("Sakhalin and the Tatar Strait: who held the land" in pdf_text(2) or "Sakhalin and the Tatar Strait" in pdf_text(3),
      "the Sakhalin map's subtitle names Sakhalin")
check("The southern Kuril Islands" in pdf_text(7), "the map of the south names the southern Kuril Islands")
check("eastern Hokkaido" in pdf_text(7), "today's map of the south names eastern Hokkaido")
# The subtitle in the names of the day: Ezo before 1869, in each language.
for lang, word, today_word in [("en", "eastern Ezo", "eastern Hokkaido"), ("ja", "蝦夷地東部", "北海道東部"),
                               ("ru", "восточная часть Иессо", "Хоккайдо:")]:
    pdf = os.path.join(work, f"south-1855-{lang}.pdf")
    kmap("--date", "1855-03-01", "--extent", "south", "--lang", lang, out=pdf)
    text = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout.split())
    check(word in text and today_word not in text, f"the 1855 map of the south ({lang}) says {word} in its subtitle")
# No line called a treaty boundary that no treaty set: a line both parties hold in law is a treaty boundary;
# one that a single view holds so (Russia's La Pérouse and Nemuro lines, Japan's claimed lines) is named as
# that party's alone, drawn in long dashes.
def built_text(name):
    return subprocess.run(["pdftotext", os.path.join(built, "maps", name), "-"], capture_output=True, text=True).stdout
legend_1875, legend_ru, legend_ja = (" ".join(built_text(n).split()) for n in
                                     ("kuril-1875-08-22-neutral.pdf", "kuril-today-russia.pdf", "kuril-today-japan.pdf"))
check("Treaty boundary" in legend_1875 and "alone" not in legend_1875, "1875: the St Petersburg lines are treaty boundaries")
check("Treaty boundary" not in legend_ru and "Boundary in law for Russia alone, set by no treaty" in legend_ru,
      "today in Russia's view: the La Pérouse and Nemuro lines are Russia's alone, not treaty boundaries")
check("Treaty boundary" not in legend_ja and "Boundary in law for Japan alone, set by no treaty" in legend_ja,
      "today in Japan's view: the Iturup-Urup line is Japan's alone, not a treaty boundary")

# Period names: Toyohara in 1930, Yuzhno-Sakhalinsk in 1950.
for date, name in [("1930-01-01", "Toyohara"), ("1950-01-01", "Yuzhno-Sakhalinsk")]:
    pdf = os.path.join(work, f"place-{date}.pdf")
    kmap("--date", date, "--extent", "sakhalin", out=pdf)
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    check(name in text, f"the {date} map names the town at Toyohara's place {name}")

# Island names by period (geodata/island_names.csv): Ezo before 1869, the Habomai islets' Japanese names until
# their Russian names of 1947, in each language; the present names after.
for date, lang, present, absent in [
        ("1860-01-01", "en", ["Ezo (Hokkaido)", "Taraku-tō", "Shibotsu-tō"], ["Polonsky", "Zelyony"]),
        ("1860-01-01", "ru", ["Иессо", "Тараку", "Сибоцу"], ["Полонского", "Зелёный", "Хоккайдо"]),
        ("1860-01-01", "ja", ["蝦夷地", "多楽島"], ["北海道"]),
        ("1930-01-01", "en", ["Hokkaido", "Taraku-tō", "Akiyuri-tō"], ["Ezo", "Polonsky", "Anuchina"]),
        ("1950-01-01", "en", ["Hokkaido", "Polonsky (Taraku)", "Anuchina (Akiyuri)"], ["Ezo", "Taraku-tō"]),
        ("1950-01-01", "ru", ["Хоккайдо", "Полонского", "Анучина"], ["Иессо", "Тараку"])]:
    pdf = os.path.join(work, f"names-{date}-{lang}.pdf")
    r = kmap("--date", date, "--lang", lang, out=pdf)
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    for name in present:
        check(name in text, f"the {date} map (--lang {lang}) names {name}")
    # The sources in the margin quote names of other days; the map's names are before them.
    names = text.split("Projection" if lang == "en" else "図法" if lang == "ja" else "Проекция")[0]
    for name in absent:
        check(name not in names, f"the {date} map (--lang {lang}) does not name {name}")

# Every map the build writes, in its formats (where their names go: placement_check.py).
maps = os.path.join(built, "maps")
boxes = sorted(f for f in os.listdir(maps) if f.endswith(".labels.json"))
check(len(boxes) >= 8, f"the build wrote {len(boxes)} maps with label boxes")
for f in boxes:
    for ext in (".pdf", ".svg"):
        check(os.path.getsize(os.path.join(maps, f.replace(".labels.json", ext))) > 10000, f"{f}: {ext} written")

# The inset (Shikotan and the Habomai islets) at least three times the main map's scale: the two ratios
# the sheet prints, "1 : 6 500 000, true at ..." under the scale bar and the inset's title.
def ratio(pattern, text):
    return [int(m.replace("\u2009", "").replace(" ", "")) for m in re.findall(pattern, text)]
chain = sorted(f for f in os.listdir(maps) if f.endswith("-neutral.pdf"))
for f in chain[:2]:
    text = subprocess.run(["pdftotext", os.path.join(maps, f), "-"], capture_output=True, text=True).stdout
    main_r = ratio(r"1 : ([0-9][0-9\u2009 ]*[0-9]), true at", text)
    inset_r = ratio(r"Habomai islets, 1 : ([0-9][0-9\u2009 ]*[0-9])", text)
    check(len(main_r) == 1 and len(inset_r) == 1 and main_r[0] >= 3 * inset_r[0],
          f"{f}: the inset's scale 1 : {inset_r} is not three times the main map's 1 : {main_r}")

# The sources are given in full and stay on the page: every word of every map the build writes lies inside
# the sheet with a margin of 3 mm (pdftotext's word boxes), and the last source cited is there.
for f in sorted(f for f in os.listdir(maps) if f.endswith(".pdf")):  # the atlas's pages too
    html = subprocess.run(["pdftotext", "-bbox", os.path.join(maps, f), "-"], capture_output=True, text=True).stdout
    page = re.search(r'<page width="([0-9.]+)" height="([0-9.]+)"', html)
    words = [tuple(map(float, m)) for m in re.findall(r'xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)"', html)]
    if page:
        w, h = float(page.group(1)), float(page.group(2))
        off = [b for b in words if b[2] > w - 8.5 or b[3] > h - 8.5 or b[0] < 8.5 or b[1] < 8.5]
        check(not off, f"{f}: {len(off)} words within 3 mm of the page edge or beyond it, e.g. {off[:2]}")
    check("…" not in html, f"{f}: a text cut with an ellipsis")

# The atlas: a page per epoch and today, then the small multiples on the last page.
atlas = os.path.join(maps, "kuril-atlas.pdf")
info = subprocess.run(["pdfinfo", atlas], capture_output=True, text=True).stdout
pages = int(next((l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")), "0"))
epochs = sum(1 for f in boxes if "-neutral" in f)  # the epochs and today, neutral view
check(pages == epochs + 1, f"kuril-atlas.pdf has {pages} pages, expected {epochs} maps and the small multiples")
last = subprocess.run(["pdftotext", "-f", str(pages), "-l", str(pages), atlas, "-"], capture_output=True, text=True).stdout
for words in ("who held the land", "Treaty of Shimoda", "Treaty of Portsmouth", "Kuril landing operation"):
    check(words in last, f"the small multiples page names '{words}'")
# The whole-chain map carries the inset of Shikotan and the Habomai islets, at a larger scale.
chain = subprocess.run(["pdftotext", os.path.join(maps, "kuril-today-neutral.pdf"), "-"], capture_output=True, text=True).stdout
check("Shikotan and the Habomai islets, 1 :" in chain, "the chain map has the inset of Shikotan and the Habomai islets")
check(chain.count("Zelyony (Shibotsu)") == 2, "Zelyony (Shibotsu) is named on the map and in the inset")

# Bad arguments: a clear error, non-zero exit, nothing written.
bad = [(["--date", "1855-02-06"], "before"), (["--date", "2999-01-01"], "after today"),
       (["--date", today, "--view", "china"], "--view"), (["--date", today, "--lang", "fr"], "--lang"),
       (["--date", today, "--crs", "EPSG:4326"], "--crs"), (["--date", today, "--crs", "EPSG:999999"], "--crs"),
       (["--date", today, "--extent", "160,0,170,10"], "no land"), (["--date", today, "--paper", "A9"], "--paper")]
for args, word in bad:
    out = os.path.join(work, "bad.pdf")
    r = kmap(*args, out=out)
    check(r.returncode != 0 and word in r.stderr and not os.path.exists(out), f"{args}: refused ({r.returncode}, {r.stderr.strip()})")
r = kmap("--date", today, out="/nonexistent-dir/x.pdf")
check(r.returncode != 0 and "/nonexistent-dir" in r.stderr, f"unwritable path refused: {r.stderr.strip()}")

# Same inputs, byte-identical files (the second run draws the formats in another order).
kmap("--date", "1945-09-05", "--dpi", "72", outs=[os.path.join(work, f"r1.{e}") for e in ("pdf", "svg", "png")])
kmap("--date", "1945-09-05", "--dpi", "72", outs=[os.path.join(work, f"r2.{e}") for e in ("png", "svg", "pdf")])
for ext in ("pdf", "svg", "png"):
    a, b = os.path.join(work, f"r1.{ext}"), os.path.join(work, f"r2.{ext}")
    check(open(a, "rb").read() == open(b, "rb").read(), f"two {ext} maps of the same inputs are byte-identical")

finish()

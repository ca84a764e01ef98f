#!/usr/bin/env python3
"""Where the names of print maps go, read from the label boxes each map writes beside it (FILE.labels.json),
on every map the build writes and on a sweep of `kuril map` over days, views, languages, extents, papers and
CRSs (EPSG:3857 and UTM zones among them):
- no two names overlap (a name turned along a strait by its outline, the others by their box);
- every name that found no place is reported on standard error, one line each, and no sea's name is
  among them (a strait's may be, on a small sheet); every map of the build names every strait and its seas;
- a sea's name is written in open water on its own side of the land (the record's own land, from the
  GeoPackage the build wrote, and the Kuril chain as the divide between the Sea of Okhotsk and the Pacific);
- a strait's name lies in the water between the two coasts that make the strait.
Usage: placement_check.py KURIL SOURCE_DIR BUILD_OUTPUT TODAY"""
import csv, json, math, os, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor
from osgeo import ogr, osr
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tally import check, finish

kuril, src, built, today = sys.argv[1:5]
work = tempfile.mkdtemp()




# The land of the record, by island, in a metric projection centred on the chain.
metric = osr.SpatialReference()
metric.ImportFromProj4("+proj=laea +lat_0=47 +lon_0=148 +datum=WGS84 +units=m")
wgs = osr.SpatialReference()
wgs.ImportFromEPSG(4326)
wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
to_metric = osr.CoordinateTransformation(wgs, metric)
gpkg = ogr.Open(os.path.join(built, "kuril.gpkg"))
land, all_land = {}, []
for layer_name in ("islands", "context"):
    for f in gpkg.GetLayerByName(layer_name):
        g = f.GetGeometryRef().Clone()
        g.Transform(to_metric)
        all_land.append(g)
        if layer_name == "islands":
            land[f.GetField("id")] = g
        else:  # the land around the record: across the Tatar Strait, the Asian mainland
            land["asia"] = g if "asia" not in land else land["asia"].Union(g)


def at(lon, lat):
    p = ogr.Geometry(ogr.wkbPoint)
    p.AddPoint_2D(lon, lat)
    p.Transform(to_metric)
    return p


def on_land(p):
    return any(g.Contains(p) for g in all_land if g.GetEnvelope()[0] <= p.GetX() <= g.GetEnvelope()[1])


# The divide between the Sea of Okhotsk and the Pacific: the islands of the Greater Kuril Chain, north-east to
# south-west, from the gazetteer (its interior points), with Cape Lopatka before them.
chain = [(156.65, 50.87)]
rows = [r for r in csv.reader(l for l in open(os.path.join(src, "geodata/gazetteer.csv")) if not l.startswith("#"))]
head = rows[0]
for r in rows[1:]:
    rec = dict(zip(head, r))
    if rec.get("group_ru") in ("northern", "middle", "southern"):
        lat, lon = (float(v) for v in rec["points"].split(";")[0].split())
        chain.append((lon, lat))
chain = [chain[0]] + sorted(chain[1:], key=lambda p: -p[0])


def pacific_side(lon, lat):
    """Whether (lon, lat) lies south-east of the chain: the side of its nearest segment."""
    best = None
    for (ax, ay), (bx, by) in zip(chain, chain[1:]):
        dx, dy = bx - ax, by - ay
        t = max(0, min(1, ((lon - ax) * dx + (lat - ay) * dy) / (dx * dx + dy * dy)))
        d = math.hypot(ax + t * dx - lon, ay + t * dy - lat)
        if best is None or d < best[0]:
            best = (d, dx * (lat - ay) - dy * (lon - ax))
    return best[1] > 0  # walking south-west along the chain, the Pacific is on the left


def in_sea(sea, lon, lat):
    if sea == "sea_of_japan":
        return lon < 141.95 and lat > 41.4
    if sea == "sea_of_okhotsk":
        return lon > 141.95 and not pacific_side(lon, lat)
    if sea == "pacific_ocean":
        return pacific_side(lon, lat) or (lat < 42.5 and lon > 141.5)
    return False


# The two coasts of each strait.
straits = {"la_perouse_strait": ("sakhalin", "hokkaido"), "nemuro_strait": ("hokkaido", "kunashir"),
           "catherine_strait": ("kunashir", "iturup"), "vries_strait": ("iturup", "urup"),
           "bussol_strait": ("simushir", "chirpoy"), "first_kuril_strait": ("kamchatka", "shumshu"),
           "tatar_strait": ("sakhalin", "asia")}


reach_km = {r["id"]: float(r["reach_km"]) for r in csv.DictReader(l for l in open(os.path.join(src, "geodata/waters.csv"))
                                                                   if not l.startswith("#")) if r["kind"] == "strait"}


def outline(label):
    b = label["box"]
    return label.get("outline") or [[b[0], b[1]], [b[2], b[1]], [b[2], b[3]], [b[0], b[3]]]


def overlap(a, b):
    """Two convex outlines overlap: no separating axis among their edges' normals."""
    for q in (a, b):
        for i in range(4):
            (px, py), (nx, ny) = q[i], q[(i + 1) % 4]
            ax, ay = -(ny - py), nx - px
            pa = [x * ax + y * ay for x, y in a]
            pb = [x * ax + y * ay for x, y in b]
            if max(pa) <= min(pb) + 1e-6 or max(pb) <= min(pa) + 1e-6:
                return False
    return True


def check_map(name, doc, stderr=None):
    ls = doc["labels"]
    outlines = [outline(l) for l in ls]
    for i in range(len(ls)):
        for j in range(i + 1, len(ls)):
            if overlap(outlines[i], outlines[j]):
                check(False, f"{name}: the names {ls[i]['id']} and {ls[j]['id']} overlap")
    if stderr is not None:
        reported = [l for l in stderr.splitlines() if "no room for the label" in l]
        check(len(reported) == doc["unplaced"], f"{name}: {doc['unplaced']} names unplaced, {len(reported)} reported")
        seas = [l for l in reported if "label water/" in l and "_strait:" not in l]
        check(not seas, f"{name}: a sea's name found no place: {seas}")
    for l in ls:
        kind, _, wid = l["id"].partition("/")
        if kind != "water":
            continue
        lon, lat = l["anchor"]
        p = at(lon, lat)
        check(not on_land(p), f"{name}: {l['text']} written on land at ({lon}, {lat})")
        if wid in straits:
            # The name runs through the strait or out of one of its mouths, or (a strait too narrow for its name on
            # the sheet) lies level beside it: some point of it within 50 km of both coasts (the Bussol Strait is
            # some 80 km wide), or of the strait's reach where that is wider (its line's points are within reach
            # of both: the Tatar Strait is 110 km wide where it is named), or a leader to it.
            a, b = (land[s] for s in straits[wid])
            (x0, y0), (x1, y1) = l["ends"]
            near = min(max(a.Distance(q), b.Distance(q)) / 1000
                       for q in (at(x0 + (x1 - x0) * k / 20, y0 + (y1 - y0) * k / 20) for k in range(21)))
            check(near < max(50, reach_km[wid] + 5) or l["leader"], f"{name}: {l['text']} from ({x0}, {y0}) to ({x1}, {y1}) comes no nearer than {near:.0f} km "
                             f"to both {straits[wid][0]} and {straits[wid][1]}: not in the strait between them")
        else:
            check(in_sea(wid, lon, lat), f"{name}: {l['text']} at ({lon}, {lat}) is not in the {wid}")


# Every map the build wrote.
maps = os.path.join(built, "maps")
boxes = sorted(f for f in os.listdir(maps) if f.endswith(".labels.json"))
check(len(boxes) >= 8, f"the build wrote {len(boxes)} maps with label boxes")
for f in boxes:
    doc = json.load(open(os.path.join(maps, f)))
    check(len(doc["labels"]) > 20, f"{f}: {len(doc['labels'])} labels placed")
    named = {l["id"] for l in doc["labels"] if l["id"].startswith("water/")}
    # The build's maps show the chain, whose frame's west edge (141° E) leaves the Tatar Strait off the sheet.
    check(named >= {f"water/{s}" for s in straits if s != "tatar_strait"} | {"water/sea_of_okhotsk", "water/pacific_ocean"},
          f"{f}: the seas and every strait named: {sorted(named)}")
    check(sum("outline" in l for l in doc["labels"]) >= 5, f"{f}: the straits named along them")
    check_map(f, doc)

# The sweep: (date, view, lang, extent, paper, crs).
sweep = [(today, "neutral", "ru", "chain", "A4", "EPSG:3857"),
         (today, "neutral", "ja", "chain", "A4", "EPSG:32655"),
         ("1910-01-01", "japan", "en", "sakhalin", "A3", ""),
         ("1945-09-05", "russia", "en", "south", "A4", "EPSG:32655"),
         ("1855-03-01", "neutral", "ainu", "chain", "200x150mm", ""),
         ("1956-12-12", "japan", "ja", "south", "A3", "EPSG:3857"),
         ("1875-09-01", "neutral", "ru", "sakhalin", "A4", "EPSG:3857"),
         ("1906-01-01", "neutral", "en", "chain", "A3", "EPSG:32654"),
         ("1951-09-08", "russia", "ru", "144,42.5,149,45.5", "A4", "EPSG:32655")]
# Sheets on which every name must find a place: the southern islands of 1855 (Kaigara-jima at the tip of the
# Nemuro peninsula) and of today (the de facto line's long name, on a sheet with no inset to show it).
every_name = [("1855-02-07", "neutral", "en", "south", "A4", ""), (today, "neutral", "en", "south", "A4", "")]
sweep += every_name


def draw(i):
    date, view, lang, extent, paper, crs = sweep[i]
    out = os.path.join(work, f"sweep{i}.pdf")
    cmd = [kuril, "map", "-q", "--geodata", os.path.join(src, "geodata"), "--palette",
           os.path.join(src, "styles/palette.json"), "--today", today, "--date", date, "--view", view, "--lang", lang,
           "--extent", extent, "--paper", paper, "-o", out] + (["--crs", crs] if crs else [])
    return subprocess.run(cmd, capture_output=True, text=True)


with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
    runs = list(pool.map(draw, range(len(sweep))))
for i, r in enumerate(runs):
    name = "kuril map " + " ".join(v for v in sweep[i] if v)
    check(r.returncode == 0, f"{name}: exit {r.returncode}: {r.stderr[-300:]}")
    if r.returncode == 0:
        doc = json.load(open(os.path.join(work, f"sweep{i}.labels.json")))
        check_map(name, doc, r.stderr)
        if sweep[i] in every_name:
            check(doc["unplaced"] == 0, f"{name}: every name placed: {r.stderr.strip()}")

finish()

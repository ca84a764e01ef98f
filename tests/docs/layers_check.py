#!/usr/bin/python3
"""docs/layers.md against what kuril build wrote: every layer of the GeoPackage has its section, every
field of it a row with the GeoPackage's type (text, integer, real, date), and no row names a field the
layer does not have; the tiles' layers (TileJSON 3.0.0 vector_layers) have the same fields (their dates
under the GeoJSON names start_date/end_date). A field added, renamed or removed without the page fails.
Usage: layers_check.py SOURCE_DIR OUTPUT_DIR"""
import json
import os
import re
import sys

from osgeo import ogr

src, out = sys.argv[1], sys.argv[2]
failures = []
TYPES = {ogr.OFTString: "text", ogr.OFTInteger64: "integer", ogr.OFTInteger: "integer", ogr.OFTReal: "real",
         ogr.OFTDate: "date"}


def documented(path):
    """{section key: {field: type}} from the page: '## `name`' headings, '| `field` | type | ...' rows."""
    sections, current = {}, None
    for line in open(path, encoding="utf-8"):
        heading = re.match(r"^## `([^`]+)`", line)
        if heading:
            current = heading.group(1)
            sections[current] = {}
            continue
        row = re.match(r"^\| `([a-z_0-9]+)` \| ([a-z]+)", line)
        if row and current is not None:
            if row.group(1) in sections[current]:
                failures.append(f"docs/layers.md, {current}: field {row.group(1)} documented twice")
            sections[current][row.group(1)] = row.group(2)
    return sections


def section_of(layer):
    return "snapshot_<year>" if layer.startswith("snapshot_") else layer


doc = documented(os.path.join(src, "docs", "layers.md"))
gpkg = ogr.Open(os.path.join(out, "kuril.gpkg"))
written = {}
for i in range(gpkg.GetLayerCount()):
    layer = gpkg.GetLayerByIndex(i)
    if layer.GetName() == "layer_styles":
        continue
    defn = layer.GetLayerDefn()
    fields = {defn.GetFieldDefn(j).GetName(): TYPES.get(defn.GetFieldDefn(j).GetType(), "?")
              for j in range(defn.GetFieldCount())}
    written[section_of(layer.GetName())] = fields

for name, fields in written.items():
    if name not in doc:
        failures.append(f"layer {name}: no section '## `{name}`' in docs/layers.md")
        continue
    for field, kind in fields.items():
        if field not in doc[name]:
            failures.append(f"layer {name}: field {field} ({kind}) is not in docs/layers.md")
        elif doc[name][field] != kind:
            failures.append(f"layer {name}: field {field} is {kind}, docs/layers.md says {doc[name][field]}")
    for field in doc[name]:
        if field not in fields:
            failures.append(f"layer {name}: docs/layers.md documents {field}, which the layer does not have")
for name in doc:
    if name not in written:
        failures.append(f"docs/layers.md documents a layer {name} that kuril build does not write")

# The tiles: the same fields under the GeoJSON names of the period.
GEOJSON_NAMES = {"valid_from": "start_date", "valid_to": "end_date"}
tilejson = json.load(open(os.path.join(out, "tiles", "xyz", "tiles.json"), encoding="utf-8"))
for vl in tilejson["vector_layers"]:
    expected = {GEOJSON_NAMES.get(f, f) for f in doc.get(vl["id"], {})}
    if set(vl["fields"]) != expected:
        failures.append(f"tiles, layer {vl['id']}: fields {sorted(set(vl['fields']) ^ expected)} differ from docs/layers.md")

for f in failures:
    print("FAIL " + f)
print(f"layers: {len(written)} layers, {sum(len(f) for f in written.values())} fields, {len(failures)} failures")
sys.exit(1 if failures else 0)

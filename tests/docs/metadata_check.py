#!/usr/bin/python3
"""The metadata a client shows, read back as clients read it: through GDAL, each GeoJSON file's
description (RFC 7946 §6.1 foreign member), each GeoPackage layer's description, identifier and QGIS
metadata document (GeoPackage Metadata extension, registered in gpkg_extensions), the MBTiles metadata
table; the TileJSON 3.0.0 and the PMTiles v3 JSON metadata (read from the archive's header, §3); each
with the description, attribution, licence and the version `kuril --version` prints.
Usage: metadata_check.py KURIL OUTPUT_DIR"""
import gzip
import json
import os
import sqlite3
import struct
import subprocess
import sys

from osgeo import gdal, ogr

kuril, out = sys.argv[1], sys.argv[2]
failures = []
version = subprocess.run([kuril, "--version"], capture_output=True, text=True, check=True).stdout.split()[1]
LICENSE = "CC-BY-4.0 AND LGPL-3.0-or-later"


def check(ok, what):
    if not ok:
        failures.append(what)


def tile_metadata(where, m):
    check(m.get("version") == version, f"{where}: version {m.get('version')!r}, kuril --version says {version}")
    check(m.get("license") == LICENSE, f"{where}: license {m.get('license')!r}")
    check("1855-02-07" in m.get("description", ""), f"{where}: description {m.get('description')!r}")
    check("GSHHG" in m.get("attribution", "") and "CC BY 4.0" in m.get("attribution", ""),
          f"{where}: attribution {m.get('attribution')!r}")


gpkg = ogr.Open(os.path.join(out, "kuril.gpkg"))
layers = [gpkg.GetLayerByIndex(i).GetName() for i in range(gpkg.GetLayerCount())]
layers = [n for n in layers if n != "layer_styles"]
for name in layers:
    layer = gpkg.GetLayerByName(name)
    md = layer.GetMetadata()
    description = md.get("DESCRIPTION", "")
    check(len(description) > 20, f"kuril.gpkg, {name}: description {description!r}")
    check(md.get("IDENTIFIER") == f"Kuril Atlas: {name}", f"kuril.gpkg, {name}: identifier {md.get('IDENTIFIER')!r}")
    qgis = [v for k, v in md.items() if k.startswith("GPKG_METADATA_ITEM_") and "mrcc.com/qgis.dtd" in v]
    check(len(qgis) == 1, f"kuril.gpkg, {name}: {len(qgis)} QGIS metadata documents")
    for doc in qgis:
        for part in ("<license>CC-BY-4.0</license>", "<license>LGPL-3.0-or-later</license>", description,
                     f"Kuril Atlas {version}"):
            check(part in doc, f"kuril.gpkg, {name}: the metadata document lacks {part!r}")
    geojson = ogr.Open(os.path.join(out, "geojson", f"{name}.geojson"))
    check(geojson.GetLayer().GetMetadata().get("DESCRIPTION") == description,
          f"geojson/{name}.geojson: description {geojson.GetLayer().GetMetadata()} (the GeoPackage's: {description!r})")
db = sqlite3.connect(os.path.join(out, "kuril.gpkg"))
registered = {r[0] for r in db.execute("SELECT table_name FROM gpkg_extensions WHERE extension_name = 'gpkg_metadata'")}
check(registered == {"gpkg_metadata", "gpkg_metadata_reference"}, f"kuril.gpkg: metadata extension registered for {registered}")

tile_metadata("tiles/kuril.mbtiles", gdal.OpenEx(os.path.join(out, "tiles", "kuril.mbtiles")).GetMetadata())
tile_metadata("tiles/xyz/tiles.json", json.load(open(os.path.join(out, "tiles", "xyz", "tiles.json"))))
with open(os.path.join(out, "tiles", "kuril.pmtiles"), "rb") as f:
    header = f.read(127)
    offset, length = struct.unpack_from("<QQ", header, 24)  # JSON metadata offset and length
    f.seek(offset)
    raw = f.read(length)
metadata = json.loads(gzip.decompress(raw) if header[97] == 2 else raw)  # internal compression 2: gzip
tile_metadata("tiles/kuril.pmtiles", metadata)

for f in failures:
    print("FAIL " + f)
print(f"metadata: {len(layers)} layers, version {version}, {len(failures)} failures")
sys.exit(1 if failures else 0)

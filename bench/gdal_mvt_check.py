#!/usr/bin/env python3
"""GDAL's MVT reader on a z/x/y tile directory: every tile of z0-5 and the N largest of each deeper zoom
are opened with GDAL's MVT driver and every feature's geometry is checked valid (GEOS, through OGR).
Prints the count of tiles and features read and exits 1 on an unreadable tile or an invalid geometry.
Usage: gdal_mvt_check.py DIR [N]"""
import os
import sys

from osgeo import gdal, ogr

gdal.UseExceptions()
root = sys.argv[1]
largest = int(sys.argv[2]) if len(sys.argv) > 2 else 40
picked = []
for z in sorted(int(d) for d in os.listdir(root) if d.isdigit()):
    tiles = []
    for x in os.listdir(os.path.join(root, str(z))):
        for name in os.listdir(os.path.join(root, str(z), x)):
            path = os.path.join(root, str(z), x, name)
            tiles.append((os.path.getsize(path), path))
    tiles.sort(reverse=True)
    picked += [p for _, p in (tiles if z <= 5 else tiles[:largest])]
features = bad = 0
for path in picked:
    ds = ogr.Open("MVT:" + path)
    if ds is None:
        print(f"{path}: GDAL cannot open it")
        bad += 1
        continue
    for layer in ds:
        for f in layer:
            g = f.GetGeometryRef()
            features += 1
            if g is not None and not g.IsValid():
                bad += 1
                print(f"{path}: layer {layer.GetName()} feature {f.GetFID()}: invalid geometry")
print(f"GDAL MVT reader: {len(picked)} tiles, {features} features, {bad} problems")
sys.exit(1 if bad else 0)

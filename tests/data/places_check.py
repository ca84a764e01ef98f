#!/usr/bin/env python3
"""The place at Toyohara's position is named as the day named it, in the GeoJSON, the GeoPackage and a
decoded vector tile (GDAL's MVT reader); each place is the seat of government it was that day
(geodata/place_seats.csv). Usage: places_check.py BUILD_OUTPUT"""
import sys
from osgeo import ogr

out = sys.argv[1]
fails, checks = [], 0
expect = {1930.0: "Toyohara", 1950.0: "Yuzhno-Sakhalinsk", 1890.0: "Vladimirovka"}


def name_at(layer, year, start, end, place="toyohara", field="name_en"):
    layer.SetAttributeFilter(f"place = '{place}'")
    names = []
    for f in layer:
        s, e = f.GetField(start), f.GetField(end)
        if s is not None and s <= year and (e is None or year < e):
            names.append(f.GetField(field) or "")
    return names


# The seat each place was: the Karafuto Agency at Ōdomari, then Toyohara (13 August 1908); none between the
# Soviet taking of Toyohara and South Sakhalin Oblast (1946); Sakhalin Oblast's seat at Aleksandrovsk until
# 18 April 1947; Furukamappu a district seat only from 1946.
seats = [("odomari", 1907.5, "territory"), ("toyohara", 1907.5, ""), ("toyohara", 1930.0, "territory"),
         ("odomari", 1930.0, ""), ("toyohara", 1945.9, ""), ("toyohara", 1946.5, "territory"),
         ("toyohara", 1947.1, ""), ("aleksandrovsk", 1947.1, "territory"), ("aleksandrovsk", 1950.0, "district"),
         ("toyohara", 1950.0, "territory"), ("furukamappu", 1930.0, ""), ("furukamappu", 1950.0, "district"),
         ("nemuro", 1883.0, "territory"), ("nemuro", 1890.0, "")]


for label, path, lname, start, end in [("GeoJSON", f"{out}/geojson/places.geojson", None, "start_decdate", "end_decdate"),
                                       ("GeoPackage", f"{out}/kuril.gpkg", "places", "start_decdate", "end_decdate")]:
    ds = ogr.Open(path)
    layer = ds.GetLayer(0) if lname is None else ds.GetLayerByName(lname)
    if layer is None or layer.GetLayerDefn().GetFieldIndex(start) < 0:
        fields = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())] if layer else []
        fails.append(f"{label}: no field {start} in {fields}"); continue
    for year, name in expect.items():
        checks += 1
        got = name_at(layer, year, start, end)
        if got != [name]:
            fails.append(f"{label}: {year} -> {got}, expected {name}")
    for place, year, seat in seats:
        checks += 1
        got = name_at(layer, year, start, end, place, "seat")
        if got != [seat]:
            fails.append(f"{label}: {place} in {year} the seat {got}, expected [{seat!r}]")

# A decoded tile: z8 tile over Yuzhno-Sakhalinsk, read by GDAL's MVT driver.
import math
z, lon, lat = 8, 142.738, 46.959
x = int((lon + 180) / 360 * 2 ** z)
y = int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * 2 ** z)
ds = ogr.Open(f"MVT:{out}/tiles/xyz/{z}/{x}/{y}.pbf")
layer = ds.GetLayerByName("places") if ds else None
if layer is None:
    fails.append(f"tile {z}/{x}/{y}: no places layer")
else:
    for year, name in expect.items():
        checks += 1
        got = name_at(layer, year, "start_decdate", "end_decdate")
        if got != [name]:
            fails.append(f"tile {z}/{x}/{y}: {year} -> {got}, expected {name}")
for f in fails:
    print("FAIL:", f)
print(f"{checks - len(fails)} passed, {len(fails)} failed")
sys.exit(1 if fails else 0)

#!/usr/bin/env python3
"""Makes a large GeoJSONSeq input from geodata/land.geojsonl: copies of the Kuril land shifted over a
grid of longitudes and latitudes (real GSHHG polygons, only moved), until the file reaches SIZE MB.
Usage: replicate.py LAND.geojsonl SIZE_MB OUT.geojsonl"""
import json, sys

src, size_mb, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
features = [json.loads(line) for line in open(src, encoding="utf-8") if line.strip()]
limit = size_mb * 1024 * 1024
written = 0
copy = 0
with open(out, "w", encoding="utf-8") as f:
    # Kuril land spans 141-157.5 E, 41.3-51.5 N: copies on a 18 x 11 degree grid stay inside +-180 / +-80.
    # Past 247 copies the grid is laid again, shifted by a quarter degree each time.
    grid = [(dx, dy) for dy in range(-120, 23, 11) for dx in range(-321, 7, 18)]
    while written < limit:
        dx, dy = grid[copy % len(grid)]
        dx += 0.25 * (copy // len(grid))
        copy += 1
        for feat in features:
            feat2 = {"type": "Feature", "properties": {"copy": copy, "source": feat["properties"].get("source", "")},
                     "geometry": {"type": feat["geometry"]["type"], "coordinates": [
                         [[round(x + dx, 7), round(y + dy, 7)] for x, y in ring]
                         for ring in feat["geometry"]["coordinates"]]}}
            line = json.dumps(feat2, separators=(",", ":")) + "\n"
            f.write(line)
            written += len(line)
print(f"{out}: {copy} copies, {written} bytes")

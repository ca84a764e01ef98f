#!/usr/bin/env bash
# Points stream like polygons: memory grows with the tiles, not the points. `kuril tiles` on 150,000 points
# and on 5 x as many in the same places (clustered round 6 centres, as real point data is; a fixed
# sequence, so every run sees the same input), both through partitions (--partition-zoom 4, z0-10):
#   - the 5x run's peak memory is at most 1.5 x the 1x run's;
#   - both outputs valid (kuril check-tiles, MVT 2.1), every point at z10 (the metadata's points_per_zoom);
#   - no temporary file left behind.
# Memory is not compared under the sanitizers (ASan's quarantine and shadow memory dominate there).
# Usage: streamed_points.sh KURIL SANITIZE(ON|OFF)
set -euo pipefail
kuril=$1 sanitize=${2:-OFF}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
points() {  # points N -> GeoJSONSeq on stdout
  awk -v n="$1" 'BEGIN {
    s = 12345
    for (c = 0; c < 6; c++) { s = (s * 1103515245 + 12345) % 2147483648; cx[c] = -170 + 340 * s / 2147483648
                               s = (s * 1103515245 + 12345) % 2147483648; cy[c] = -60 + 130 * s / 2147483648 }
    for (i = 0; i < n; i++) {
      c = i % 6
      s = (s * 1103515245 + 12345) % 2147483648; dx = (s / 2147483648 - 0.5) * 6
      s = (s * 1103515245 + 12345) % 2147483648; dy = (s / 2147483648 - 0.5) * 4
      printf "{\"type\":\"Feature\",\"properties\":{\"n\":%d,\"c\":%d},\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]}}\n", i, c, cx[c] + dx * dx * dx / 9, cy[c] + dy * dy * dy / 4
    } }'
}
points 150000 > one.geojsonl
points 750000 > five.geojsonl
peak() { /usr/bin/time -f %M -o "$1.time" "$kuril" tiles -q -j 2 -Z 0 -z 10 --partition-zoom 4 -o "$1.pmtiles" "$1.geojsonl" && cat "$1.time"; }
one=$(peak one)
five=$(peak five)
echo "peak memory (KiB): 150,000 points $one, 750,000 points $five"
fail=0
if [ "$sanitize" != ON ] && [ $((five * 2)) -gt $((one * 3)) ]; then
  echo "FAIL peak memory grew with the points: $one -> $five KiB (more than 1.5x)"; fail=1
fi
for f in one five; do
  "$kuril" check-tiles "$f.pmtiles" | grep -q ' 0 tiles with problems' || { echo "FAIL $f.pmtiles has invalid tiles"; fail=1; }
done
/usr/bin/python3 - <<'PY' || fail=1
import json, struct
for name, n in (("one", 150000), ("five", 750000)):
    data = open(f"{name}.pmtiles", "rb").read()
    off, length = struct.unpack_from("<QQ", data, 24)  # PMTiles v3 header: JSON metadata offset and length
    import gzip
    raw = data[off:off + length]
    meta = json.loads(gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw)
    kept = meta["kuril:points"]["points_per_zoom"]
    assert kept["10"] == n, (name, kept)
    assert kept["0"] < n / 1000, (name, kept)
print("points per zoom ok")
PY
if ls -A | grep -q spill; then echo "FAIL a temporary file was left: $(ls -A)"; fail=1; fi
exit $fail

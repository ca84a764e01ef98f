#!/usr/bin/env bash
# The Debian package, as a user gets it: `cpack -G DEB` in build/, `apt-get install ./kuril-atlas_*.deb`,
# then, in an empty directory outside the source tree, `kuril --version`, the man pages, and `kuril build`
# on the shipped data (found in /usr/share/kuril). Removes the package at the end. Run as root, by .ci/run.
# Usage: tests/package/deb_install.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
(cd "$build" && cpack -G DEB > /dev/null)
deb=$(ls "$build"/kuril-atlas_*.deb)
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "$deb" > /dev/null
trap 'apt-get remove -y -qq kuril-atlas > /dev/null' EXIT
work=$(mktemp -d)
cd "$work"
[ "$(command -v kuril)" = /usr/bin/kuril ] || { echo "FAIL: kuril is not /usr/bin/kuril"; exit 1; }
kuril --version
for page in kuril kuril-build kuril-check kuril-snapshot kuril-map kuril-tiles kuril-check-tiles kuril-serve kuril-import-coastline; do
  [ -s "/usr/share/man/man1/$page.1" ] || { echo "FAIL: no man page $page.1"; exit 1; }
done
kuril build -q --today 2026-11-21 -o out
for f in geojson/sovereignty.geojson kuril.gpkg kuril.qgs tiles/kuril.pmtiles tiles/kuril.mbtiles viewer/index.html \
         viewer/maplibre-gl.js maps/kuril-atlas.pdf; do
  [ -s "out/$f" ] || { echo "FAIL: the installed kuril build wrote no out/$f"; exit 1; }
done
kuril check-tiles out/tiles/kuril.pmtiles > /dev/null
echo "installed package: kuril build on the shipped data wrote $(find out -type f | wc -l) files from $work"
cd / && rm -rf "$work"

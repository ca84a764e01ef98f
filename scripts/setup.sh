#!/usr/bin/env bash
# Installs everything Kuril Atlas needs to build, run and test, on Debian bookworm, as root.
# Idempotent: packages already present are left as they are.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  libgdal-dev gdal-bin python3-gdal libproj-dev proj-bin libgeos-dev
  libprotozero-dev catch2 libsqlite3-dev sqlite3
  nlohmann-json3-dev libfmt-dev libcli11-dev libdeflate-dev zlib1g-dev libcpp-httplib-dev libfreetype-dev
  gmt gmt-gshhg-full
  sqlite3 time bc wrk help2man
  qgis python3-qgis
  libcairo2-dev libpango1.0-dev poppler-utils librsvg2-bin
  chromium fonts-noto-core fonts-ipafont-gothic
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all ${#packages[@]} packages present"
fi

# Node.js for the client tests (the npm pmtiles reader, @mapbox/mvt-fixtures); Debian's if none is there.
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  echo "setup: installing nodejs npm"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm
fi
# npm packages, from package-lock.json: the viewer's (web/) and the client tests' (tests/js/).
here=$(cd "$(dirname "$0")/.." && pwd)
for dir in web tests/js; do
  if ! (cd "$here/$dir" && npm ls --all > /dev/null 2>&1); then
    echo "setup: npm ci in $dir"
    (cd "$here/$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
# The OpenLayers example, an ES module, bundled with ol and ol-pmtiles (esbuild, from npm; under a second).
(cd "$here/web" && npm run --silent build > /dev/null)

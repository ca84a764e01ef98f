#!/usr/bin/env bash
# Installs what Kuril Atlas needs, on Debian bookworm, as root. Idempotent: what is present is left alone.
#   bash scripts/setup.sh           what building and running `kuril` need (the first README command)
#   bash scripts/setup.sh --tests   that, and what the tests need: the real clients (QGIS, Chromium), GMT,
#                                   GDAL's tools, wrk, poppler and librsvg, and the test scripts' npm packages
#   --only-packages / --only-npm    one half (scripts/build.sh runs the npm half while it compiles)
set -euo pipefail
tests=false
phases="packages npm"
for arg in "$@"; do
  case "$arg" in
    --tests) tests=true ;;
    --only-packages) phases=packages ;;
    --only-npm) phases=npm ;;
    *) echo "setup.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done
build_packages=(
  build-essential cmake ninja-build pkg-config ca-certificates
  libgdal-dev libproj-dev libgeos-dev
  libprotozero-dev libsqlite3-dev
  nlohmann-json3-dev libfmt-dev libcli11-dev libdeflate-dev zlib1g-dev libsimdjson-dev libpolyclipping-dev libcpp-httplib-dev libfreetype-dev
  libcairo2-dev libpango1.0-dev fonts-noto-core fonts-ipafont-gothic libgettextpo-dev
  help2man
)
test_packages=(
  catch2 gdal-bin python3-gdal proj-bin sqlite3
  gmt gmt-gshhg-full
  time bc wrk universal-ctags
  qgis python3-qgis
  poppler-utils librsvg2-bin ghostscript gettext python3-numpy python3-pil
  chromium
)
packages=("${build_packages[@]}")
if $tests; then packages+=("${test_packages[@]}"); fi
install_packages() {
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
    missing+=(nodejs npm)  # Debian's, where the machine has none: the viewer's and examples' packages come from npm
  fi
  if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "setup: all ${#packages[@]} packages present"
  fi
}

install_npm() {
  # npm packages, from package-lock.json: the viewer's and the examples' (web/), and the client tests' (tests/js/).
  here=$(cd "$(dirname "$0")/.." && pwd)
  dirs=(web)
  if $tests; then dirs+=(tests/js); fi
  for dir in "${dirs[@]}"; do
    if ! (cd "$here/$dir" && npm ls --all > /dev/null 2>&1); then
      echo "setup: npm ci in $dir"
      (cd "$here/$dir" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  done
  # The OpenLayers and deck.gl examples, ES modules, bundled with their npm packages (esbuild; about a second).
  (cd "$here/web" && npm run --silent build > /dev/null)
}

if [[ " $phases " == *" packages "* ]]; then install_packages; fi
if [[ " $phases " == *" npm "* ]]; then install_npm; fi

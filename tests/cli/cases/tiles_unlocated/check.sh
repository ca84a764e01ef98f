# Features without a position are reported on stderr (expected_stderr), the located one is tiled.
set -e
"$KURIL" check-tiles points.pmtiles > /dev/null

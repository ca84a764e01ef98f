# kuril tiles on two real islands: every tile valid, and readable.
set -e
"$KURIL" check-tiles tiny.pmtiles

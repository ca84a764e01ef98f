# A latitude beyond 90° is no position on the Earth: refused, the feature named, nothing written.
test ! -e out.pmtiles

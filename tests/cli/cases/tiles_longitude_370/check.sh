# A longitude beyond ±360° is not one a dataset uses to cross the antimeridian: refused, with the line and the
# feature named; nothing written.
test ! -e out.pmtiles

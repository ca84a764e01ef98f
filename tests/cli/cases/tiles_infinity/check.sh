# An infinite coordinate is refused with its feature named; nothing is written.
test ! -e lines.pmtiles

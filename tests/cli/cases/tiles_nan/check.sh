# A NaN coordinate is refused (not read as an empty point and dropped): nothing is written.
test ! -e points.pmtiles
! ls -a | grep -q 'kuril-tmp-'

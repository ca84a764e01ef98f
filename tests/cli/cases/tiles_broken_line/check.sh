# A broken line of a sequence (a brace missing) stops the run with the line and the feature named: it is
# not skipped, as GDAL's reader skipped it (with a message the user never saw), leaving two of three.
test ! -e out.pmtiles

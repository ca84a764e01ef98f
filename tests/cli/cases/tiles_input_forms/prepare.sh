#!/usr/bin/env bash
# The compressed and binary inputs are made here from the text ones beside them: gzip (without a name or
# time stamp: the same bytes each run) and FlatGeobuf through GDAL.
set -e
cd geodata
gzip -n collection.geojson lines.ndjson
ogr2ogr -f FlatGeobuf cells.fgb cells.geojson
rm cells.geojson

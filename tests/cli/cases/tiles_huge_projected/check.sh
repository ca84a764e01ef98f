# Found by fuzz_vector: a coordinate of 1e300 in a Web Mercator layer sent GDAL's reprojection into an endless
# longitude-wrapping loop. It is refused before reprojecting, naming the feature, and nothing is written.
test ! -e huge.pmtiles

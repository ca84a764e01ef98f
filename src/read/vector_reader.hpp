#pragma once
// Reads a vector input as tiler layers. GeoJSON in any of its forms — a FeatureCollection, a bare
// Feature or geometry, newline-delimited features or RFC 8142 text sequences, plain or gzip'd — is read
// by read/geojson_reader (simdjson, in parallel); anything else GDAL reads (GeoPackage, Shapefile,
// FlatGeobuf, ...; gzip'd through /vsigzip/) through GDAL. Geometry in another CRS is reprojected to
// WGS 84; a layer without a CRS is taken as WGS 84 (RFC 7946) after checking its coordinates are
// longitudes and latitudes. Positions are checked, and lines and polygons drawn across the antimeridian
// or round a pole split and closed there, by read/feature_builder.
#include <functional>
#include <string>
#include <vector>

#include "read/vector_sink.hpp"
#include "tiles/engine/source.hpp"
#include "util/error.hpp"

namespace kuril {

// Streams the input into the sink (read/vector_sink.hpp). Throws InputError naming the file, line (where
// the format has lines) and feature.
void read_vector(const std::string& path, const VectorReadOptions& options, const VectorSink& sink);

// The same, held in memory: one tiler layer per input layer.
[[nodiscard]] std::vector<tiles::SourceLayer> read_vector(const std::string& path, const VectorReadOptions& options,
                                                         const std::function<void(const Location&)>& unlocated = {});

// The same through GDAL, whatever the format (GeoJSON with a legacy "crs" member goes this way).
void read_with_gdal(const std::string& path, const VectorReadOptions& options, const VectorSink& sink);

// Whether the name ends in .gz; the input's name without .gz and its extension (the default layer name).
[[nodiscard]] bool is_gzip_name(const std::string& path);
[[nodiscard]] std::string input_stem(const std::string& path);

}  // namespace kuril

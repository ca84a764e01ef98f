#pragma once
// Reads any GDAL-readable vector input (GeoJSON, GeoJSONSeq, GeoPackage, Shapefile, ...) as tiler
// layers. Geometry in another CRS is reprojected to WGS 84; a layer without a CRS is taken as WGS 84
// (RFC 7946) after checking its coordinates are longitudes and latitudes. Lines and polygons drawn
// across the antimeridian are split there (RFC 7946 §3.1.9; see tiles/antimeridian.hpp).
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tiles/engine/source.hpp"
#include "util/error.hpp"

namespace kuril {

struct VectorReadOptions {
    std::optional<std::string> layer_name;  // one name for every input layer
    std::set<std::string> include;          // attributes to keep (empty: all)
    std::set<std::string> exclude;          // attributes to drop
    int minzoom = 0;
    int maxzoom = 14;
};

// Streams the input: `layer` is called once per input layer (with the tiler layer's name), then
// `feature` once per feature of that layer, which is not kept, and `unlocated` (if set) for each feature
// without a position (null or empty geometry), which has nothing to tile. A geometry collection of several
// kinds comes as one feature per kind (see emit() in vector_reader.cpp). Throws InputError naming the file,
// layer and feature.
struct VectorSink {
    std::function<void(const std::string& layer)> layer;
    std::function<void(tiles::SourceFeature&& feature)> feature;
    std::function<void(const Location& feature)> unlocated;
};
void read_vector(const std::string& path, const VectorReadOptions& options, const VectorSink& sink);

// The same, held in memory: one tiler layer per input layer.
[[nodiscard]] std::vector<tiles::SourceLayer> read_vector(const std::string& path, const VectorReadOptions& options,
                                                         const std::function<void(const Location&)>& unlocated = {});

}  // namespace kuril

#pragma once
// What a vector reader is asked for (VectorReadOptions) and where it hands each feature (VectorSink).
// Shared by the GDAL reader and the GeoJSON reader (read/vector_reader.hpp chooses between them).
#include <functional>
#include <optional>
#include <set>
#include <string>

#include "tiles/engine/source.hpp"
#include "util/error.hpp"

namespace kuril {

struct VectorReadOptions {
    std::optional<std::string> layer_name;  // one name for every input layer
    std::set<std::string> include;          // attributes to keep (empty: all)
    std::set<std::string> exclude;          // attributes to drop
    int minzoom = 0;
    int maxzoom = 14;
    unsigned threads = 0;                   // for parsing in parallel (0: one per core)
};

// Streams the input: `layer` is called once per input layer (with the tiler layer's name), then
// `feature` once per feature of that layer, in the input's order, which is not kept, and `unlocated`
// (if set) for each feature without a position (null or empty geometry), which has nothing to tile. A
// geometry collection of several kinds comes as one feature per kind (read/feature_builder.hpp).
struct VectorSink {
    std::function<void(const std::string& layer)> layer;
    std::function<void(tiles::SourceFeature&& feature)> feature;
    std::function<void(const Location& feature)> unlocated;
};

// Whether an attribute is kept by --include/--exclude.
[[nodiscard]] inline bool keeps_attribute(const VectorReadOptions& o, const std::string& name) {
    return (o.include.empty() || o.include.count(name) > 0) && o.exclude.count(name) == 0;
}

}  // namespace kuril

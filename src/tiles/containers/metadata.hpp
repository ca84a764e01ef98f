#pragma once
// Tileset metadata: the vector_layers description (TileJSON 3.0 §3.1 / MBTiles 1.3 `json`), and the
// TileJSON 3.0.0 document of a z/x/y directory, written and read back from a container for serving.
#include <map>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "tiles/containers/tile_reader.hpp"
#include "tiles/tileset.hpp"

namespace kuril::tiles {

struct TilesetInfo {
    std::string name = "kuril";
    std::string description;
    std::string attribution;
    std::string version = "1.0.0";
    std::string license;  // an SPDX licence expression; empty: not written
};

[[nodiscard]] nlohmann::ordered_json vector_layers_json(const TileSet& set);
[[nodiscard]] int center_zoom(const TileSet& set);
// How the tiles were kept under the size limit: {"max_tile_bytes": N, "reduced": [{"zoom", "tiles",
// "tiles_with_features_dropped", "features_dropped"}, ...]} (zooms with no reduced tile left out).
[[nodiscard]] nlohmann::ordered_json size_limit_json(const TileSet& set);
// How the point features were thinned (absent without points): {"point_features", "base_zoom",
// "drop_rate", "guessed": [...], "drop_densest_as_needed", "cluster_distance", "points_per_zoom": {"z": n}}.
[[nodiscard]] nlohmann::ordered_json points_json(const PointThinningReport& report);
// The PMTiles metadata object: name, format, vector_layers, bounds, center, attribution, kuril:size_limit, ...
[[nodiscard]] std::string pmtiles_metadata(const TileSet& set, const TilesetInfo& info);
// The MBTiles-style metadata.json that tippecanoe writes beside a z/x/y directory and GDAL's MVT
// driver reads (name, format, bounds, center, minzoom, maxzoom, json = {"vector_layers": ...}).
[[nodiscard]] std::string mbtiles_metadata_json(const TileSet& set, const TilesetInfo& info);
// TileJSON 3.0.0 for tiles at `url_template` (relative URLs resolve against the TileJSON's own URL).
[[nodiscard]] std::string tilejson(const TileSet& set, const TilesetInfo& info, const std::string& url_template);

// The same TileJSON 3.0.0 fields read back from a container, for serving it: name, attribution, description,
// minzoom, maxzoom, bounds, center, vector_layers. From a PMTiles v3 archive's header and JSON metadata,
// or from an MBTiles 1.3 metadata table (bounds and center as comma-separated numbers, the vector layers
// in its `json` row).
[[nodiscard]] nlohmann::ordered_json tilejson_fields(const PmtilesHeader& header, const std::string& metadata);
[[nodiscard]] nlohmann::ordered_json tilejson_fields(const std::map<std::string, std::string>& metadata);

}  // namespace kuril::tiles

#pragma once
// MBTiles 1.3 (github.com/mapbox/mbtiles-spec/blob/master/1.3/spec.md): an SQLite file with a
// `metadata` table (name, format=pbf, bounds, center, minzoom, maxzoom, json with vector_layers, ...)
// and a `tiles` table whose tile_row counts from the south (TMS); tiles gzip-compressed.
#include <filesystem>

#include "tiles/containers/metadata.hpp"
#include "tiles/tileset.hpp"

namespace kuril::tiles {

void write_mbtiles(const std::filesystem::path& path, const TileSet& set, const TilesetInfo& info);

}  // namespace kuril::tiles

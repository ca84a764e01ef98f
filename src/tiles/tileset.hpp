#pragma once
// A tileset as the engine makes it and the containers store it: the tiles (MVT, and gzip'd), the layers as
// TileJSON describes them, the zooms and the bounds. Shared by tiles/engine (which makes it),
// tiles/containers (which write and read it) and the commands.
#include <cstdint>
#include <string>
#include <vector>

#include "tiles/tile_id.hpp"

namespace kuril::tiles {

struct Tile {
    TileAddress address;
    std::uint64_t id = 0;  // PMTiles tile id
    std::string data;      // uncompressed MVT; empty when only `gz` is kept (partitioned runs)
    std::string gz;        // the same, gzip-compressed (made in parallel by the tiler)
};

struct FieldInfo {
    std::string name;
    std::string type;  // String | Number | Boolean (TileJSON vector_layers)
};
// A tile layer as TileJSON 3.0 §3.3 vector_layers describes it (and the PMTiles / MBTiles metadata).
struct VectorLayer {
    std::string name;
    std::string description;
    int minzoom = 0;
    int maxzoom = 0;
    std::vector<FieldInfo> fields;
};

struct TileSet {
    std::vector<Tile> tiles;  // sorted by PMTiles id
    std::vector<VectorLayer> layers;
    int minzoom = 0;
    int maxzoom = 0;
    double west = 180, south = 90, east = -180, north = -90;  // lon/lat bounds of the data
};

}  // namespace kuril::tiles

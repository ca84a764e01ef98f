#pragma once
// A tileset of two tiles (z0 and z1) with one layer, for the container tests.
#include "tiles/gzip.hpp"
#include "tiles/tileset.hpp"
#include "tiles/containers/metadata.hpp"

namespace kuril::test {

inline tiles::TileSet two_tiles() {
    using namespace kuril::tiles;
    TileSet set;
    set.minzoom = 0;
    set.maxzoom = 1;
    set.west = 141;
    set.east = 157.5;
    set.south = 41.3;
    set.north = 51.5;
    set.layers = {VectorLayer{"islands", "the islands", 0, 1, {{"name_en", "String"}}}};
    for (const TileAddress a : {TileAddress{0, 0, 0}, TileAddress{1, 1, 0}}) {
        std::string data = "tile " + std::to_string(a.z);
        std::string z = gzip(data);
        set.tiles.push_back(Tile{a, pmtiles_id(a), std::move(data), std::move(z), {}, {}});
    }
    return set;
}
inline tiles::TilesetInfo info() {
    tiles::TilesetInfo i;
    i.name = "kuril";
    i.description = "test";
    i.attribution = "GSHHG";
    return i;
}
}  // namespace kuril::test

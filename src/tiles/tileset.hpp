#pragma once
// A tileset as the engine makes it and the containers store it: the tiles (MVT, and gzip'd), the layers as
// TileJSON describes them, the zooms and the bounds. Shared by tiles/engine (which makes it),
// tiles/containers (which write and read it) and the commands.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tiles/tile_id.hpp"

namespace kuril::tiles {

// What was done to a tile that would have been larger than the size limit (TileOptions::max_tile_bytes):
// its geometry simplified at `simplified` times the tolerance, then its `dropped` smallest features left out.
struct TileReduction {
    std::uint32_t simplified = 1;
    std::uint32_t dropped = 0;
    [[nodiscard]] bool any() const { return simplified > 1 || dropped > 0; }
};

// Where a tile's gzip'd bytes are in the tile set's TileStore (tiles/tile_store.hpp).
struct StoredTile {
    std::uint64_t offset = 0;
    std::uint32_t length = 0;  // 0: not stored
};

struct Tile {
    TileAddress address;
    std::uint64_t id = 0;  // PMTiles tile id
    std::string data;      // uncompressed MVT; empty when only `gz` is kept (partitioned runs)
    std::string gz;        // the same, gzip-compressed (made in parallel by the tiler); empty when stored
    TileReduction reduction;
    StoredTile stored;     // the gzip'd bytes in TileSet::store instead (partitioned runs)

    // The gzip'd bytes' length, wherever they are.
    [[nodiscard]] std::size_t gz_size() const { return stored.length != 0 ? stored.length : gz.size(); }
};

class TileStore;

// Per zoom: how many tiles were over the size limit, how many of those needed features dropped, and how
// many features were dropped in all.
struct ZoomReduction {
    int zoom = 0;
    std::uint64_t tiles = 0;
    std::uint64_t tiles_with_drops = 0;
    std::uint64_t features_dropped = 0;
};

// How the point features were thinned (tiles/engine/thinning.hpp), as the metadata tells it: the base zoom
// and drop rate in force and which of them were guessed, and how many points first appear at each zoom.
struct PointThinningReport {
    std::uint64_t points = 0;
    int minzoom = 0;
    int maxzoom = 0;
    int base_zoom = 0;
    double drop_rate = 1;
    bool guessed_base = false;
    bool guessed_rate = false;
    bool guessed_maxzoom = false;
    bool drop_densest = false;
    double cluster_distance = 0;
    std::array<std::uint64_t, 25> first_zooms{};
    [[nodiscard]] std::uint64_t kept(int z) const;  // points in the tiles of zoom z: first zoom <= z
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
    std::uint64_t max_tile_bytes = 0;  // the size limit the tiles were made to (gzip'd); 0: none
    std::optional<PointThinningReport> thinning;  // when the input had points
    std::shared_ptr<const TileStore> store;  // the bytes of the stored tiles (partitioned runs); else null

    // The tile's gzip'd bytes: its own, or those read from the store into `buffer`.
    [[nodiscard]] std::string_view gz(const Tile& t, std::string& buffer) const;
    // Equal for two tiles exactly when their bytes are equal, and valid while the set is: the bytes
    // themselves, or for a stored tile the 8 bytes of its offset (the store keeps each content once; a
    // gzip member is never 8 bytes long: RFC 1952 §2.2, a 10-byte header and an 8-byte trailer).
    [[nodiscard]] static std::string_view content_key(const Tile& t);

    // The reduced tiles, zoom by zoom (zooms with none left out).
    [[nodiscard]] std::vector<ZoomReduction> reductions() const;
};

}  // namespace kuril::tiles

#pragma once
// The tiling engine: Web Mercator tiles of extent 4096 with a clip buffer, made by clipping each
// tile's geometry from its parent's (so the work per tile stays local), simplifying in tile units,
// snapping to the integer grid and repairing what snapping broke, then encoding MVT 2.1.
#include <cstdint>
#include <string>
#include <vector>

#include "tiles/engine/source.hpp"
#include "tiles/engine/thinning.hpp"
#include "tiles/tile_id.hpp"
#include "tiles/tileset.hpp"
#include "util/progress.hpp"

namespace kuril::tiles {

// The size map clients handle well (as other tile builders limit it): 500 KB gzip'd.
inline constexpr std::uint64_t kMaxTileBytes = 500000;

struct TileOptions {
    std::uint32_t extent = 4096;
    std::uint32_t buffer = 64;      // tile units beyond each edge
    double tolerance = 1.0;         // Douglas–Peucker tolerance, tile units
    std::int32_t min_polygon = 16;  // side of the square that stands for a polygon too small to draw
    unsigned threads = 0;           // 0: all cores
    TileAddress root{};             // tile only this tile and its descendants (a partition); 0/0/0: all
    std::uint64_t max_tile_bytes = kMaxTileBytes;  // gzip'd; larger tiles are reduced (0: no limit)
    bool keep_mvt = true;           // keep each tile uncompressed too (Tile::data), not only gzip'd
    ThinningOptions thinning;       // point features: first zooms (decided before tiling), clusters, densest first
    std::uint64_t split_bytes = 2ULL << 20U;  // a partition of mostly points larger than this is tiled in parts
};

// `layers` are consumed (shared borders are marked in place).
[[nodiscard]] TileSet make_tiles(std::vector<SourceLayer> layers, const TileOptions& options, const Progress& progress);

}  // namespace kuril::tiles

#pragma once
// Reads every tile of a PMTiles v3 archive, an MBTiles 1.3 file, a z/x/y directory or a single
// .mvt/.pbf file (as tile 0/0/0), uncompressed.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "tiles/tile_id.hpp"

namespace kuril::tiles {

struct PmtilesHeader {
    std::uint64_t root_offset, root_length, metadata_offset, metadata_length, leaf_offset, leaf_length,
        data_offset, data_length, addressed_tiles, tile_entries, tile_contents;
    std::uint8_t clustered, internal_compression, tile_compression, tile_type, min_zoom, max_zoom;
    std::int32_t min_lon_e7, min_lat_e7, max_lon_e7, max_lat_e7;
    std::uint8_t center_zoom;
    std::int32_t center_lon_e7, center_lat_e7;
};

// Throws InputError on anything that is not a well-formed archive.
[[nodiscard]] PmtilesHeader read_pmtiles_header(const std::string& archive, const std::string& name);
[[nodiscard]] nlohmann::json read_pmtiles_metadata(const std::string& archive, const std::string& name);

using TileVisitor = std::function<void(const TileAddress&, const std::string& mvt)>;
// Calls `visit` for every tile, in a stable order; returns the number of tiles.
std::uint64_t for_each_tile(const std::filesystem::path& path, const TileVisitor& visit);

}  // namespace kuril::tiles

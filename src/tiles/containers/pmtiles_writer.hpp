#pragma once
// PMTiles v3 (github.com/protomaps/PMTiles, spec/v3/spec.md): a 127-byte header, the root directory
// within the first 16 KiB, JSON metadata, leaf directories when the root would not fit, then the tile
// data clustered in tile-id order with identical tiles stored once (run lengths for consecutive ones).
// Directories, metadata and tiles are gzip-compressed.
#include <cstdint>
#include <filesystem>
#include <string>

#include "tiles/containers/metadata.hpp"
#include "tiles/tileset.hpp"

namespace kuril::tiles {

struct PmtilesStats {
    std::uint64_t addressed_tiles = 0;
    std::uint64_t entries = 0;
    std::uint64_t contents = 0;
    std::uint64_t leaf_directories = 0;
    std::uint64_t bytes = 0;
};

// The whole archive in memory; write_pmtiles() writes it atomically.
[[nodiscard]] std::string pmtiles_archive(const TileSet& set, const TilesetInfo& info, PmtilesStats* stats = nullptr);
PmtilesStats write_pmtiles(const std::filesystem::path& path, const TileSet& set, const TilesetInfo& info);

inline constexpr std::size_t kPmtilesHeaderSize = 127;
inline constexpr std::size_t kPmtilesRootLimit = 16384;  // header + root directory

}  // namespace kuril::tiles

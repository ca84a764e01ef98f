#pragma once
// Writes a tile set to the container its path names: *.pmtiles, *.mbtiles, or else a z/x/y directory.
#include <filesystem>
#include <string>

#include "tiles/containers/metadata.hpp"
#include "tiles/tileset.hpp"

namespace kuril::tiles {

enum class Container { pmtiles, mbtiles, directory };
[[nodiscard]] Container container_of(const std::filesystem::path& path);
[[nodiscard]] std::string to_string(Container c);
// Returns the bytes written (the directory: the sum of its tiles). `previous`: for a directory, the one an
// earlier run wrote, whose unchanged tiles are linked to (by default the directory `path` replaces).
std::uint64_t write_tiles(const std::filesystem::path& path, const TileSet& set, const TilesetInfo& info,
                          const std::filesystem::path& previous = {});

}  // namespace kuril::tiles

#pragma once
// A z/x/y directory: {z}/{x}/{y}.pbf (uncompressed MVT, so any static file server can serve it) and
// tiles.json (TileJSON 3.0.0), plus the metadata.json that tippecanoe writes and GDAL reads. Built beside the target and swapped in whole.
#include <filesystem>

#include "tiles/containers/metadata.hpp"
#include "tiles/tileset.hpp"

namespace kuril::tiles {

// Returns the bytes of tiles written (uncompressed, as the files hold them). `previous`: a z/x/y directory
// written before (by default `dir` itself, which this replaces); a tile whose bytes equal its file there is
// made a hard link to that file instead of a new file.
std::uint64_t write_directory(const std::filesystem::path& dir, const TileSet& set, const TilesetInfo& info,
                              const std::filesystem::path& previous = {});

}  // namespace kuril::tiles

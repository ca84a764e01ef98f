#include "tiles/containers/output.hpp"

#include "tiles/containers/directory_writer.hpp"
#include "tiles/containers/mbtiles_writer.hpp"
#include "tiles/containers/pmtiles_writer.hpp"

namespace kuril::tiles {

Container container_of(const std::filesystem::path& path) {
    const std::string ext = path.extension().string();
    if (ext == ".pmtiles") {
        return Container::pmtiles;
    }
    if (ext == ".mbtiles") {
        return Container::mbtiles;
    }
    return Container::directory;
}

std::string to_string(Container c) {
    switch (c) {
        case Container::pmtiles: return "PMTiles v3";
        case Container::mbtiles: return "MBTiles 1.3";
        case Container::directory: return "z/x/y directory";
    }
    return "?";
}

std::uint64_t write_tiles(const std::filesystem::path& path, const TileSet& set, const TilesetInfo& info,
                          const std::filesystem::path& previous) {
    switch (container_of(path)) {
        case Container::pmtiles:
            return write_pmtiles(path, set, info).bytes;
        case Container::mbtiles:
            write_mbtiles(path, set, info);
            return std::filesystem::file_size(path);
        case Container::directory:
            return write_directory(path, set, info, previous);
    }
    return 0;
}

}  // namespace kuril::tiles

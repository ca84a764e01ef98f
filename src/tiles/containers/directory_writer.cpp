#include "tiles/containers/directory_writer.hpp"

#include <fmt/format.h>

#include "tiles/gzip.hpp"
#include "util/atomic.hpp"
#include "util/error.hpp"

namespace kuril::tiles {

namespace fs = std::filesystem;

std::uint64_t write_directory(const fs::path& dir, const TileSet& set, const TilesetInfo& info) {
    StagingDir stage(dir);
    std::uint64_t bytes = 0;
    for (const auto& t : set.tiles) {
        const std::string unpacked = t.data.empty() ? gunzip(t.gz) : std::string();
        const std::string& data = t.data.empty() ? unpacked : t.data;
        bytes += data.size();
        const fs::path d = stage.path() / std::to_string(t.address.z) / std::to_string(t.address.x);
        fs::create_directories(d);
        write_file(d / fmt::format("{}.pbf", t.address.y), data);
    }
    write_file(stage.path() / "tiles.json", tilejson(set, info, "{z}/{x}/{y}.pbf"));
    write_file(stage.path() / "metadata.json", mbtiles_metadata_json(set, info));
    stage.commit();
    return bytes;
}

}  // namespace kuril::tiles

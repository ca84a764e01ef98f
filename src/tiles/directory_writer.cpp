#include "tiles/directory_writer.hpp"

#include <fstream>

#include <fmt/format.h>

#include "util/atomic.hpp"
#include "util/error.hpp"

namespace kuril::tiles {

namespace fs = std::filesystem;

void write_directory(const fs::path& dir, const TileSet& set, const TilesetInfo& info) {
    StagingDir stage(dir);
    for (const auto& t : set.tiles) {
        const fs::path d = stage.path() / std::to_string(t.address.z) / std::to_string(t.address.x);
        fs::create_directories(d);
        std::ofstream out(d / fmt::format("{}.pbf", t.address.y), std::ios::binary);
        out.write(t.data.data(), static_cast<std::streamsize>(t.data.size()));
        if (!out) {
            throw OutputError("cannot write tile " + (d / fmt::format("{}.pbf", t.address.y)).string());
        }
    }
    std::ofstream(stage.path() / "tiles.json") << tilejson(set, info, "{z}/{x}/{y}.pbf");
    std::ofstream(stage.path() / "metadata.json") << mbtiles_metadata_json(set, info);
    stage.commit();
}

}  // namespace kuril::tiles

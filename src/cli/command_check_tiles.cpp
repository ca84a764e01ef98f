#include "cli/command_check_tiles.hpp"

#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "geom/geos.hpp"
#include "tiles/mvt/checker.hpp"
#include "tiles/containers/tile_reader.hpp"
#include "util/error.hpp"

namespace kuril::cli {

std::string CommandCheckTiles::description() const {
    return "Decode every tile of a .pmtiles, .mbtiles or z/x/y directory and check it against the Mapbox Vector "
           "Tile 2.1 specification (§4.1-§4.5: layers, features, tags, values, command encoding, ring closure, "
           "winding, zero-area rings, repeated points, self-intersection). Exits 1 if any tile breaks a rule.";
}

void CommandCheckTiles::add_options(Arguments& args) {
    args.option("tiles", path_, "the tileset").required();
    args.option("--max-problems", max_problems_, "how many problems to list").show_default();
}

void CommandCheckTiles::setup() {
    if (!std::filesystem::exists(path_)) {
        throw UsageError(fmt::format("{}: no such file or directory", path_));
    }
}

Outcome CommandCheckTiles::run() {
    geom::Context ctx;
    std::size_t bad = 0;
    std::size_t listed = 0;
    std::size_t features = 0;
    const auto n = tiles::for_each_tile(path_, [&](const tiles::TileAddress& a, const std::string& data) {
        const auto t = tiles::check_tile(data, ctx);
        for (const auto& l : t.layers) {
            features += l.features.size();
        }
        if (!t.valid()) {
            ++bad;
            for (const auto& p : t.problems) {
                if (listed++ < max_problems_) {
                    std::fprintf(stderr, "%s\n", fmt::format("{}: tile {}/{}/{}: {}", path_, a.z, a.x, a.y, p).c_str());
                }
            }
        }
    });
    std::printf("%s\n", fmt::format("{}: {} tiles, {} features, {} tiles with problems", path_, n, features, bad).c_str());
    return bad == 0 ? Outcome::ok : Outcome::problems_found;
}

}  // namespace kuril::cli

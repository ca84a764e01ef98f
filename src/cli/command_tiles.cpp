#include "cli/command_tiles.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "read/vector_reader.hpp"
#include "tiles/output.hpp"
#include "tiles/tiler.hpp"
#include "util/error.hpp"

namespace kuril::cli {

std::string CommandTiles::description() const {
    return "Make Mapbox Vector Tiles (MVT 2.1, extent 4096, Web Mercator) from GDAL-readable vector inputs. "
           "The output's name chooses the container: *.pmtiles (PMTiles v3), *.mbtiles (MBTiles 1.3), anything "
           "else a {z}/{x}/{y}.pbf directory with tiles.json (TileJSON 3.0). Written atomically.";
}

void CommandTiles::add_options(CLI::App& app) {
    app.add_option("-o,--output", output_, "output: FILE.pmtiles, FILE.mbtiles or a directory")->required();
    app.add_option("inputs", inputs_, "vector inputs (GeoJSON, GeoJSONSeq, GeoPackage, Shapefile, ...)")->required();
    app.add_option("-Z,--minimum-zoom", minzoom_, "lowest zoom")->capture_default_str();
    app.add_option("-z,--maximum-zoom", maxzoom_, "highest zoom")->capture_default_str();
    app.add_option("-l,--layer", layer_, "layer name for every input (default: the input's name)");
    app.add_option("-y,--include", include_, "keep only this attribute (repeatable)");
    app.add_option("-x,--exclude", exclude_, "drop this attribute (repeatable)");
    app.add_option("-n,--name", name_, "tileset name (default: the output's name)");
    app.add_option("--attribution", attribution_, "attribution shown by map clients");
    app.add_option("-j,--threads", threads_, "threads (default: all cores)");
    app.add_flag("-q,--quiet", quiet_, "no progress output");
}

void CommandTiles::setup() {
    if (minzoom_ < 0 || maxzoom_ > 24 || minzoom_ > maxzoom_) {
        throw UsageError(fmt::format("zoom range {}..{}: need 0 <= -Z <= -z <= 24", minzoom_, maxzoom_));
    }
    for (const auto& in : inputs_) {
        if (!std::filesystem::exists(in)) {
            throw UsageError(fmt::format("input {}: no such file", in));
        }
    }
    if (!include_.empty() && !exclude_.empty()) {
        throw UsageError("give --include or --exclude, not both");
    }
    const auto parent = std::filesystem::absolute(output_).parent_path();
    if (!std::filesystem::is_directory(parent)) {
        throw UsageError(fmt::format("-o {}: directory {} does not exist", output_, parent.string()));
    }
    if (name_.empty()) {
        name_ = std::filesystem::path(output_).stem().string();
    }
}

Outcome CommandTiles::run() {
    const Progress progress(quiet_);
    const auto start = std::chrono::steady_clock::now();
    VectorReadOptions ro;
    if (!layer_.empty()) {
        ro.layer_name = layer_;
    }
    ro.include.insert(include_.begin(), include_.end());
    ro.exclude.insert(exclude_.begin(), exclude_.end());
    ro.minzoom = minzoom_;
    ro.maxzoom = maxzoom_;
    std::vector<tiles::SourceLayer> layers;
    for (const auto& in : inputs_) {
        progress.step("reading " + in);
        for (auto& l : read_vector(in, ro)) {
            // Inputs that share a layer name become one layer.
            auto it = std::find_if(layers.begin(), layers.end(), [&](const auto& x) { return x.name == l.name; });
            if (it == layers.end()) {
                layers.push_back(std::move(l));
            } else {
                for (auto& f : l.features) {
                    it->features.push_back(std::move(f));
                }
            }
        }
    }
    tiles::TileOptions options;
    options.threads = threads_;
    progress.step(fmt::format("tiling z{}-z{}", minzoom_, maxzoom_));
    const tiles::TileSet set = tiles::make_tiles(std::move(layers), options, progress);
    tiles::TilesetInfo info;
    info.name = name_;
    info.attribution = attribution_;
    info.description = "Made by kuril tiles";
    const std::uint64_t bytes = tiles::write_tiles(output_, set, info);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!quiet_) {
        std::printf("%s\n", fmt::format("kuril tiles: {} tiles z{}-z{}, {} bytes, {} -> {} ({:.2f} s)", set.tiles.size(),
                                        set.minzoom, set.maxzoom, bytes, to_string(tiles::container_of(output_)),
                                        output_, secs)
                                .c_str());
    }
    return Outcome::ok;
}

}  // namespace kuril::cli

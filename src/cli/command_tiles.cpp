#include "cli/command_tiles.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>

#include <fmt/format.h>

#include "read/vector_reader.hpp"
#include "tiles/containers/output.hpp"
#include "tiles/engine/partitioned.hpp"
#include "util/atomic.hpp"
#include "tiles/engine/tiler.hpp"
#include "util/error.hpp"

namespace kuril::cli {

namespace fs = std::filesystem;

namespace {

// Features without a position (null or empty geometry) have nothing to tile: never dropped silently, they
// are counted per input and reported once, with the first of them, even under --quiet.
class Unlocated {
public:
    explicit Unlocated(std::string input) : input_(std::move(input)) {}
    Unlocated(const Unlocated&) = delete;
    Unlocated& operator=(const Unlocated&) = delete;
    void report() const {
        if (count_ > 0) {
            std::fprintf(stderr, "%s\n",
                         fmt::format("warning: {}: {} feature(s) without a position (null or empty geometry) are not "
                                     "in the tiles; the first: {}",
                                     input_, count_, first_)
                             .c_str());
        }
    }
    [[nodiscard]] std::function<void(const Location&)> callback() {
        return [this](const Location& where) {
            if (count_++ == 0) first_ = where.record;
        };
    }

private:
    std::string input_;
    std::size_t count_ = 0;
    std::string first_;
};

}  // namespace

std::string CommandTiles::description() const {
    return "Make Mapbox Vector Tiles (MVT 2.1, extent 4096, Web Mercator) from GeoJSON in any of its forms or any "
           "other GDAL-readable vector input. "
           "The output's name chooses the container: *.pmtiles (PMTiles v3), *.mbtiles (MBTiles 1.3), anything "
           "else a {z}/{x}/{y}.pbf directory with tiles.json (TileJSON 3.0). Written atomically.";
}

void CommandTiles::add_options(Arguments& args) {
    args.option("-o,--output", output_, "output: FILE.pmtiles, FILE.mbtiles or a directory").required();
    args.option("inputs", inputs_,
                "vector inputs: GeoJSON (a FeatureCollection, a Feature, a geometry, or any sequence of them: "
                "newline-delimited, RFC 8142, concatenated, pretty-printed; also .gz), FlatGeobuf, GeoPackage, "
                "Shapefile, ...")
        .required();
    args.option("-Z,--minimum-zoom", minzoom_, "lowest zoom").show_default();
    args.option("-z,--maximum-zoom", maxzoom_text_, "highest zoom; g (-zg): guessed from the points' spacing").show_default();
    args.option("-B,--base-zoom", base_zoom_text_,
                "point features: every point at this zoom and deeper (default: the highest zoom); g: the lowest zoom "
                "whose densest tile holds at most 50,000 points");
    args.option("-r,--drop-rate", drop_rate_text_,
                "point features: each zoom above the base zoom keeps 1/RATE of the next one's points (default 2.5; 1: "
                "every point at every zoom); g: the rate at which the densest tile's count falls from z0 to the base zoom");
    args.flag("--drop-densest-as-needed", thinning_.drop_densest,
              "a tile over the size limit loses points where they are densest first (the spacing kept between "
              "points grows until the tile fits)");
    args.option("--cluster-distance", thinning_.cluster_distance,
                "point features: below the highest zoom, points closer than this many pixels (of a 256-pixel tile) "
                "are one feature with the count of the points it stands for (point_count)");
    args.option("-l,--layer", layer_, "layer name for every input (default: the input's name)");
    args.option("-y,--include", include_, "keep only this attribute (repeatable)");
    args.option("-x,--exclude", exclude_, "drop this attribute (repeatable)");
    args.option("-n,--name", name_, "tileset name (default: the output's name)");
    args.option("--attribution", attribution_, "attribution shown by map clients");
    args.option("-j,--threads", threads_, "threads (default: all cores)");
    args.option("--partition-zoom", partition_zoom_,
                   "stream the inputs into tiles of this zoom (1-4) on disk and tile them largest first, small ones side by side, for inputs "
                   "larger than memory; 0: all in memory; default: chosen by the inputs' size (from 64 MB)");
    args.option("--max-tile-bytes", max_tile_bytes_,
                "largest tile, gzip'd: a larger one is simplified further, then loses its smallest features until "
                "it fits (reported per zoom, and in the metadata); 0: no limit")
        .show_default();
    args.flag("-q,--quiet", quiet_, "no progress output");
}

// -z, -B and -r in the reference tile builder's vocabulary: a number, or g to guess it from the points.
void CommandTiles::parse_thinning() {
    const auto number = [](const std::string& option, const std::string& text) {
        try {
            std::size_t used = 0;
            const double v = std::stod(text, &used);
            if (used == text.size()) return v;
        } catch (const std::exception&) {
        }
        throw UsageError(fmt::format("{} {}: a number or g", option, text));
    };
    thinning_.guess_maxzoom = maxzoom_text_ == "g";
    maxzoom_ = thinning_.guess_maxzoom ? 14 : static_cast<int>(number("-z", maxzoom_text_));
    thinning_.guess_base = base_zoom_text_ == "g";
    if (!base_zoom_text_.empty() && !thinning_.guess_base) thinning_.base_zoom = static_cast<int>(number("-B", base_zoom_text_));
    thinning_.guess_rate = drop_rate_text_ == "g";
    if (!drop_rate_text_.empty() && !thinning_.guess_rate) thinning_.drop_rate = number("-r", drop_rate_text_);
    if (drop_rate_text_.empty() && thinning_.cluster_distance > 0) thinning_.drop_rate = 1;  // clusters count every point
    if (thinning_.drop_rate < 1) throw UsageError(fmt::format("-r {}: a drop rate is at least 1", drop_rate_text_));
    if (thinning_.cluster_distance < 0) throw UsageError(fmt::format("--cluster-distance {}: not negative", thinning_.cluster_distance));
    if (thinning_.base_zoom > maxzoom_ || (thinning_.base_zoom >= 0 && thinning_.base_zoom < minzoom_)) {
        throw UsageError(fmt::format("-B {}: between -Z and -z", thinning_.base_zoom));
    }
}

void CommandTiles::setup() {
    parse_thinning();
    if (minzoom_ < 0 || maxzoom_ > 24 || minzoom_ > maxzoom_) {
        throw UsageError(fmt::format("zoom range {}..{}: need 0 <= -Z <= -z <= 24", minzoom_, maxzoom_));
    }
    for (const auto& in : inputs_) {
        if (!std::filesystem::exists(in)) {
            throw UsageError(fmt::format("input {}: no such file", in));
        }
    }
    if (partition_zoom_ > tiles::kMaxPartitionZoom || partition_zoom_ > maxzoom_) {
        throw UsageError(fmt::format("--partition-zoom {}: at most {} and at most -z", partition_zoom_,
                                     tiles::kMaxPartitionZoom));
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

VectorReadOptions CommandTiles::read_options() const {
    VectorReadOptions ro;
    if (!layer_.empty()) {
        ro.layer_name = layer_;
    }
    ro.include.insert(include_.begin(), include_.end());
    ro.exclude.insert(exclude_.begin(), exclude_.end());
    ro.minzoom = minzoom_;
    ro.maxzoom = maxzoom_;
    ro.threads = threads_;
    return ro;
}

tiles::TileOptions CommandTiles::tile_options() const {
    tiles::TileOptions options;
    options.threads = threads_;
    options.max_tile_bytes = max_tile_bytes_;
    options.thinning = thinning_;
    return options;
}

// Tiles kept under the size limit are reported zoom by zoom, after the summary (not under --quiet), and
// in the metadata (kuril:size_limit).
void CommandTiles::report_reductions(const tiles::TileSet& set) const {
    if (quiet_) return;
    for (const auto& r : set.reductions()) {
        std::printf("%s\n", fmt::format("kuril tiles: z{}: {} tile(s) over {} bytes gzip'd simplified further; {} of them lost {} smallest "
                                  "feature(s) to fit",
                                  r.zoom, r.tiles, max_tile_bytes_, r.tiles_with_drops, r.features_dropped)
                                .c_str());
    }
}

// How the points were thinned, after the summary (not under --quiet), as the metadata has it (kuril:points).
void CommandTiles::report_thinning(const tiles::TileSet& set) const {
    if (quiet_ || !set.thinning) return;
    const auto& t = *set.thinning;
    std::string kept;
    for (int z = t.minzoom; z <= t.maxzoom; ++z) kept += fmt::format("{}z{} {}", kept.empty() ? "" : ", ", z, t.kept(z));
    std::printf("%s\n", fmt::format("kuril tiles: {} point features: base zoom {}{}, drop rate {:.3g}{}{}; points per zoom: {}",
                                    t.points, t.base_zoom, t.guessed_base ? " (guessed)" : "", t.drop_rate,
                                    t.guessed_rate ? " (guessed)" : "",
                                    t.guessed_maxzoom ? fmt::format(", maximum zoom {} (guessed)", t.maxzoom) : "", kept)
                             .c_str());
}

tiles::TileSet CommandTiles::tile_in_memory(const Progress& progress) const {
    std::vector<tiles::SourceLayer> layers;
    for (const auto& in : inputs_) {
        progress.step("reading " + in);
        Unlocated unlocated(in);
        for (auto& l : read_vector(in, read_options(), unlocated.callback())) {
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
        unlocated.report();
    }
    tiles::TileOptions options = tile_options();
    std::optional<tiles::PointThinningReport> thinning;
    if (std::any_of(layers.begin(), layers.end(), [](const tiles::SourceLayer& l) {
            return std::any_of(l.features.begin(), l.features.end(), [](const tiles::SourceFeature& f) { return f.kind == tiles::GeomKind::point; });
        })) {
        thinning = tiles::thin_points(layers, thinning_);
    }
    progress.step(fmt::format("tiling z{}-z{}", minzoom_, thinning ? thinning->maxzoom : maxzoom_));
    tiles::TileSet set = tiles::make_tiles(std::move(layers), options, progress);
    set.thinning = thinning;
    return set;
}

tiles::TileSet CommandTiles::tile_partitioned(int zoom, const Progress& progress) const {
    // Never committed: removed on the way out, whatever happens (stale ones are removed by run()).
    const StagingDir spill(fs::absolute(output_ + ".spill"));
    tiles::PartitionedTiler tiler(tile_options(), zoom, spill.path());
    std::size_t count = 0;
    for (const auto& in : inputs_) {
        progress.step(fmt::format("reading {} into partitions at z{}", in, zoom));
        std::size_t layer = 0;
        Unlocated unlocated(in);
        VectorSink sink;
        sink.unlocated = unlocated.callback();
        sink.layer = [&](const std::string& name) { layer = tiler.layer(name, minzoom_, maxzoom_); };
        sink.feature = [&](tiles::SourceFeature&& f) {
            tiler.add(layer, std::move(f));
            if (++count % 100000 == 0) {
                progress.step(fmt::format("{} features read, {} MB spilled", count, tiler.spilled_bytes() >> 20U));
            }
        };
        read_vector(in, read_options(), sink);
        unlocated.report();
    }
    return tiler.finish(progress);
}

Outcome CommandTiles::run() {
    const Progress progress(quiet_);
    const auto start = std::chrono::steady_clock::now();
    remove_stale_staging(fs::absolute(output_ + ".spill"));
    int zoom = partition_zoom_;
    if (zoom < 0) {
        std::uint64_t bytes = 0;
        for (const auto& in : inputs_) {
            std::error_code ec;
            const auto n = fs::file_size(in, ec);
            bytes += ec ? 0 : n;
        }
        zoom = tiles::partition_zoom_for(bytes, maxzoom_);
    }
    const tiles::TileSet set = zoom > 0 ? tile_partitioned(zoom, progress) : tile_in_memory(progress);
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
    report_reductions(set);
    report_thinning(set);
    return Outcome::ok;
}

}  // namespace kuril::cli

#include "cli/command_build.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "derive/atlas.hpp"
#include "maps/palette.hpp"
#include "maps/renderer.hpp"
#include "maps/text.hpp"
#include "plan/build_plan.hpp"
#include "tiles/engine/layer_source.hpp"
#include "tiles/containers/output.hpp"
#include "tiles/engine/tiler.hpp"
#include "model/region.hpp"
#include "util/atomic.hpp"
#include "util/parallel.hpp"
#include "write/geojson_writer.hpp"
#include "write/glyph_pbf.hpp"
#include "write/gpkg_writer.hpp"

namespace kuril::cli {

namespace fs = std::filesystem;

std::string CommandBuild::description() const {
    return "Build the dataset from geodata/ into output/: GeoJSON layers (RFC 7946) in output/geojson/, the same "
           "layers in output/kuril.gpkg with QGIS styles and temporal settings, snapshots for each epoch of "
           "events.csv and today, vector tiles, the web viewer and the print maps. output/ is replaced in one step, "
           "only when everything was written.";
}

void CommandBuild::add_options(Arguments& args) {
    options_.add(args);
    args.option("-o,--output", output_, "output directory, replaced whole on success").show_default();
    args.option("--styles", styles_, "directory of the QGIS .qml styles stored in the GeoPackage")
        .show_default();
    args.flag("--no-tiles", no_tiles_, "skip the vector tiles (output/tiles/)");
    args.option("--web", web_, "where the viewer's page (viewer/) and npm packages (node_modules/) are")
        .show_default();
    args.flag("--no-viewer", no_viewer_, "skip the web viewer (output/viewer/)");
    args.flag("--no-maps", no_maps_, "skip the print maps (output/maps/)");
}

void CommandBuild::setup() {
    options_.check();
    if (!fs::is_directory(styles_)) {
        throw UsageError(fmt::format("--styles {}: not a directory", styles_));
    }
    if (!no_viewer_) {
        for (const auto& f : plan::viewer_files()) {
            if (!fs::exists(fs::path(web_) / f.from)) {
                throw UsageError(fmt::format("--web {}: no {} (run scripts/setup.sh, which runs npm ci and npm run build there, or pass "
                                             "--no-viewer)",
                                             web_, f.from));
            }
        }
        for (const auto& face : plan::label_fonts()) {
            if (!fs::exists(face.file)) {
                throw UsageError(fmt::format("no font {} for the map labels (run scripts/setup.sh, which installs it, "
                                             "or pass --no-viewer)",
                                             face.file.string()));
            }
        }
    }
    const fs::path out(output_);
    if (out.filename().empty() || output_ == "." || output_ == "/") {
        throw UsageError(fmt::format("--output {}: name a directory that the build may replace", output_));
    }
}

Outcome CommandBuild::run() {
    const Progress progress(options_.quiet);
    const fs::path output = fs::absolute(output_).lexically_normal();
    remove_stale_staging(output);
    const Date today = options_.today_date();
    geom::Context ctx;
    const Atlas atlas(ctx, options_.files(), kKurilRegion, today, progress);

    const std::vector<Layer> layers = plan::derive_layers(atlas, progress);

    fs::create_directories(output.parent_path());
    std::size_t features = 0;
    std::size_t tile_count = 0;
    try {
        StagingDir stage(output);
        // The tiles beside everything else, on a thread and a GEOS context of their own: the two share
        // only the layers, which both read. Each stage's threads fill the cores the other leaves idle (the
        // z/x/y files are written on one thread, mostly in the kernel).
        std::vector<std::function<void()>> tasks{
            [&] { features = write_outputs(ctx, atlas, layers, stage.path(), progress); }};
        if (!no_tiles_) {
            tasks.emplace_back([&] {
                const geom::Context tiles_ctx;
                tile_count = write_tilesets(tiles_ctx, layers, atlas.today(), stage.path() / "tiles", output / "tiles", progress);
            });
        }
        run_together(tasks);
        stage.commit();
    } catch (const OutputError& e) {
        // The staging directory is gone with `stage`; the previous build was never touched.
        throw OutputError(fmt::format("{} (the previous {} is left as it was)", e.what(), output_));
    } catch (const fs::filesystem_error& e) {
        throw OutputError(fmt::format("{} (the previous {} is left as it was)", e.what(), output_));
    }
    if (!options_.quiet) {
        std::printf("kuril build: %zu layers, %zu features, %zu tiles, today = %s -> %s\n", layers.size(), features,
                    tile_count, today.iso().c_str(), output_.c_str());
    }
    return Outcome::ok;
}

// Everything but the tiles, into the staging directory `dir`; returns the number of features written.
std::size_t CommandBuild::write_outputs(const geom::Context& ctx, const Atlas& atlas, const std::vector<Layer>& layers,
                                        const fs::path& dir, const Progress& progress) const {
    const Date today = atlas.today();
    fs::create_directories(dir / "geojson");
    std::size_t features = 0;
    for (const auto& layer : layers) {
        progress.step(fmt::format("writing geojson/{}.geojson ({} features)", layer.name, layer.features.size()));
        write_file(dir / "geojson" / (layer.name + ".geojson"), geojson_text(ctx, layer));
        features += layer.features.size();
    }
    if (!no_maps_) {
        write_maps(atlas, layers, dir / "maps", today, progress);
    }
    GpkgOptions gpkg;
    gpkg.timestamp = today;
    gpkg.metadata = plan::dataset_metadata(today);
    std::vector<const Layer*> ptrs;
    for (const auto& layer : layers) {
        ptrs.push_back(&layer);
        if (const fs::path qml = plan::layer_style(styles_, layer); !qml.empty()) {
            gpkg.qml[layer.name] = read_file(qml);
        }
    }
    progress.step("writing kuril.gpkg");
    write_gpkg(ctx, dir / "kuril.gpkg", ptrs, gpkg);
    // The QGIS project beside it (made by scripts/make_qgis_project.py): its time range runs to today.
    if (const fs::path qgs = fs::path(styles_) / "kuril.qgs"; fs::exists(qgs)) {
        write_file(dir / "kuril.qgs", plan::qgis_project(read_file(qgs), today));
    }

    if (!no_viewer_) {
        progress.step("writing viewer/");
        write_viewer(dir / "viewer", layers, progress);
    }
    return features;
}

void CommandBuild::write_viewer(const fs::path& dir, const std::vector<Layer>& layers, const Progress& progress) const {
    fs::create_directories(dir);
    for (const auto& f : plan::viewer_files()) {
        fs::create_directories((dir / f.to).parent_path());
        copy_file_contents(fs::path(web_) / f.from, dir / f.to);
    }
    copy_file_contents(fs::path(styles_) / "kuril.maplibre.json", dir / "kuril.style.json");
    // Every name the label layers (islands and places) can show, in any language.
    std::set<char32_t> wanted;
    for (const auto& layer : layers) {
        if (!plan::has_label_names(layer)) continue;
        for (const auto& feature : layer.features) {
            layer.for_each_attribute(feature, [&](const Layer::Attribute& a) {
                if (a.field.name.rfind("name_", 0) != 0) return;
                if (const auto* text = std::get_if<std::string>(&a.value)) add_code_points(*text, wanted);
            });
        }
    }
    progress.step(fmt::format("writing viewer/fonts/ (SDF glyphs for {} code points)", wanted.size()));
    const GlyphRangeStats stats = write_glyph_ranges(dir / "fonts", plan::label_fonts(), wanted);
    if (stats.missing > 0) {
        throw OutputError(fmt::format("{} code point(s) of the label names are in none of the label fonts ({})",
                                      stats.missing, fontstack_name(plan::label_fonts())));
    }
}

// One map per epoch of events.csv in the neutral view and today's in each point of view (PDF and SVG, with
// their label boxes), and the atlas: the epochs and today, a page each, then the small multiples. The
// sheets are drawn in parallel, each thread with its own GEOS context; what they move onto sheets is shared.
void CommandBuild::write_maps(const Atlas& atlas, const std::vector<Layer>& layers, const fs::path& dir,
                              const Date& today, const Progress& progress) const {
    fs::create_directories(dir);
    const maps::MapData data = maps::map_data(atlas, layers);
    const maps::Palette palette = maps::read_palette(fs::path(styles_) / "palette.json");
    const maps::Catalogues words = maps::Catalogues::read(fs::path(styles_) / "po");
    const plan::MapPlan plan = plan::map_plan(atlas);
    progress.step(fmt::format("writing maps/ ({} maps and the atlas)", plan.jobs.size() - 1));
    maps::SheetStore sheets;  // shared: the threads draw the same sheets
    struct Worker {
        explicit Worker(maps::SheetStore& sheets) : cache(*ctx, sheets) {}
        Worker(const Worker&) = delete;
        Worker& operator=(const Worker&) = delete;
        ~Worker() { maps::release_thread_fonts(); }  // on the thread that drew
        std::unique_ptr<geom::Context> ctx = std::make_unique<geom::Context>();
        maps::SheetCache cache;
    };
    std::vector<std::vector<std::string>> unplaced(plan.jobs.size());  // reported in the plan's order
    parallel_for(plan.jobs.size(), 0, [&] { return std::make_unique<Worker>(sheets); },
                 [&](std::size_t i, std::unique_ptr<Worker>& w) {
                     const plan::MapJob& job = plan.jobs[i];
                     if (job.atlas()) {
                         (void)maps::render_atlas(atlas, data, w->cache, plan.pages, palette, words, dir / job.file, today);
                         return;
                     }
                     const maps::MapResult r = maps::render_map(atlas, data, w->cache, plan.sheets[job.sheet], palette, words,
                                                                dir / job.file, today);
                     if (job.file.ends_with(".pdf")) {
                         maps::write_label_boxes(dir / (job.file.substr(0, job.file.size() - 4) + ".labels.json"), r);
                         unplaced[i] = r.unplaced;
                     }
                 });
    for (std::size_t i = 0; i < plan.jobs.size(); ++i) {
        for (const auto& u : unplaced[i]) std::fprintf(stderr, "kuril build: maps/%s: no room for the label %s\n", plan.jobs[i].file.c_str(), u.c_str());
    }
}

std::size_t CommandBuild::write_tilesets(const geom::Context& ctx, const std::vector<Layer>& layers, const Date& today,
                                         const std::filesystem::path& dir, const std::filesystem::path& previous,
                                         const Progress& progress) const {
    progress.step("making vector tiles");
    std::vector<tiles::SourceLayer> sources;
    for (const Layer* layer : plan::tile_layers(layers)) {
        sources.push_back(tiles::source_layer(ctx, *layer, layer->tiles->minzoom, layer->tiles->maxzoom));
    }
    const tiles::TileSet tileset = tiles::make_tiles(std::move(sources), tiles::TileOptions{}, progress);
    const tiles::TilesetInfo info = plan::tileset_info(plan::dataset_metadata(today));
    fs::create_directories(dir);
    // The three containers at once: each only reads the tile set (the z/x/y directory is mostly the
    // kernel's work, linking and unlinking files; the others are a file each).
    progress.step("writing tiles/ (kuril.pmtiles, kuril.mbtiles, xyz)");
    std::vector<std::function<void()>> writers;
    for (const char* name : {"xyz", "kuril.mbtiles", "kuril.pmtiles"}) {
        writers.emplace_back([&, name] { (void)tiles::write_tiles(dir / name, tileset, info, previous / name); });
    }
    run_together(writers);
    return tileset.tiles.size();
}

}  // namespace kuril::cli

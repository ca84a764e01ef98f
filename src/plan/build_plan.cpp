#include "plan/build_plan.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "derive/atlas.hpp"

namespace kuril::plan {

namespace {

// The layers in the vector tiles, in the tiles' order, and their zooms. Dated polygons stop at z10: the
// web map overzooms them (MapLibre draws z10 tiles at any higher zoom) while coastlines, boundaries and
// labels go to z14. The context land stops at z8 (GSHHG high resolution is good to about 200 m, a z8 tile
// unit about 25 m), the coastline at z12.
struct TiledLayer {
    const char* name;
    ZoomRange zooms;
};
const TiledLayer kTiled[] = {{"context", {0, 8}},       {"coastline", {0, 12}},   {"islands", {0, 14}},
                             {"labels", {0, 14}},       {"boundaries", {0, 14}},  {"territories", {0, 10}},
                             {"sovereignty", {0, 10}},  {"views", {0, 10}},       {"places", {0, 14}}};

}  // namespace

std::vector<Layer> derive_layers(const Atlas& atlas, const Progress& progress) {
    progress.step("deriving layers");
    std::vector<Layer> layers;
    layers.push_back(atlas.context_land());
    layers.push_back(atlas.coastline());
    layers.push_back(atlas.islands());
    layers.push_back(atlas.labels());
    layers.push_back(atlas.territories());
    layers.push_back(atlas.sovereignty());
    layers.push_back(atlas.views());
    layers.push_back(atlas.places());
    layers.push_back(atlas.epochs());
    progress.step("deriving boundary lines");
    layers.push_back(atlas.boundaries());
    progress.step("dissolving snapshots");
    for (const Event* e : atlas.dataset().epochs()) {
        layers.push_back(atlas.snapshot(*e->epoch, fmt::format("snapshot_{}", e->epoch->year())));
    }
    layers.push_back(atlas.snapshot(atlas.today(), "snapshot_today"));
    for (auto& layer : layers) {
        for (const auto& t : kTiled) {
            if (layer.name == t.name) layer.tiles = t.zooms;
        }
    }
    return layers;
}

std::vector<const Layer*> tile_layers(const std::vector<Layer>& layers) {
    std::vector<const Layer*> out;
    for (const auto& t : kTiled) {
        const auto it = std::find_if(layers.begin(), layers.end(), [&](const Layer& l) { return l.name == t.name; });
        if (it != layers.end() && it->tiles) out.push_back(&*it);
    }
    return out;
}

tiles::TilesetInfo tileset_info() {
    tiles::TilesetInfo info;
    info.name = "kuril";
    info.description = "Kuril Atlas: islands, sovereignty by date and treaty boundaries, 1855 to today";
    info.attribution = "Coastline: GSHHG 2.3.7 full and high resolution (LGPL-3.0, Wessel & Smith); history: Kuril Atlas, "
                       "sources per record";
    info.version = "1.0.0";
    return info;
}

std::filesystem::path layer_style(const std::filesystem::path& styles, const Layer& layer) {
    const bool snapshot = layer.name.rfind("snapshot_", 0) == 0;
    const std::filesystem::path qml = styles / ((snapshot ? std::string("snapshot") : layer.name) + ".qml");
    return std::filesystem::exists(qml) ? qml : std::filesystem::path();
}

std::string qgis_project(std::string project, const Date& today) {
    // scripts/make_qgis_project.py writes this placeholder as the end of the project's time range.
    const std::string placeholder = "2999-12-31T00:00:00Z";
    if (const auto at = project.find(placeholder); at != std::string::npos) {
        project.replace(at, placeholder.size(), today.iso() + "T00:00:00Z");
    }
    return project;
}

const std::vector<ViewerFile>& viewer_files() {
    static const std::vector<ViewerFile> files{
        {"viewer/index.html", "index.html"},
        {"viewer/viewer.js", "viewer.js"},
        {"viewer/viewer.css", "viewer.css"},
        {"node_modules/maplibre-gl/dist/maplibre-gl.js", "maplibre-gl.js"},
        {"node_modules/maplibre-gl/dist/maplibre-gl.css", "maplibre-gl.css"},
        {"node_modules/maplibre-gl/LICENSE.txt", "LICENSE-maplibre-gl.txt"},
        {"node_modules/pmtiles/dist/pmtiles.js", "pmtiles.js"},
        {"node_modules/pmtiles/package.json", "pmtiles-package.json"},
        // Example pages for other map clients (README, "Any map client"), each with its npm build.
        {"viewer/examples/index.html", "examples/index.html"},
        {"viewer/examples/kuril-dates.js", "examples/kuril-dates.js"},
        {"viewer/examples/openlayers.html", "examples/openlayers.html"},
        {"examples-src/openlayers.mjs", "examples/openlayers.mjs"},
        {"build/openlayers.js", "examples/openlayers.js"},  // the above with ol and ol-pmtiles (npm run build)
        {"node_modules/ol/ol.css", "examples/ol.css"},
        {"node_modules/ol/LICENSE.md", "examples/LICENSE-ol.md"},
        {"node_modules/ol-pmtiles/package.json", "examples/ol-pmtiles-package.json"},
        {"viewer/examples/leaflet.html", "examples/leaflet.html"},
        {"viewer/examples/leaflet-example.js", "examples/leaflet-example.js"},
        {"node_modules/leaflet/dist/leaflet.js", "examples/leaflet.js"},
        {"node_modules/leaflet/dist/leaflet.css", "examples/leaflet.css"},
        {"node_modules/leaflet/LICENSE", "examples/LICENSE-leaflet.txt"},
        {"node_modules/protomaps-leaflet/dist/protomaps-leaflet.js", "examples/protomaps-leaflet.js"},
        {"node_modules/protomaps-leaflet/LICENSE", "examples/LICENSE-protomaps-leaflet.txt"},
        {"viewer/examples/deckgl.html", "examples/deckgl.html"},
        {"examples-src/deckgl.mjs", "examples/deckgl.mjs"},
        {"build/deckgl.js", "examples/deckgl.js"},  // the above with @deck.gl/* (npm run build)
        {"node_modules/@deck.gl/core/LICENSE", "examples/LICENSE-deck.gl.txt"}};
    return files;
}

const std::vector<FontStackFace>& label_fonts() {
    static const std::vector<FontStackFace> stack{
        {"Noto Sans Regular", "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"},
        {"IPAGothic Regular", "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"}};
    return stack;
}

bool has_label_names(const Layer& layer) { return layer.name == "labels" || layer.name == "places"; }

MapPlan map_plan(const Atlas& atlas) {
    MapPlan plan;
    auto spec_of = [&](const Date& day, const char* view) {
        maps::MapSpec spec;
        spec.date = day;
        spec.view = view;
        spec.extent = maps::parse_extent("chain");
        return spec;
    };
    for (const Event* e : atlas.dataset().epochs()) plan.sheets.push_back(spec_of(*e->epoch, "neutral"));
    for (const char* view : {"neutral", "japan", "russia"}) plan.sheets.push_back(spec_of(atlas.today(), view));
    plan.pages.assign(plan.sheets.begin(), plan.sheets.end() - 2);
    plan.jobs.push_back({std::string::npos, "kuril-atlas.pdf"});
    for (std::size_t i = 0; i < plan.sheets.size(); ++i) {
        const auto& spec = plan.sheets[i];
        const std::string stem =
            fmt::format("kuril-{}-{}", spec.date == atlas.today() ? "today" : spec.date.iso(), spec.view);
        plan.jobs.push_back({i, stem + ".pdf"});
        plan.jobs.push_back({i, stem + ".svg"});
    }
    return plan;
}

}  // namespace kuril::plan

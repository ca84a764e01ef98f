#include "plan/build_plan.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "derive/atlas.hpp"
#include "model/dataset.hpp"
#include "util/version.hpp"

namespace kuril::plan {

namespace {

// The layers in the vector tiles, in the tiles' order, and their zooms. The record's land, lines and points stop
// at z12: GSHHG full resolution is good to about 100 m and a z12 tile unit is under 2 m, so deeper tiles would
// repeat the same vertices (web maps overzoom z12 tiles). Dated polygons stop at z10 and the context land
// (GSHHG high, about 200 m) at z8; the MapLibre style draws them from sources whose maxzoom says so
// (styles/kuril.maplibre.json: kuril-dated, kuril-context), so the map overzooms those tiles too.
struct TiledLayer {
    const char* name;
    ZoomRange zooms;
};
const TiledLayer kTiled[] = {{"context", {0, 8}},       {"coastline", {0, 12}},   {"islands", {0, 12}},
                             {"labels", {0, 12}},       {"boundaries", {0, 12}},  {"territories", {0, 10}},
                             {"sovereignty", {0, 10}},  {"views", {0, 10}},       {"places", {0, 12}}};

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

DatasetMetadata dataset_metadata(const Date& today) {
    DatasetMetadata m;
    m.title = "Kuril Atlas";
    m.abstract = "Who held and who claimed each island of the Kuril archipelago and each part of Sakhalin from the "
                 "Treaty of Shimoda (1855-02-07) to today, in the neutral, Japanese and Russian points of view, with "
                 "the treaty boundary lines derived from the coastline. Every record cites its sources "
                 "(geodata/sources.csv); the history and the choices made where sources disagree are in "
                 "docs/history.md, every layer and field in docs/layers.md.";
    m.attribution = "Kuril Atlas " + std::string(kVersion) + " (CC BY 4.0); coastline GSHHG 2.3.7, Wessel & Smith (LGPL-3.0)";
    m.rights = "The record and what is derived from it: Creative Commons Attribution 4.0 International (CC BY 4.0). "
               "The land geometry: GSHHG 2.3.7 (Wessel and Smith 1996), GNU LGPL-3.0-or-later.";
    m.licenses = {"CC-BY-4.0", "LGPL-3.0-or-later"};
    m.version = std::string(kVersion);
    m.homepage = "docs/layers.md";
    m.keywords = {"Kuril Islands", "Chishima", "Sakhalin", "Karafuto", "Hokkaido", "sovereignty", "territorial dispute",
                  "treaty boundaries", "historical GIS"};
    m.start = kTimelineStart;
    m.end = today;
    return m;
}

tiles::TilesetInfo tileset_info(const DatasetMetadata& meta) {
    tiles::TilesetInfo info;
    info.name = "kuril";
    info.description = meta.title + ": islands, sovereignty by date and treaty boundaries, " + meta.start.iso() +
                       " to " + meta.end.iso();
    info.attribution = meta.attribution;
    info.version = meta.version;
    info.license = "CC-BY-4.0 AND LGPL-3.0-or-later";
    return info;
}

std::filesystem::path layer_style(const std::filesystem::path& styles, const Layer& layer) {
    const bool snapshot = layer.name.rfind("snapshot_", 0) == 0;
    const std::filesystem::path qml = styles / ((snapshot ? std::string("snapshot") : layer.name) + ".qml");
    return std::filesystem::exists(qml) ? qml : std::filesystem::path();
}

std::string qgis_project(std::string project, const Date& today) {
    // scripts/make_qgis_project.py writes this placeholder as the end of the project's time range and of each
    // dated layer's metadata.
    const std::string placeholder = "2999-12-31T00:00:00Z";
    const std::string end = today.iso() + "T00:00:00Z";
    for (auto at = project.find(placeholder); at != std::string::npos; at = project.find(placeholder, at)) {
        project.replace(at, placeholder.size(), end);
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

#pragma once
// What `kuril build` makes of the atlas, decided here and not in the command: the layers and the zooms of
// their vector tiles, the tileset's metadata, the viewer's files and label fonts, the QGIS project's dates
// and the print maps (one per epoch of events.csv, and today's in each point of view). The command wires
// these to the writers; a new layer or output is added here, not in cli/.
#include <filesystem>
#include <string>
#include <vector>

#include "maps/map_spec.hpp"
#include "model/metadata.hpp"
#include "model/layer.hpp"
#include "tiles/containers/metadata.hpp"
#include "util/progress.hpp"
#include "write/glyph_pbf.hpp"

namespace kuril {
class Atlas;
}

namespace kuril::plan {

// Every layer of the build, in the order of output/geojson/ and the GeoPackage: the atlas's layers, the
// boundary lines, a snapshot per epoch and today's. The layers of the vector tiles carry their zooms.
[[nodiscard]] std::vector<Layer> derive_layers(const Atlas& atlas, const Progress& progress);

// The layers of the vector tiles, in the order of the tiles' layers.
[[nodiscard]] std::vector<const Layer*> tile_layers(const std::vector<Layer>& layers);
// What the dataset says of itself in every output's metadata: title, abstract, attribution, licences
// (the record CC BY 4.0, the land GSHHG's LGPL-3.0), the version of `kuril --version`, keywords and the
// record's time range, 1855-02-07 to `today`.
[[nodiscard]] DatasetMetadata dataset_metadata(const Date& today);
// The tiles' metadata (TileJSON, PMTiles, MBTiles), from dataset_metadata.
[[nodiscard]] tiles::TilesetInfo tileset_info(const DatasetMetadata& meta);

// The QGIS .qml style of a layer in `styles` (the snapshots share one), empty if there is none.
[[nodiscard]] std::filesystem::path layer_style(const std::filesystem::path& styles, const Layer& layer);
// The QGIS project (styles/kuril.qgs) with its time range running to `today`.
[[nodiscard]] std::string qgis_project(std::string project, const Date& today);

// The viewer's files: from web/ (the page, the examples) and web/node_modules/ (npm, never a CDN).
struct ViewerFile {
    std::string from;  // relative to web/
    std::string to;    // relative to output/viewer/
};
[[nodiscard]] const std::vector<ViewerFile>& viewer_files();
// The style's label font stack ("text-font" in styles/kuril.maplibre.json): Debian's Noto Sans for Latin
// and Cyrillic, IPAGothic for the Japanese names.
[[nodiscard]] const std::vector<FontStackFace>& label_fonts();
// The layers whose names the viewer's glyph ranges must cover.
[[nodiscard]] bool has_label_names(const Layer& layer);

// The print maps: each epoch in the neutral view and today in every view, as PDF (with its label boxes)
// and SVG, and the atlas (the epochs and today, a page each, then the small multiples).
struct MapJob {
    std::size_t sheet;  // index in MapPlan::sheets; npos: the atlas
    std::string file;   // in output/maps/
    [[nodiscard]] bool atlas() const { return sheet == std::string::npos; }
};
struct MapPlan {
    std::vector<maps::MapSpec> sheets;
    std::vector<maps::MapSpec> pages;  // the atlas's pages: the epochs and today, neutral
    std::vector<MapJob> jobs;          // the longest (the atlas) first
};
[[nodiscard]] MapPlan map_plan(const Atlas& atlas);

}  // namespace kuril::plan

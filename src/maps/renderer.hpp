#pragma once
// Print maps on Cairo (PDF, SVG, PNG): land coloured by holder on a day in one point of view, the lines
// in force, the names of that day, graticule, scale bar, legend, a locator map, title, sources, and for the
// whole chain an inset of Shikotan and the Habomai islets. The layers are derived once (MapData) and shared by every map;
// features are moved onto each sheet once (MapData::sheet_cache).
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "derive/atlas.hpp"
#include "maps/label_placer.hpp"
#include "maps/map_spec.hpp"
#include "maps/messages.hpp"
#include "maps/palette.hpp"
#include "maps/sheet.hpp"
#include "model/layer.hpp"

namespace kuril::maps {

struct MapData {
    const Layer* views = nullptr;
    const Layer* boundaries = nullptr;
    const Layer* labels = nullptr;
    const Layer* islands = nullptr;
    const Layer* places = nullptr;
    const Layer* context = nullptr;    // land around the record, no holders
    const Layer* coastline = nullptr;  // the coast as lines, clip edges left out
    const std::vector<LandPiece>* locator = nullptr;  // the locator maps' western Pacific (none: no locator)
    std::vector<WaterShape> waters;  // the seas' open water and the straits' lines, to write their names in
    std::vector<Layer> owned;  // the layers, when derived for the maps alone
};

// One renderer's GEOS context (one per thread) and the features moved onto sheets (by CRS, sheet and
// feature), kept from map to map — many maps share a sheet — in a store of its own or one that the
// threads drawing the build's maps share.
struct SheetCache {
    explicit SheetCache(const geom::Context& c) : ctx(c), owned(std::make_unique<SheetStore>()), store(*owned) {}
    SheetCache(const geom::Context& c, SheetStore& shared) : ctx(c), store(shared) {}
    const geom::Context& ctx;
    std::unique_ptr<SheetStore> owned;
    SheetStore& store;
};
// Derives the layers the maps need.
[[nodiscard]] MapData map_data(const Atlas& atlas);
// Uses layers already derived (by `kuril build`), by name, and derives the water shapes; throws
// std::logic_error when a layer is missing.
[[nodiscard]] MapData map_data(const Atlas& atlas, const std::vector<Layer>& layers);

struct MapResult {
    std::vector<PlacedLabel> labels;    // every label drawn, with its box in points (inset included)
    std::vector<std::string> unplaced;  // labels that found no free place: reported, never silent
    std::string projection;             // as named in the margin
    double sheet_w_pt = 0, sheet_h_pt = 0;
    Box frame;                   // the map's frame on the sheet
    std::optional<Box> locator;  // the locator map's frame, when the sheet has room for one
};

// One map to `out` (.pdf, .svg or .png), staged beside it and renamed when complete. PNG also writes
// OUT.pgw (world file) and OUT.png.aux.xml (its CRS, GDAL's sidecar). `today` pins the PDF's dates.
MapResult render_map(const Atlas& atlas, const MapData& data, SheetCache& cache, const MapSpec& spec,
                     const Palette& palette, const Catalogues& words, const std::filesystem::path& out,
                     const Date& today);

// The labels of a map: {"sheet_pt": [w, h], "frames": {"map": box, "locator": box when drawn}, "unplaced": n,
// "labels": [{"id", "text", "box", "anchor": [lon, lat], "leader"}]}, each box [x0, y0, x1, y1] in sheet
// points (y down); a water's name also has "ends" (where it starts and ends, [lon, lat] each), and one turned
// along a strait "angle" (degrees, clockwise) and "outline" (its four corners; "box" is then the box round them). A water's anchor is where its name is written. Written
// atomically.
void write_label_boxes(const std::filesystem::path& file, const MapResult& r);

// The atlas: one PDF, a page per spec, then a page of small multiples (every spec at one scale, side by
// side). Returns one result per page of maps.
std::vector<MapResult> render_atlas(const Atlas& atlas, const MapData& data, SheetCache& cache,
                                    const std::vector<MapSpec>& pages, const Palette& palette, const Catalogues& words,
                                    const std::filesystem::path& out, const Date& today);

}  // namespace kuril::maps

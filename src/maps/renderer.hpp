#pragma once
// Renders one print map with Cairo (PDF, SVG or PNG) and Pango (HarfBuzz shaping; Noto Sans and IPAGothic):
// land coloured by holder on a day in one point of view, the lines in force, names of the day, graticule,
// scale bar, legend, title, sources. The derived layers are made once (MapData) and shared by every map.
#include <filesystem>
#include <string>
#include <vector>

#include "derive/atlas.hpp"
#include "maps/label_placer.hpp"
#include "maps/map_spec.hpp"
#include "model/layer.hpp"

namespace kuril::maps {

// The layers every map draws from, derived once.
struct MapData {
    Layer views;
    Layer boundaries;
    Layer labels;
    Layer islands;
    Layer places;
};
[[nodiscard]] MapData map_data(const Atlas& atlas);

// The palette of styles/palette.json (colours as 0..1 RGB).
struct Rgb {
    double r = 0, g = 0, b = 0;
};
struct Palette {
    std::map<std::string, Rgb> holders;
    std::map<std::string, Rgb> boundary;
    Rgb sea, land_unknown, coast, text, halo, water_text, graticule;
};
[[nodiscard]] Palette read_palette(const std::filesystem::path& file);

struct MapResult {
    std::vector<PlacedLabel> labels;      // every label on the sheet, with its box in points
    std::vector<std::string> unplaced;    // labels that found no free place (reported, never silent)
    std::string projection;               // the CRS named in the margin
    double sheet_w_pt = 0, sheet_h_pt = 0;
};

// Writes the map to `out` (staged beside it and renamed when complete); for PNG also OUT.pgw (world file)
// and OUT.png.aux.xml (the CRS, GDAL's sidecar). `today` pins the PDF's dates.
MapResult render_map(const Atlas& atlas, const MapData& data, const MapSpec& spec, const Palette& palette,
                     const std::filesystem::path& out, const Date& today);

}  // namespace kuril::maps

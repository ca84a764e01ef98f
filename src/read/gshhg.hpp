#pragma once
// Reads a GSHHG shoreline through GMT (`gmt coast -D<resolution> -W -M`) and assembles the segments,
// which GMT cuts at 1-degree bin edges and at the region's bounds, into valid land polygons: the
// segments are cut to the frame (a union of rectangles, less an excluded frame), noded with the
// frame's boundary by GEOS, polygonized, and each face is kept when GMT's own `gmt select` says a point
// inside it is on land (lakes kept as land, or as holes when the import reads them).
#include <string>
#include <vector>

#include "geom/geos.hpp"
#include "model/region.hpp"
#include "util/progress.hpp"

namespace kuril {

struct CoastlineImport {
    std::vector<geom::Geom> land;  // valid polygons, lon/lat degrees, in a stable order
    std::size_t segments = 0;
    std::size_t faces = 0;
    std::string gmt_version;
};

struct ImportSpec {
    Frame frame;
    Frame exclude;            // no land inside these rectangles (empty: none)
    char resolution = 'f';    // GSHHG: f(ull), h(igh), i(ntermediate), l(ow), c(rude)
    bool lakes = false;       // false: level 1 only, lakes kept as land; true: lakes (level 2) as holes
    double min_area_km2 = 0;  // features smaller than this are left out (gmt -A)
};

// The record's land: full resolution in the record frame, lakes kept as land.
[[nodiscard]] ImportSpec record_import(const Frame& frame);
// The context land: high resolution in the context region less the record frame, lakes of 20 km² and more.
[[nodiscard]] ImportSpec context_import(const Region& region, const Frame& record);
// The locator maps' land: low resolution, level 1, land of 400 km² and more (Kunashir, not its islets).
[[nodiscard]] ImportSpec locator_import(const Region& region);

[[nodiscard]] CoastlineImport import_gshhg(const geom::Context& ctx, const ImportSpec& spec, const Progress& progress);

}  // namespace kuril

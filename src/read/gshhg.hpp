#pragma once
// Reads the GSHHG full-resolution shoreline through GMT (`gmt coast -Df -W -M`) and assembles the
// segments, which GMT cuts at 1-degree bin edges and at the region frame, into valid land polygons:
// the segments and the frame are noded together with GEOS, polygonized, and each face is kept when
// GMT's own `gmt select -Df -Ns/k/s/k/s` says a point inside it is on land.
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

[[nodiscard]] CoastlineImport import_gshhg(const geom::Context& ctx, const Region& region, const Progress& progress);

}  // namespace kuril

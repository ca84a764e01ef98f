#pragma once
// Per-island measures: geodesic area and a label point at the pole of inaccessibility (the centre of
// GEOS's maximum inscribed circle, found in a local equal-area projection).
#include "geom/geos.hpp"
#include "geom/projection.hpp"

namespace kuril {

struct IslandMeasures {
    double area_km2 = 0;
    geom::XY label;        // lon/lat
    double label_radius_km = 0;  // the inscribed circle's radius
};

[[nodiscard]] IslandMeasures measure_island(const geom::Context& ctx, const geom::Projection& proj,
                                            const geom::Geom& land_ll);

}  // namespace kuril

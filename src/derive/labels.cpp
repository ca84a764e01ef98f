#include "derive/labels.hpp"

#include <algorithm>
#include <cmath>

namespace kuril {

IslandMeasures measure_island(const geom::Context& ctx, const geom::Projection& proj, const geom::Geom& land_ll) {
    IslandMeasures m;
    m.area_km2 = geom::geodesic_area_km2(ctx, land_ll);
    if (ctx.is_empty(land_ll)) {
        return m;
    }
    const geom::Geom xy = proj.forward(ctx, land_ll);
    // Tolerance relative to the island's size keeps the search cheap for Sakhalin and exact for rocks.
    const double tolerance = std::max(1.0, std::sqrt(ctx.area(xy)) / 2000);
    const geom::Geom mic = ctx.max_inscribed_circle(xy, tolerance);
    const auto pts = ctx.coords(mic);
    m.label = proj.inverse(pts.front());
    m.label_radius_km = std::hypot(pts[1].x - pts[0].x, pts[1].y - pts[0].y) / 1000;
    return m;
}

}  // namespace kuril

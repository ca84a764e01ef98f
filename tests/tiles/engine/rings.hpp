#pragma once
// Rings on a tile's grid for the engine's tests: the points given, closed; polygons of them for GEOS.
#include <initializer_list>
#include <vector>

#include "geom/geos.hpp"
#include "tiles/engine/grid_union.hpp"
#include "tiles/mvt/builder.hpp"

namespace kuril::tiles::test {

inline IRing closed_ring(std::initializer_list<IPt> pts) {
    IRing r(pts);
    r.push_back(r.front());
    return r;
}

// The polygons as one GEOS multipolygon, for GEOS's verdict on their validity.
inline geom::Geom to_geos(const geom::Context& ctx, const std::vector<IPolygon>& polys) {
    std::vector<geom::Geom> parts;
    for (const auto& p : polys) {
        geom::PolygonRings rings;
        for (const auto& r : p) {
            geom::Ring g;
            for (const auto& q : r) g.push_back({static_cast<double>(q.x), static_cast<double>(q.y)});
            rings.push_back(std::move(g));
        }
        parts.push_back(ctx.polygon(rings));
    }
    return ctx.collect(std::move(parts), GEOS_MULTIPOLYGON);
}

}  // namespace kuril::tiles::test

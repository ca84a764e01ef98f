#pragma once
// Rings on a tile's grid for the engine's tests: the points given, closed; polygons of them for GEOS.
#include <cmath>
#include <initializer_list>
#include <random>
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

// A star-shaped ring round (cx, cy): its points at random radii in order of angle, rounded to multiples of
// `grid` (1: simple; coarser grids make vertices meet other rings' edges, or their own).
inline IRing star_ring(std::mt19937& rng, double cx, double cy, double radius, int grid = 1) {
    const int n = 3 + static_cast<int>(rng() % 6);
    IRing r;
    for (int k = 0; k < n; ++k) {
        const double angle = 2 * M_PI * k / n;
        const double d = radius * (0.4 + 0.6 * static_cast<double>(rng() % 1000) / 1000);
        r.push_back({static_cast<std::int32_t>(std::lround((cx + d * std::cos(angle)) / grid) * grid),
                     static_cast<std::int32_t>(std::lround((cy + d * std::sin(angle)) / grid) * grid)});
    }
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

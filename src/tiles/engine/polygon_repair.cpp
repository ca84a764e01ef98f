#include "tiles/engine/polygon_repair.hpp"

#include <algorithm>
#include <cmath>

#include "tiles/engine/grid_union.hpp"
#include "tiles/engine/validity.hpp"
#include "util/error.hpp"

namespace kuril::tiles {

void orient(IRing& r, bool exterior) {
    if ((geom::signed_area(r) > 0) != exterior) {
        std::reverse(r.begin(), r.end());
    }
}

namespace {

// Twice the net area: exteriors count positive, holes negative (as orient() leaves them).
double net_area(const std::vector<IPolygon>& polys) {
    double a = 0;
    for (const auto& p : polys) {
        for (const auto& r : p) a += geom::signed_area(r);
    }
    return std::abs(a);
}

}  // namespace

std::vector<IPolygon> PolygonRepair::valid(std::vector<IPolygon> polys) {
    ++counts_.checked;
    // The plain case (rings apart, holes inside) is proven valid here; GEOS is asked about the rest.
    if (proven_valid(polys)) return polys;
    const geom::Geom g = to_geos(polys);
    if (ctx_.is_valid(g)) return polys;
    ++counts_.repaired;
    // Most features snapping breaks only touch themselves: cut at the touches, they are valid as they are.
    if (auto cut = cut_touches(polys); cut && !cut->empty() && ctx_.is_valid(to_geos(*cut))) {
        ++counts_.by_cut;
        return std::move(*cut);
    }
    std::vector<IPolygon> fixed = grid_union(polys);
    if (fixed.empty()) {
        ++counts_.by_geos;
        return geos_repair(polys, g);
    }
    if (proven_valid(fixed)) return fixed;
    const geom::Geom u = to_geos(fixed);
    if (ctx_.is_valid(u)) return fixed;
    ++counts_.by_geos;
    return geos_repair(fixed, u);  // nearly valid: GEOS repairs it rather than the input
}

std::vector<IPolygon> PolygonRepair::geos_repair(const std::vector<IPolygon>& polys, const geom::Geom& g) {
    // Snap-rounding (GEOS's OverlayNG precision reduction) nodes the rings where they cross and rebuilds
    // the polygons on the grid. Its result is kept when it is valid and keeps at least half the area: on
    // a ring twisted into lobes of opposite orientation it may keep one lobe only.
    try {
        std::vector<IPolygon> fixed = rings_of(ctx_.set_precision(g, 1.0));
        if (!fixed.empty() && net_area(fixed) >= 0.5 * net_area(polys) && ctx_.is_valid(to_geos(fixed))) return fixed;
    } catch (const GeometryError&) {  // GEOS refused the invalid input: the full repair below
    }
    ++counts_.by_make_valid;
    return made_valid(g);
}

geom::Geom PolygonRepair::to_geos(const std::vector<IPolygon>& polys) const {
    std::vector<geom::Geom> parts;
    for (const auto& p : polys) {
        geom::PolygonRings rings;
        for (const auto& r : p) {
            geom::Ring ring;
            ring.reserve(r.size());
            for (const auto& q : r) ring.push_back({static_cast<double>(q.x), static_cast<double>(q.y)});
            rings.push_back(std::move(ring));
        }
        parts.push_back(ctx_.polygon(rings));
    }
    return ctx_.collect(std::move(parts), GEOS_MULTIPOLYGON);
}

// GEOS snap-rounding wants valid input: make it valid first (keeping the polygonal parts), then
// snap-round onto the integer grid, which keeps it valid.
std::vector<IPolygon> PolygonRepair::made_valid(const geom::Geom& invalid) const {
    const geom::Geom valid = ctx_.make_valid(invalid);
    std::vector<geom::Geom> parts;
    for (auto& p : ctx_.polygons(valid)) parts.push_back(ctx_.polygon(p));
    return rings_of(ctx_.set_precision(ctx_.collect(std::move(parts), GEOS_MULTIPOLYGON), 1.0));
}

std::vector<IPolygon> PolygonRepair::rings_of(const geom::Geom& fixed) const {
    std::vector<IPolygon> out;
    for (const auto& p : ctx_.polygons(fixed)) {
        IPolygon rings;
        for (std::size_t r = 0; r < p.size(); ++r) {
            IRing ir = snap_ring(p[r]);
            if (ir.empty()) {
                if (r == 0) break;
                continue;
            }
            orient(ir, r == 0);
            rings.push_back(std::move(ir));
        }
        if (!rings.empty()) out.push_back(std::move(rings));
    }
    return out;
}

}  // namespace kuril::tiles

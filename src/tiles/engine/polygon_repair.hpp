#pragma once
// A feature's polygons on a tile's integer grid, made valid (OGC Simple Features validity, which MVT
// 2.1 §4.3.4.4 asks of polygon geometry) after simplification and snapping made rings cross or touch.
// Validity is proven in the plain case by tiles/engine/validity (rings apart, holes inside), else tested
// with GEOS. An invalid feature that only touches itself (most: 971 of 1,127 in a Kuril build) is cut at
// its touches (cut_touches) and kept when GEOS finds that valid. The others are rebuilt by the scanline
// clipper (grid_union: the area its rings enclose, on the grid, rings touching only at shared
// vertices), and that kept when GEOS finds it valid. Where it is not — rounding the crossings to the
// grid can, rarely, make a new one — GEOS repairs it: snap-rounding (precision reduction, which nodes
// crossing rings) kept when valid and at least half the area, else make-valid ("structure" method)
// first. GEOS alone, before the clipper: 25 of a world z0-5 run's CPU seconds went to repairs, 17 of
// them to make-valid on the 1,128 features snap-rounding refused.
#include <cmath>
#include <cstdint>
#include <vector>

#include "geom/geos.hpp"
#include "tiles/engine/grid_union.hpp"  // IPolygon
#include "tiles/mvt/builder.hpp"

namespace kuril::tiles {

struct RepairCounts {
    std::uint64_t checked = 0;        // polygonal features checked
    std::uint64_t repaired = 0;       // of which invalid
    std::uint64_t by_cut = 0;         // of those, made valid by cutting at their touches (cut_touches)
    std::uint64_t by_geos = 0;        // of which the clipper's result was not valid: GEOS repaired them
    std::uint64_t by_make_valid = 0;  // of those, snap-rounding alone did not do: made valid first
};

class PolygonRepair {
public:
    // The polygons as they are when valid, else repaired (oriented as MVT wants; rings that collapse to
    // nothing are left out, as is a polygon whose exterior collapses).
    [[nodiscard]] std::vector<IPolygon> valid(std::vector<IPolygon> polys);
    [[nodiscard]] const RepairCounts& counts() const { return counts_; }

private:
    [[nodiscard]] geom::Geom to_geos(const std::vector<IPolygon>& polys) const;
    [[nodiscard]] std::vector<IPolygon> geos_repair(const std::vector<IPolygon>& polys, const geom::Geom& invalid);
    [[nodiscard]] std::vector<IPolygon> made_valid(const geom::Geom& invalid) const;
    [[nodiscard]] std::vector<IPolygon> rings_of(const geom::Geom& g) const;
    geom::Context ctx_;
    RepairCounts counts_;
};

// MVT 2.1 §4.3.4.4: exteriors have positive area in tile coordinates (y down), holes negative.
void orient(IRing& r, bool exterior);

// A closed ring of points with double x and y (the tiler's, or GEOS's) snapped to the integer grid,
// repeated points dropped; empty when it collapses (fewer than 4 points, or no area).
template <typename Ring>
[[nodiscard]] IRing snap_ring(const Ring& ring) {
    IRing out;
    out.reserve(ring.size());
    for (const auto& p : ring) {
        const IPt q{static_cast<std::int32_t>(std::lround(p.x)), static_cast<std::int32_t>(std::lround(p.y))};
        if (out.empty() || !(out.back() == q)) out.push_back(q);
    }
    if (out.size() < 4 || !(out.front() == out.back()) || geom::signed_area(out) == 0) return {};
    return out;
}

}  // namespace kuril::tiles

// Geodesic measures and the local projection (geom/projection).
#include <catch2/catch.hpp>

#include <vector>

#include "geom/projection.hpp"

using namespace kuril;

TEST_CASE("geodesic area: a one-degree cell at 45°N is about 8,760 km²", "[geom][projection]") {
    geom::Context ctx;
    const geom::Geom cell = ctx.box(150, 45, 151, 46);
    // On the WGS 84 ellipsoid: 111.2 km (meridian) × 78.7 km (parallel at 45.5°N) ≈ 8,750 km².
    CHECK(geom::geodesic_area_km2(ctx, cell) == Approx(8750).epsilon(0.01));
}

TEST_CASE("GeodesicAreas: the same areas as geodesic_area_km2, bit for bit, each ring measured once", "[geom][projection]") {
    geom::Context ctx;
    const geom::GeodesicAreas areas;
    // A cell with a hole, and two cells alike in size and vertex count that lie elsewhere (a memo keyed by
    // less than the coordinates would give the second the first one's area).
    const geom::Geom holed = ctx.polygon({{{150, 45}, {151, 45}, {151, 46}, {150, 46}, {150, 45}},
                                          {{150.2, 45.2}, {150.2, 45.4}, {150.4, 45.4}, {150.4, 45.2}, {150.2, 45.2}}});
    const geom::Geom south = ctx.box(150, 40, 151, 41);
    const geom::Geom both = ctx.collect([&] {
        std::vector<geom::Geom> parts;
        parts.push_back(ctx.clone(holed));
        parts.push_back(ctx.clone(south));
        return parts;
    }(), GEOS_MULTIPOLYGON);
    for (int round = 0; round < 2; ++round) {  // the second round from the memo
        CHECK(areas.km2(ctx, holed) == geom::geodesic_area_km2(ctx, holed));
        CHECK(areas.km2(ctx, south) == geom::geodesic_area_km2(ctx, south));
        CHECK(areas.km2(ctx, both) == geom::geodesic_area_km2(ctx, both));
    }
    CHECK(areas.km2(ctx, south) > areas.km2(ctx, ctx.box(150, 45, 151, 46)));  // farther south, larger
}

TEST_CASE("local projection: forward then inverse gives the point back", "[geom][projection]") {
    const auto p = geom::Projection::local({149.25, 46.4});
    for (const geom::XY ll : {geom::XY{141.0, 41.3}, geom::XY{157.5, 51.5}, geom::XY{149.25, 46.4}}) {
        const geom::XY xy = p.forward(ll);
        const geom::XY back = p.inverse(xy);
        CHECK(back.x == Approx(ll.x).margin(1e-9));
        CHECK(back.y == Approx(ll.y).margin(1e-9));
    }
    CHECK(p.forward({149.25, 46.4}).x == Approx(0).margin(1e-6));
}

// Geodesic measures and the local projection (geom/projection).
#include <catch2/catch.hpp>

#include "geom/projection.hpp"

using namespace kuril;

TEST_CASE("geodesic area: a one-degree cell at 45°N is about 8,760 km²", "[geom][projection]") {
    geom::Context ctx;
    const geom::Geom cell = ctx.box(150, 45, 151, 46);
    // On the WGS 84 ellipsoid: 111.2 km (meridian) × 78.7 km (parallel at 45.5°N) ≈ 8,750 km².
    CHECK(geom::geodesic_area_km2(ctx, cell) == Approx(8750).epsilon(0.01));
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

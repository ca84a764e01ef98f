// Label points (derive/labels): the pole of inaccessibility of an island, and its measures.
#include <catch2/catch.hpp>

#include "derive/labels.hpp"
#include "geom/projection.hpp"

using namespace kuril;

TEST_CASE("measure_island: an L-shaped island is labelled inside its land, not at its centroid", "[derive][labels]") {
    geom::Context ctx;
    const auto proj = geom::Projection::local({150.5, 45.5});
    // An L: the centroid of the bounding square (150.5, 45.5) is in the sea notch.
    const geom::Geom land = ctx.polygon(
        {{{150.0, 45.0}, {151.0, 45.0}, {151.0, 45.3}, {150.3, 45.3}, {150.3, 46.0}, {150.0, 46.0}, {150.0, 45.0}}});
    const IslandMeasures m = measure_island(ctx, proj, land);
    CHECK(ctx.contains(land, ctx.point(m.label)));
    CHECK(m.label_radius_km > 10);  // at least half an arm (0.3° of longitude ≈ 24 km)
    CHECK(m.label_radius_km < 25);  // at most what the corner where the arms meet holds
    CHECK(m.area_km2 == Approx(geom::geodesic_area_km2(ctx, land)));
}

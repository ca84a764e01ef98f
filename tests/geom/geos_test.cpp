// The GEOS wrappers that hand back GEOS's answers in the project's own types (geom/geos).
#include <catch2/catch.hpp>

#include <algorithm>

#include "geom/geos.hpp"
#include "util/error.hpp"

using namespace kuril;

TEST_CASE("bounds: the rectangle round a geometry", "[geom][geos]") {
    geom::Context ctx;
    const geom::Geom g = ctx.line({{3, -1}, {-2, 5}, {7, 2}});
    const geom::Bounds b = ctx.bounds(g);
    CHECK(b.xmin == -2);
    CHECK(b.ymin == -1);
    CHECK(b.xmax == 7);
    CHECK(b.ymax == 5);
    CHECK_THROWS_AS(ctx.bounds(ctx.collect({}, GEOS_GEOMETRYCOLLECTION)), GeometryError);  // empty: no rectangle
}

TEST_CASE("delaunay_triangles: triangles whose corners are the points themselves", "[geom][geos]") {
    geom::Context ctx;
    // A unit square's corners and its centre: four triangles round the centre.
    const std::vector<geom::XY> pts{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0.5, 0.5}};
    std::vector<geom::Geom> points;
    for (const auto& p : pts) points.push_back(ctx.point(p));
    const auto triangles = ctx.polygons(ctx.delaunay_triangles(ctx.collect(std::move(points), GEOS_MULTIPOINT)));
    REQUIRE(triangles.size() == 4);
    for (const auto& t : triangles) {
        REQUIRE(t.front().size() == 4);
        for (const auto& corner : t.front()) {
            CHECK(std::count_if(pts.begin(), pts.end(), [&](const geom::XY& p) { return p.x == corner.x && p.y == corner.y; }) == 1);
        }
    }
}

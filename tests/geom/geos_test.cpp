// The GEOS wrappers' operations that choose between GEOS algorithms (geom/geos).
#include <catch2/catch.hpp>

#include "geom/geos.hpp"

using namespace kuril;

namespace {

geom::Geom square_at(const geom::Context& ctx, double x, double y, double size) {
    return ctx.polygon({{{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}}});
}

}  // namespace

TEST_CASE("coverage_union: cells sharing edges become one polygon, overlapping parts fall back to the union",
          "[geom][geos]") {
    geom::Context ctx;
    std::vector<geom::Geom> cells;
    for (int i = 0; i < 3; ++i) cells.push_back(square_at(ctx, i, 0, 1));  // a row of three unit squares
    const geom::Geom row = ctx.coverage_union(ctx.collect(std::move(cells), GEOS_MULTIPOLYGON));
    CHECK(ctx.is_valid(row));
    CHECK(ctx.num_geometries(row) == 1);
    CHECK(ctx.area(row) == Approx(3));
    CHECK(ctx.length(ctx.boundary(row)) == Approx(8));  // the shared edges are gone
    // Not a coverage (they overlap by half a square): GEOS's coverage union refuses, the general union answers.
    std::vector<geom::Geom> overlapping;
    overlapping.push_back(square_at(ctx, 0, 0, 1));
    overlapping.push_back(square_at(ctx, 0.5, 0, 1));
    const geom::Geom u = ctx.coverage_union(ctx.collect(std::move(overlapping), GEOS_MULTIPOLYGON));
    CHECK(ctx.is_valid(u));
    CHECK(ctx.area(u) == Approx(1.5));
}

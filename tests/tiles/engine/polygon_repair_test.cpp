// PolygonRepair (tiles/engine/polygon_repair): valid polygons come back as they were.
#include <catch2/catch.hpp>

#include "tiles/engine/polygon_repair.hpp"
#include "rings.hpp"

using namespace kuril;
using namespace kuril::tiles;

namespace {

IRing closed(std::initializer_list<IPt> pts) { return test::closed_ring(pts); }

}  // namespace

TEST_CASE("PolygonRepair: a convex ring comes back as it was, counted as checked", "[tiles][repair]") {
    PolygonRepair repair;
    const std::vector<IPolygon> triangle{{closed({{0, 0}, {7, 1}, {3, 5}})}};
    CHECK(repair.valid(triangle) == triangle);
    CHECK(repair.counts().checked == 1);
    CHECK(repair.counts().repaired == 0);
}

TEST_CASE("PolygonRepair: a ring touching itself goes to GEOS, which finds it invalid, and is rebuilt", "[tiles][repair]") {
    PolygonRepair repair;
    // The vertex (2,0) lies on the first edge: not proven by the quick test, invalid for GEOS.
    const std::vector<IPolygon> touching{{closed({{0, 0}, {4, 0}, {4, 4}, {2, 0}, {0, 4}})}};
    const std::vector<IPolygon> fixed = repair.valid(touching);
    CHECK(repair.counts().repaired == 1);
    CHECK_FALSE(fixed.empty());
    CHECK(fixed != touching);
}

// PolygonRepair's shortcut: a strictly convex ring needs no validity test (tiles/engine/polygon_repair).
#include <catch2/catch.hpp>

#include <random>

#include "geom/geos.hpp"
#include "tiles/engine/polygon_repair.hpp"
#include "rings.hpp"

using namespace kuril;
using namespace kuril::tiles;

namespace {

IRing closed(std::initializer_list<IPt> pts) { return test::closed_ring(pts); }

bool geos_valid(const geom::Context& ctx, const IRing& r) {
    geom::Ring g;
    for (const auto& q : r) g.push_back({static_cast<double>(q.x), static_cast<double>(q.y)});
    return ctx.is_valid(ctx.polygon(geom::PolygonRings{g}));
}

}  // namespace

TEST_CASE("convex_ring: convex rings either way round, not concave, straight, spiked or star rings", "[tiles][repair]") {
    CHECK(convex_ring(closed({{0, 0}, {4096, 0}, {4096, 4096}, {0, 4096}})));  // a tile's clip of solid land
    CHECK(convex_ring(closed({{0, 0}, {0, 4096}, {4096, 4096}, {4096, 0}})));
    CHECK(convex_ring(closed({{0, 0}, {7, 1}, {3, 5}})));
    CHECK_FALSE(convex_ring(closed({{0, 0}, {4, 0}, {4, 2}, {2, 2}, {2, 4}, {0, 4}})));  // an L
    CHECK_FALSE(convex_ring(closed({{0, 0}, {2, 0}, {4, 0}, {4, 4}, {0, 4}})));          // a straight vertex
    CHECK_FALSE(convex_ring(closed({{0, 0}, {4, 0}, {8, 0}, {4, 0}, {4, 4}})));          // a spike
    CHECK_FALSE(convex_ring(closed({{0, 0}, {4, 0}, {4, 4}, {4, 4}, {0, 4}})));          // a repeated point
    // A pentagram turns the same way at every vertex, but twice round: its edges cross.
    CHECK_FALSE(convex_ring(closed({{0, 10}, {6, -8}, {-10, 3}, {10, 3}, {-6, -8}})));
    CHECK_FALSE(convex_ring(IRing{{0, 0}, {1, 0}, {0, 1}}));  // not closed
}

TEST_CASE("convex_ring: every ring it passes, GEOS finds valid (random rings on a small grid)", "[tiles][repair]") {
    const geom::Context ctx;
    std::mt19937 rng(11);
    int passed = 0;
    for (int i = 0; i < 20000; ++i) {
        IRing r;
        const int n = 3 + static_cast<int>(rng() % 5);
        for (int k = 0; k < n; ++k) r.push_back({static_cast<std::int32_t>(rng() % 9), static_cast<std::int32_t>(rng() % 9)});
        r.push_back(r.front());
        if (!convex_ring(r)) continue;
        ++passed;
        INFO("ring " << i);
        REQUIRE(geos_valid(ctx, r));
    }
    CHECK(passed > 1000);
}

TEST_CASE("PolygonRepair: a convex ring comes back as it was, counted as checked", "[tiles][repair]") {
    PolygonRepair repair;
    const std::vector<IPolygon> triangle{{closed({{0, 0}, {7, 1}, {3, 5}})}};
    CHECK(repair.valid(triangle) == triangle);
    CHECK(repair.counts().checked == 1);
    CHECK(repair.counts().repaired == 0);
}

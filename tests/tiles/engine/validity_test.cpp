// The quick validity proof (tiles/engine/validity): what it passes, GEOS finds valid; the plain cases
// it passes, the touching and crossing ones it leaves to GEOS.
#include <catch2/catch.hpp>

#include <random>

#include "geom/geos.hpp"
#include "tiles/engine/validity.hpp"
#include "rings.hpp"

using namespace kuril;
using namespace kuril::tiles;

namespace {

IRing closed(std::initializer_list<IPt> pts) { return test::closed_ring(pts); }

IRing square(std::int32_t x, std::int32_t y, std::int32_t size) {
    return closed({{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}});
}

bool geos_valid(const geom::Context& ctx, const std::vector<IPolygon>& polys) { return ctx.is_valid(test::to_geos(ctx, polys)); }

}  // namespace

TEST_CASE("proven_valid: single rings, convex or not, either way round", "[tiles][validity]") {
    CHECK(proven_valid({{square(0, 0, 4096)}}));  // a tile's clip of solid land
    CHECK(proven_valid({{closed({{0, 0}, {0, 4096}, {4096, 4096}, {4096, 0}})}}));
    CHECK(proven_valid({{closed({{0, 0}, {7, 1}, {3, 5}})}}));
    CHECK(proven_valid({{closed({{0, 0}, {4, 0}, {4, 2}, {2, 2}, {2, 4}, {0, 4}})}}));  // an L
    CHECK(proven_valid({{closed({{0, 0}, {2, 0}, {4, 0}, {4, 4}, {0, 4}})}}));          // a straight vertex
}

TEST_CASE("proven_valid: not proven for crossing, touching, spiked or degenerate rings", "[tiles][validity]") {
    CHECK_FALSE(proven_valid({{closed({{0, 0}, {4, 4}, {4, 0}, {0, 4}})}}));                    // a bow tie
    CHECK_FALSE(proven_valid({{closed({{0, 10}, {6, -8}, {-10, 3}, {10, 3}, {-6, -8}})}}));     // a pentagram
    CHECK_FALSE(proven_valid({{closed({{0, 0}, {4, 0}, {8, 0}, {4, 0}, {4, 4}})}}));            // a spike
    CHECK_FALSE(proven_valid({{closed({{0, 0}, {4, 0}, {4, 4}, {2, 0}, {0, 4}})}}));            // touches itself
    CHECK_FALSE(proven_valid({{closed({{0, 0}, {4, 0}, {4, 4}, {4, 4}, {0, 4}})}}));            // a repeated point
    CHECK_FALSE(proven_valid({{closed({{0, 0}, {2, 0}, {4, 0}})}}));                            // no area
    CHECK_FALSE(proven_valid({{IRing{{0, 0}, {1, 0}, {0, 1}}}}));                               // not closed
    CHECK_FALSE(proven_valid({{closed({{0, 0}, {1 << 30, 0}, {(1 << 30) + 1, 1}})}}));            // beyond exact range
    CHECK_FALSE(proven_valid({}));
    CHECK_FALSE(proven_valid({IPolygon{}}));
}

TEST_CASE("proven_valid: holes inside their exterior, apart from each other", "[tiles][validity]") {
    CHECK(proven_valid({{square(0, 0, 100), square(10, 10, 10), square(50, 50, 10)}}));
    CHECK_FALSE(proven_valid({{square(0, 0, 100), square(200, 10, 10)}}));                 // hole outside
    CHECK_FALSE(proven_valid({{square(0, 0, 100), square(10, 10, 50), square(20, 20, 10)}}));  // nested holes
    CHECK_FALSE(proven_valid({{square(0, 0, 100), square(0, 10, 10)}}));                   // a hole on the exterior (GEOS: valid)
}

TEST_CASE("proven_valid: polygons apart, or one in another's hole, not one in another's area", "[tiles][validity]") {
    CHECK(proven_valid({{square(0, 0, 10)}, {square(20, 0, 10)}}));
    CHECK(proven_valid({{square(0, 0, 100), square(10, 10, 50)}, {square(20, 20, 10)}}));  // an island in a lake
    CHECK(proven_valid({{square(20, 20, 10)}, {square(0, 0, 100), square(10, 10, 50)}}));  // the same, other order
    CHECK_FALSE(proven_valid({{square(0, 0, 100)}, {square(20, 20, 10)}}));                // nested exteriors
    CHECK_FALSE(proven_valid({{square(20, 20, 10)}, {square(0, 0, 100)}}));
    CHECK_FALSE(proven_valid({{square(0, 0, 10)}, {square(10, 10, 10)}}));                 // touching corners (GEOS: valid)
    CHECK_FALSE(proven_valid({{square(0, 0, 10)}, {square(5, 5, 10)}}));                   // overlapping
}

TEST_CASE("proven_valid: what it passes GEOS finds valid, and it passes most of what GEOS does (random polygons)",
          "[tiles][validity]") {
    const geom::Context ctx;
    std::mt19937 rng(12);
    int proven = 0, geos = 0;
    for (int i = 0; i < 20000; ++i) {
        std::vector<IPolygon> polys(1 + rng() % 3);
        for (auto& p : polys) {
            const double cx = rng() % 60, cy = rng() % 60, radius = 8 + rng() % 20;
            p.push_back(test::star_ring(rng, cx, cy, radius));
            const int holes = static_cast<int>(rng() % 3);
            for (int h = 0; h < holes; ++h) p.push_back(test::star_ring(rng, cx + rng() % 21 - 10.0, cy + rng() % 21 - 10.0, 2 + rng() % 6));
        }
        const bool valid = geos_valid(ctx, polys);
        geos += valid;
        if (!proven_valid(polys)) continue;
        ++proven;
        INFO("case " << i);
        REQUIRE(valid);
    }
    CHECK(geos > 2000);
    CHECK(proven > geos * 9 / 10);
}

#include <catch2/catch.hpp>

#include <initializer_list>
#include <memory>
#include <utility>

#include "derive/boundaries.hpp"
#include "fixtures.hpp"

using namespace kuril;

namespace {

// Square islands of 0.1° along 45°N, each named with the longitude of its west side, in a region round
// them: what a boundary is derived from.
struct Strait {
    Strait(std::initializer_list<std::pair<std::string, double>> islands, Region r) : region(r) {
        for (const auto& [name, west] : islands) {
            ds.islands.push_back(test::island(name, {west + 0.05, 45.05}));
            ds.land.push_back(test::square(ctx, name + "_land", west, 45.0, 0.1));
        }
        index = std::make_unique<TerritoryIndex>(ds, diag);
        geo = std::make_unique<Geography>(ctx, ds, *index, region, diag);
    }
    [[nodiscard]] BoundaryDeriver deriver() const { return BoundaryDeriver(ctx, *geo, *index, region); }

    geom::Context ctx;
    Dataset ds;
    Region region;
    Diagnostics diag;
    std::unique_ptr<TerritoryIndex> index;
    std::unique_ptr<Geography> geo;
};

BoundaryDef median(const std::string& id, const std::string& a, const std::string& b, double reach_km,
                   std::size_t line = 1) {
    BoundaryDef d;
    d.id = id;
    d.where = Location{"boundaries.csv", line, id};
    d.method = BoundaryMethod::median;
    d.side_a = a;
    d.side_b = b;
    d.reach_km = reach_km;
    return d;
}

}  // namespace

TEST_CASE("a median line lies midway between the two coasts", "[derive][boundaries]") {
    const Strait strait({{"west", 150.0}, {"east", 150.3}}, Region{149, 151, 44, 46});
    REQUIRE(strait.diag.empty());
    const geom::Context& ctx = strait.ctx;
    const Geography& geo = *strait.geo;
    const geom::Geom line = strait.deriver().derive(median("strait", "west", "east", 20));
    const auto lines = ctx.lines(line);
    REQUIRE_FALSE(lines.empty());
    double min_lat = 90;
    double max_lat = -90;
    int checked = 0;
    for (const auto& l : lines) {
        for (std::size_t i = 0; i + 1 < l.size(); ++i) {
            // Points along each segment, not only its vertices: a straight line needs no vertex in the strait.
            for (int k = 0; k <= 20; ++k) {
                const double t = k / 20.0;
                const geom::XY p{l[i].x + t * (l[i + 1].x - l[i].x), l[i].y + t * (l[i + 1].y - l[i].y)};
                // Equidistant from both coasts: within ~100 m (sampling step 200 m) of the meridian halfway.
                const double dx_west = geo.projection().forward(p).x - geo.projection().forward({150.1, p.y}).x;
                const double dx_east = geo.projection().forward({150.3, p.y}).x - geo.projection().forward(p).x;
                if (p.y > 45.0 && p.y < 45.1) {
                    CHECK(std::abs(dx_west - dx_east) < 200);
                    ++checked;
                }
                min_lat = std::min(min_lat, p.y);
                max_lat = std::max(max_lat, p.y);
            }
        }
    }
    // The check above ran, on points all along the strait between the islands.
    REQUIRE(checked >= 20);
    // It runs through the whole strait, beyond both ends of the islands.
    CHECK(min_lat < 45.0);
    CHECK(max_lat > 45.1);
}

TEST_CASE("a median line runs exactly as far as the reach of both coasts", "[derive][boundaries]") {
    const Strait strait({{"west", 150.0}, {"east", 150.3}}, Region{149, 151, 44, 46});
    const geom::Context& ctx = strait.ctx;
    const geom::Geom line = strait.deriver().derive(median("strait", "west", "east", 20));
    const geom::Projection& proj = strait.geo->projection();
    const geom::Geom west = proj.forward(ctx, ctx.box(150.0, 45.0, 150.1, 45.1));
    const geom::Geom east = proj.forward(ctx, ctx.box(150.3, 45.0, 150.4, 45.1));
    double farthest = 0;
    for (const auto& l : ctx.lines(line)) {
        for (const auto& p : l) {
            const geom::Geom q = ctx.point(proj.forward(p));
            const double d = std::min(ctx.distance(q, west), ctx.distance(q, east));
            CHECK(ctx.distance(q, west) <= 20000 + 1);  // within reach of both coasts
            CHECK(ctx.distance(q, east) <= 20000 + 1);
            farthest = std::max(farthest, d);
        }
    }
    // Its ends lie on the circle of reach: the coast is sampled every 200 m, so a straight coast's nearest
    // sample is at most 100 m along it from the nearest point (20 km against sqrt(20 km² + 100 m²)).
    CHECK(farthest > 20000 - 1);
}

TEST_CASE("sides too far apart give a clear error", "[derive][boundaries]") {
    const Strait strait({{"west", 150.0}, {"east", 150.9}}, Region{149, 151.5, 44, 46});
    CHECK_THROWS_WITH(strait.deriver().derive(median("wide", "west", "east", 10, 7)), "boundaries.csv:7: record 'wide': 'west' and 'east' are more than 2 × 10 km "
                                           "apart: no strait to draw a median line in");
}

TEST_CASE("derive_all: a line per definition in their order, shared lines equal, a refused one beside the others",
          "[derive][boundaries]") {
    const Strait strait({{"west", 150.0}, {"mid", 150.3}, {"far", 151.3}}, Region{149, 152, 44, 46});
    const geom::Context& ctx = strait.ctx;
    BoundaryDef parallel;
    parallel.id = "cut";
    parallel.method = BoundaryMethod::parallel;
    parallel.side_a = "mid";
    parallel.latitude = 45.05;
    const std::vector<BoundaryDef> defs{median("a", "west", "mid", 20, 2), median("wide", "mid", "far", 20, 3), parallel,
                                        median("a_again", "west", "mid", 20, 5)};
    const auto out = strait.deriver().derive_all(defs);
    REQUIRE(out.size() == 4);
    CHECK(out[0].line);
    CHECK_FALSE(out[0].error);
    CHECK_FALSE(out[1].line);
    REQUIRE(out[1].error);
    CHECK_THAT(out[1].error->what(),
               Catch::Contains("boundaries.csv:3: record 'wide': 'mid' and 'far' are more than"));
    // The parallel runs across "mid" only: 0.1° of longitude at 45.05°N.
    REQUIRE(out[2].line);
    CHECK(ctx.length(out[2].line) == Approx(0.1));
    // The second record of the same strait gets the same line, a geometry of its own.
    REQUIRE(out[3].line);
    CHECK(out[3].line.get() != out[0].line.get());
    CHECK(ctx.wkt(out[3].line, 9) == ctx.wkt(out[0].line, 9));
}

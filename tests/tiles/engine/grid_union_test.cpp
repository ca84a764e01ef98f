#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <utility>

#include "geom/geos.hpp"
#include "tiles/engine/grid_union.hpp"
#include "tiles/engine/polygon_repair.hpp"
#include "rings.hpp"

using namespace kuril;
using namespace kuril::tiles;

namespace {

IRing ring(std::initializer_list<IPt> pts) { return test::closed_ring(pts); }

using test::to_geos;

// Exteriors positive, holes negative (MVT 2.1 §4.3.4.4), no ring through a vertex twice.
void check_shape(const std::vector<IPolygon>& polys) {
    for (const auto& p : polys) {
        for (std::size_t r = 0; r < p.size(); ++r) {
            CHECK((geom::signed_area(p[r]) > 0) == (r == 0));
            std::set<std::pair<int, int>> seen;
            for (std::size_t i = 0; i + 1 < p[r].size(); ++i) CHECK(seen.insert({p[r][i].x, p[r][i].y}).second);
        }
    }
}

// No vertex of any ring inside an edge (between its ends) of any ring: rings touch at shared vertices.
bool touches_at_vertices_only(const std::vector<IPolygon>& polys) {
    std::vector<IPt> vertices;
    for (const auto& p : polys) {
        for (const auto& r : p) vertices.insert(vertices.end(), r.begin(), r.end());
    }
    for (const auto& p : polys) {
        for (const auto& r : p) {
            for (std::size_t i = 0; i + 1 < r.size(); ++i) {
                const IPt a = r[i];
                const IPt b = r[i + 1];
                for (const IPt& v : vertices) {
                    if (v == a || v == b) continue;
                    const long long cross = static_cast<long long>(b.x - a.x) * (v.y - a.y) - static_cast<long long>(v.x - a.x) * (b.y - a.y);
                    if (cross == 0 && std::min(a.x, b.x) <= v.x && v.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= v.y &&
                        v.y <= std::max(a.y, b.y)) {
                        return false;
                    }
                }
            }
        }
    }
    return true;
}

// No ring turns back on itself (three points in a row, the third back towards the first): points put
// into an edge out of order would.
bool runs_forward(const std::vector<IPolygon>& polys) {
    for (const auto& p : polys) {
        for (const auto& r : p) {
            const std::size_t m = r.size() - 1;  // distinct points, round the ring
            for (std::size_t i = 0; i < m; ++i) {
                const IPt a = r[i];
                const IPt b = r[(i + 1) % m];
                const IPt c = r[(i + 2) % m];
                const long long cross = static_cast<long long>(b.x - a.x) * (c.y - b.y) - static_cast<long long>(c.x - b.x) * (b.y - a.y);
                const long long dot = static_cast<long long>(b.x - a.x) * (c.x - b.x) + static_cast<long long>(b.y - a.y) * (c.y - b.y);
                if (cross == 0 && dot < 0) return false;
            }
        }
    }
    return true;
}

double area(const std::vector<IPolygon>& polys) {
    double a = 0;
    for (const auto& p : polys) {
        for (const auto& r : p) a += geom::signed_area(r);
    }
    return a;
}

}  // namespace

TEST_CASE("grid_union: a ring twisted into two lobes keeps both, as valid polygons", "[tiles][repair]") {
    const geom::Context ctx;
    // A bow tie: (0,0) (10,10) (10,0) (0,10), crossing at (5,5). Two triangles of 25 each.
    const std::vector<IPolygon> bowtie{{ring({{0, 0}, {10, 10}, {10, 0}, {0, 10}})}};
    REQUIRE_FALSE(ctx.is_valid(to_geos(ctx, bowtie)));
    const auto out = grid_union(bowtie);
    REQUIRE(out.size() == 2);
    CHECK(area(out) == 50);
    check_shape(out);
    CHECK(ctx.is_valid(to_geos(ctx, out)));
}

TEST_CASE("grid_union: a ring through a vertex twice becomes two polygons touching there", "[tiles][repair]") {
    const geom::Context ctx;
    // Two squares corner to corner at (10,10), drawn as one ring: GEOS's "Ring Self-intersection".
    const std::vector<IPolygon> eight{{ring({{0, 0}, {10, 0}, {10, 10}, {20, 10}, {20, 20}, {10, 20}, {10, 10}, {0, 10}})}};
    REQUIRE_FALSE(ctx.is_valid(to_geos(ctx, eight)));
    const auto out = grid_union(eight);
    CHECK(out.size() == 2);
    CHECK(std::abs(area(out)) == 200);
    check_shape(out);
    CHECK(ctx.is_valid(to_geos(ctx, out)));
}

TEST_CASE("grid_union: a ring closing a pocket on itself becomes a polygon with a hole touching it", "[tiles][repair]") {
    const geom::Context ctx;
    // A 30x30 square whose boundary runs in from (0,15) to a pocket (10..20 square) and back: the pocket
    // touches the exterior at (10,15)... drawn as one ring through (10,15) twice.
    const std::vector<IPolygon> pocket{{ring({{0, 0}, {30, 0}, {30, 30}, {0, 30}, {0, 15}, {10, 15}, {10, 20},
                                              {20, 20}, {20, 10}, {10, 10}, {10, 15}, {0, 15}})}};
    REQUIRE_FALSE(ctx.is_valid(to_geos(ctx, pocket)));
    const auto out = grid_union(pocket);
    REQUIRE(out.size() == 1);
    CHECK(out[0].size() == 2);  // exterior and the pocket as a hole
    CHECK(area(out) == 900 - 100);
    check_shape(out);
    CHECK(ctx.is_valid(to_geos(ctx, out)));
}

TEST_CASE("PolygonRepair: where the clipper leaves a hole touching its exterior twice, GEOS repairs its result", "[tiles][repair]") {
    const geom::Context ctx;
    PolygonRepair repair;
    // One ring round a triangle and back round the triangle inside it whose corners touch the outer
    // edges: the clipper gives a hole touching its exterior at three points, so the interior is
    // disconnected (OGC) — GEOS's repair of that result is taken.
    // A bow tie beside it (two lobes crossing at (105,105)) keeps the feature from being mended by
    // cutting its rings at their touches alone: it goes to the clipper.
    const std::vector<IPolygon> three{{ring({{0, 0}, {10, 0}, {20, 0}, {15, 10}, {10, 20}, {5, 10}, {15, 10}, {10, 0}, {5, 10}})},
                                      {ring({{100, 100}, {110, 110}, {110, 100}, {100, 110}})}};
    const auto out = repair.valid(three);
    CHECK(repair.counts().repaired == 1);
    CHECK(repair.counts().by_cut == 0);
    CHECK(repair.counts().by_geos == 1);
    CHECK(std::abs(area(out)) == 200 - 50 + 50);
    check_shape(out);
    CHECK(ctx.is_valid(to_geos(ctx, out)));
}

TEST_CASE("grid_union: a vertex touching another ring's edge becomes a vertex of that edge too", "[tiles][repair]") {
    const geom::Context ctx;
    // A triangle whose corner (10,5) touches the middle of a square's edge: valid on the grid, but a
    // reader that maps the grid to map units may see the corner cross the edge by a rounding error.
    IRing triangle = ring({{10, 5}, {15, 2}, {15, 8}});
    orient(triangle, true);
    const std::vector<IPolygon> touching{{ring({{0, 0}, {10, 0}, {10, 10}, {0, 10}})}, {triangle}};
    REQUIRE_FALSE(touches_at_vertices_only(touching));
    const auto out = grid_union(touching);
    CHECK(touches_at_vertices_only(out));
    CHECK(std::abs(area(out)) == 100 + 15);
    check_shape(out);
    CHECK(ctx.is_valid(to_geos(ctx, out)));
}

TEST_CASE("grid_union: a hole reaching out of its exterior cuts only the exterior", "[tiles][repair]") {
    const geom::Context ctx;
    IRing hole = ring({{5, 5}, {15, 5}, {15, 8}, {5, 8}});
    orient(hole, false);
    const std::vector<IPolygon> out_of{{ring({{0, 0}, {10, 0}, {10, 10}, {0, 10}}), hole}};
    REQUIRE_FALSE(ctx.is_valid(to_geos(ctx, out_of)));
    const auto out = grid_union(out_of);
    CHECK(std::abs(area(out)) == 100 - 15);
    check_shape(out);
    CHECK(ctx.is_valid(to_geos(ctx, out)));
}

TEST_CASE("PolygonRepair: the clipper's valid result is taken without GEOS's repair", "[tiles][repair]") {
    const geom::Context ctx;
    PolygonRepair repair;
    const std::vector<IPolygon> square{{ring({{0, 0}, {10, 0}, {10, 10}, {0, 10}})}};
    CHECK(repair.valid(square) == square);
    const auto out = repair.valid({{ring({{0, 0}, {10, 10}, {10, 0}, {0, 10}})}});
    CHECK(out.size() == 2);
    CHECK(ctx.is_valid(to_geos(ctx, out)));
    CHECK(repair.counts().checked == 2);
    CHECK(repair.counts().repaired == 1);
    CHECK(repair.counts().by_geos == 0);
}

TEST_CASE("cut_touches: every vertex inside an edge becomes a vertex of it, in order (random rings on a coarse grid)",
          "[tiles][repair]") {
    std::mt19937 rng(7);
    int touched = 0;
    for (int n = 0; n < 3000; ++n) {
        // Rings on a grid of 4 or 8: long straight edges (many grid points each) meeting other rings'
        // vertices, on rows, columns and slopes.
        const int grid = (n % 2 != 0) ? 4 : 8;
        std::vector<IPolygon> polys;
        const int count = 2 + static_cast<int>(rng() % 4);
        for (int k = 0; k < count; ++k) {
            IRing r = test::star_ring(rng, 40 + rng() % 40, 40 + rng() % 40, 10 + rng() % 40, grid);
            r.erase(std::unique(r.begin(), r.end()), r.end());
            if (r.size() < 4 || geom::signed_area(r) == 0) continue;
            orient(r, true);
            polys.push_back({r});
        }
        if (polys.empty() || !runs_forward(polys)) continue;
        if (!touches_at_vertices_only(polys)) ++touched;
        const auto cut = cut_touches(polys);
        INFO("case " << n);
        REQUIRE(cut);  // nothing with area left out: every ring here has some
        const auto& out = *cut;
        CHECK(touches_at_vertices_only(out));
        CHECK(runs_forward(out));
        check_shape(out);
    }
    CHECK(touched > 1000);  // the cases meant: vertices inside other edges
}

TEST_CASE("PolygonRepair: a feature that only touches itself is cut at its touches, without the clipper", "[tiles][repair]") {
    const geom::Context ctx;
    PolygonRepair repair;
    // A figure eight through (10,10), and a square whose corner (20,5) lies inside the eight's edge.
    const std::vector<IPolygon> eight{{ring({{0, 0}, {10, 10}, {20, 0}, {20, 20}, {10, 10}, {0, 20}})}};
    REQUIRE_FALSE(ctx.is_valid(to_geos(ctx, eight)));
    const auto out = repair.valid(eight);
    CHECK(repair.counts().repaired == 1);
    CHECK(repair.counts().by_cut == 1);
    CHECK(out.size() == 2);  // two triangles touching at (10,10)
    CHECK(std::abs(area(out)) == std::abs(area(eight)));
    check_shape(out);
    CHECK(ctx.is_valid(to_geos(ctx, out)));
}

TEST_CASE("cut_touches: a part with area is never left out, the clipper keeps it", "[tiles][repair]") {
    const geom::Context ctx;
    // A bow tie: no vertex twice, its lobes' areas cancel out.
    const std::vector<IPolygon> bowtie{{ring({{0, 0}, {10, 10}, {10, 0}, {0, 10}})}};
    CHECK_FALSE(cut_touches(bowtie));
    // Three lobes through (10,10), one turning the other way and outside the others: cut, it would be a
    // hole in no exterior.
    const std::vector<IPolygon> lobes{
        {ring({{10, 10}, {20, 10}, {20, 20}, {10, 10}, {0, 10}, {0, 0}, {10, 10}, {20, 0}, {10, 0}})}};
    REQUIRE(area(lobes) == 50);  // 50 + 50 - 50
    CHECK_FALSE(cut_touches(lobes));
    PolygonRepair repair;
    const auto out = repair.valid(lobes);
    CHECK(repair.counts().by_cut == 0);
    CHECK(std::abs(area(out)) == 150);  // every lobe kept
    CHECK(ctx.is_valid(to_geos(ctx, out)));
    // Spikes are nothing: a ring with one is cut and kept without it.
    const std::vector<IPolygon> spike{{ring({{0, 0}, {10, 0}, {15, 0}, {10, 0}, {10, 10}, {0, 10}})}};
    const auto cut = cut_touches(spike);
    REQUIRE(cut);
    CHECK(std::abs(area(*cut)) == 100);
}

// RFC 7946 §3.1.9: geometry drawn across the antimeridian is split at ±180°.
#include <catch2/catch.hpp>

#include "tiles/engine/antimeridian.hpp"

using namespace kuril::tiles;

namespace {
Path ring(std::initializer_list<std::pair<double, double>> lonlat) {
    Path p;
    for (const auto& [lon, lat] : lonlat) p.push_back(mercator(lon, lat));
    return p;
}
double area(const Path& r) {
    double a = 0;
    for (std::size_t i = 1; i < r.size(); ++i) a += r[i - 1].x * r[i].y - r[i].x * r[i - 1].y;
    return std::abs(a) / 2;
}
}  // namespace

TEST_CASE("a polygon drawn across 180° becomes two parts that meet there, hole included", "[tiles][antimeridian]") {
    const PolygonPaths poly{ring({{178, 50}, {-178, 50}, {-178, 53}, {178, 53}, {178, 50}}),
                            ring({{179.5, 51}, {179.5, 52}, {-179.5, 52}, {-179.5, 51}, {179.5, 51}})};
    REQUIRE(crosses_antimeridian(poly[0]));
    const auto parts = split_polygon_at_antimeridian(poly);
    REQUIRE(parts.size() == 2);
    double total = 0;
    for (const auto& part : parts) {
        REQUIRE(part.size() == 2);  // each half keeps its half of the hole
        double lo = 1, hi = 0;
        for (const auto& pt : part[0]) {
            lo = std::min(lo, pt.x);
            hi = std::max(hi, pt.x);
        }
        CHECK(lo >= 0);
        CHECK(hi <= 1);
        CHECK((lo == 0 || hi == 1));  // every part touches the antimeridian
        CHECK_FALSE(crosses_antimeridian(part[0]));
        total += area(part[0]) - area(part[1]);
    }
    // 4° × 3° less the 1° × 1° hole, in the unit square: nothing lost, nothing added.
    const double expected = (4.0 / 360) * (mercator(0, 50).y - mercator(0, 53).y) - (1.0 / 360) * (mercator(0, 51).y - mercator(0, 52).y);
    CHECK(total == Approx(expected).epsilon(1e-9));
}

TEST_CASE("a line across 180° is cut there", "[tiles][antimeridian]") {
    const auto parts = split_line_at_antimeridian(ring({{177, 48}, {-177, 48.5}}));
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].back().x == Approx(1.0));
    CHECK(parts[1].front().x == Approx(0.0));
    CHECK(parts[0].back().y == Approx(parts[1].front().y));
    CHECK_FALSE(crosses_antimeridian(ring({{170, 40}, {179.9, 40}, {180, 41}})));
}

// A polar cap drawn as one ring round the pole: unwrapped, it ends a whole world east (or west) of where
// it starts. It is closed along the pole at the edge of Web Mercator's square and covers the whole
// width, from the ring to the pole's edge.
TEST_CASE("a ring round a pole is closed along the pole, north and south, either way round", "[tiles][antimeridian]") {
    struct Case {
        PolygonPaths polygon;
        double pole_y;
    };
    const Case cases[] = {
        {{ring({{-170, 80}, {-50, 80}, {70, 80}, {170, 80}, {-170, 80}})}, 0.0},                 // north, eastward
        {{ring({{170, 80}, {70, 80}, {-50, 80}, {-170, 80}, {170, 80}})}, 0.0},                  // north, westward
        {{ring({{-180, -70}, {-90, -72}, {0, -70}, {90, -72}, {180, -70}, {-180, -70}})}, 1.0},  // south, via ±180
    };
    for (const auto& c : cases) {
        // One part, or two where the ring does not start on ±180° (split there like any crossing).
        const auto parts = split_polygon_at_antimeridian(c.polygon);
        REQUIRE(!parts.empty());
        REQUIRE(parts.size() <= 2);
        double lo = 1, hi = 0, top = 1, bottom = 0, total = 0;
        for (const auto& part : parts) {
            REQUIRE(part.size() == 1);
            for (const auto& p : part[0]) {
                lo = std::min(lo, p.x);
                hi = std::max(hi, p.x);
                top = std::min(top, p.y);
                bottom = std::max(bottom, p.y);
            }
            total += area(part[0]);
        }
        CHECK(lo == Approx(0.0).margin(1e-12));
        CHECK(hi == Approx(1.0).margin(1e-12));
        CHECK((c.pole_y == 0.0 ? top : bottom) == c.pole_y);  // reaches the pole's edge of the square
        const double ring_y = c.polygon[0][1].y;
        CHECK((c.pole_y == 0.0 ? bottom : top) == Approx(ring_y).epsilon(0.05));  // and the ring's latitude
        // The area between the ring and the pole's edge: whole width times the band's height, about.
        const double band = std::abs(c.pole_y - ring_y);
        CHECK(total == Approx(band).margin(0.02));
    }
}

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
    REQUIRE(parts);
    REQUIRE(parts->size() == 2);
    double total = 0;
    for (const auto& part : *parts) {
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

TEST_CASE("a line across 180° is cut there, a ring round a pole cannot be split", "[tiles][antimeridian]") {
    const auto parts = split_line_at_antimeridian(ring({{177, 48}, {-177, 48.5}}));
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].back().x == Approx(1.0));
    CHECK(parts[1].front().x == Approx(0.0));
    CHECK(parts[0].back().y == Approx(parts[1].front().y));
    // Round the north pole along 80°N: unwrapped, it ends a whole world east of where it starts.
    const PolygonPaths polar{ring({{-170, 80}, {-50, 80}, {70, 80}, {170, 80}, {-170, 80}})};
    CHECK_FALSE(split_polygon_at_antimeridian(polar));
    CHECK_FALSE(crosses_antimeridian(ring({{170, 40}, {179.9, 40}, {180, 41}})));
}

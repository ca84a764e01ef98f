#include <catch2/catch.hpp>

#include "read/land_reader.hpp"

using namespace kuril;

namespace {
std::string error_of(const geom::Context& ctx, const std::string& line) {
    try {
        (void)parse_land_line(ctx, line, Location{"land.geojsonl", 3, {}});
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST_CASE("a valid land polygon is read", "[read][land]") {
    geom::Context ctx;
    const auto piece = parse_land_line(
        ctx, R"({"type":"Feature","id":"land-1","properties":{},"geometry":{"type":"Polygon","coordinates":[[[150,45],[150.1,45],[150.1,45.1],[150,45]]]}})",
        Location{"land.geojsonl", 1, {}});
    CHECK(piece.id == "land-1");
    CHECK(ctx.area(piece.geometry) == Approx(0.005));
}

TEST_CASE("bad land polygons name the file, line and feature", "[read][land]") {
    geom::Context ctx;
    CHECK(error_of(ctx, R"({"type":"Feature","id":"x","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}})")
              .rfind("land.geojsonl:3: record 'x': invalid polygon: Self-intersection", 0) == 0);
    CHECK(error_of(ctx, R"({"type":"Feature","id":"x","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,0.5]]]}})") ==
          "land.geojsonl:3: record 'x': ring not closed: first (0, 0) and last (0, 0.5) positions differ (RFC 7946 §3.1.6)");
    CHECK(error_of(ctx, R"({"type":"Feature","id":"x","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,0]]]})")
              .rfind("land.geojsonl:3: malformed JSON", 0) == 0);
    CHECK(error_of(ctx, R"({"type":"Feature","id":"x","geometry":{"type":"Polygon","coordinates":[[[0,0],[1e300,1],[1,0],[0,0]]]}})") ==
          "land.geojsonl:3: record 'x': position (1e+300, 1) is not a WGS 84 longitude/latitude");
    // Found by fuzz_land: numbers out of range and members of the wrong type are input errors too.
    CHECK(error_of(ctx, R"({"type":"Feature","id":"x","geometry":{"type":"Polygon","coordinates":[[[0,0],[1e400,1],[1,0],[0,0]]]}})")
              .rfind("land.geojsonl:3: malformed", 0) == 0);
    CHECK(error_of(ctx, R"({"type":5,"geometry":{}})").rfind("land.geojsonl:3: malformed GeoJSON", 0) == 0);
    CHECK(error_of(ctx, R"({"type":"Feature","geometry":{"type":7,"coordinates":[]}})").rfind("land.geojsonl:3: malformed GeoJSON", 0) == 0);
    CHECK(error_of(ctx, R"({"type":"Feature","id":"x","crs":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,0]]]}})")
              .find("a crs member is not allowed") != std::string::npos);
}

// The options of kuril map, parsed before anything is read or written.
#include <catch2/catch.hpp>

#include "maps/map_projection.hpp"
#include "maps/map_spec.hpp"
#include "util/error.hpp"

using namespace kuril;
using namespace kuril::maps;

TEST_CASE("map options: extents, paper, formats, views, languages", "[maps]") {
    CHECK(parse_extent("chain").name == "chain");
    const Extent e = parse_extent("145.5,43,149,45.7");
    CHECK(e.west == 145.5);
    CHECK(e.north == 45.7);
    CHECK_THROWS_AS(parse_extent("149,43,145,45"), UsageError);  // west > east
    CHECK_THROWS_AS(parse_extent("1,2,3"), UsageError);
    MapSpec spec;
    parse_paper("A3", spec);
    CHECK(spec.paper_w_mm == 420);
    parse_paper("500x300mm", spec);
    CHECK(spec.paper_h_mm == 300);
    CHECK_THROWS_AS(parse_paper("A9", spec), UsageError);
    CHECK(format_of("map.svg") == OutputFormat::svg);
    CHECK_THROWS_AS(format_of("map.jpg"), UsageError);
    CHECK_THROWS_AS(check_view("china"), UsageError);
    CHECK_THROWS_AS(check_lang("fr"), UsageError);
}

TEST_CASE("map projection: a projected CRS, the fitted conic, refusals", "[maps]") {
    const MapProjection utm("EPSG:32655");
    const geom::XY p = utm.forward({147.0, 45.0});  // central meridian of zone 55
    CHECK(p.x == Approx(500000).margin(1));
    CHECK_FALSE(utm.wkt().empty());
    const MapProjection lcc(fitted_lcc(141, 41.3, 157.5, 51.5));
    const geom::XY c = lcc.forward({149.25, 46.4});  // the conic's origin
    CHECK(c.x == Approx(0).margin(1e-6));
    CHECK(c.y == Approx(0).margin(1e-6));
    CHECK_THROWS_AS(MapProjection("EPSG:4326"), UsageError);  // geographic, not projected
    CHECK_THROWS_AS(MapProjection("EPSG:999999"), UsageError);
}

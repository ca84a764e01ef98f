#include <catch2/catch.hpp>

#include "geom/geos.hpp"
#include "tiles/mvt/builder.hpp"
#include "tiles/mvt/checker.hpp"

using namespace kuril;
using namespace kuril::tiles;

TEST_CASE("the checker catches broken polygons the builder never writes", "[tiles][checker]") {
    geom::Context ctx;
    auto one = [&](const std::vector<IRing>& rings) {
        mvt::TagTable table;
        table.add({});
        mvt::TagScratch scratch;
        mvt::LayerBuilder b("t", 4096, table, scratch);
        b.add(1, mvt::GeomType::polygon, mvt::polygon_commands(rings), 0);
        return check_tile(mvt::tile_message({b.finish()}), ctx);
    };
    const IRing cw{{0, 0}, {0, 10}, {10, 10}, {10, 0}, {0, 0}};   // negative area in y-down tile space
    const IRing ccw{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}};  // positive: an exterior
    const IRing bowtie{{0, 0}, {0, 6}, {10, 0}, {10, 10}, {0, 0}};  // positive area, edges cross at (3.75, 3.75)
    const IRing flat{{0, 0}, {5, 0}, {10, 0}, {0, 0}};
    const IRing repeated{{0, 0}, {10, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}};
    CHECK(one({ccw}).valid());
    CHECK(one({cw}).problems.at(0).find("not an exterior ring") != std::string::npos);
    CHECK(one({bowtie}).problems.at(0).find("Self-intersection") != std::string::npos);
    CHECK(one({flat}).problems.at(0).find("zero area") != std::string::npos);
    CHECK(one({repeated}).problems.at(0).find("repeats point") != std::string::npos);
}

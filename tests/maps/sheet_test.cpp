// Fitting an extent on a page (maps/sheet): the frame keeps the projection's aspect, is centred in its
// box, and the extent's corners land on the frame's edges.
#include <catch2/catch.hpp>

#include "maps/map_projection.hpp"
#include "maps/sheet.hpp"

using namespace kuril;
using namespace kuril::maps;

TEST_CASE("fit_sheet: the extent fills the box along one side, centred along the other", "[maps][sheet]") {
    const MapProjection proj("EPSG:3857");
    const Extent south{"south", 145.0, 43.0, 150.0, 45.0};  // 5° by 2.8° of Mercator y: wider than the box
    const Sheet s = fit_sheet(south, proj, 842, 595, 20, 20, 822, 575);
    CHECK(s.fx0 == Approx(20));
    CHECK(s.fx1 == Approx(822));
    CHECK(s.fy0 > 20);
    CHECK((s.fy0 - 20) == Approx(575 - s.fy1));  // centred vertically
    const geom::XY sw = s.at(proj.forward({145.0, 43.0}));
    const geom::XY ne = s.at(proj.forward({150.0, 45.0}));
    CHECK(sw.x == Approx(s.fx0));
    CHECK(sw.y == Approx(s.fy1));  // y down: the south edge is the frame's bottom
    CHECK(ne.x == Approx(s.fx1));
    CHECK(ne.y == Approx(s.fy0));
    CHECK(s.inside(s.at(proj.forward({147.5, 44.0}))));
}

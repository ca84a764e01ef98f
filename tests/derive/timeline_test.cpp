#include <catch2/catch.hpp>

#include "derive/territory_index.hpp"
#include "derive/timeline.hpp"
#include "fixtures.hpp"

using namespace kuril;
using test::record;

TEST_CASE("points of view: neutral follows the held lane, a party its own claim", "[derive][timeline]") {
    Dataset ds;
    ds.islands = {test::island("urup", {150, 45.9}), test::island("iturup", {147.8, 45.1})};
    ds.records = {record("i1", "iturup", "japan", Status::de_jure, kTimelineStart, Date(1945, 8, 28)),
                  record("i2", "iturup", "russia", Status::de_facto, Date(1945, 8, 28), std::nullopt),
                  record("ic", "iturup", "japan", Status::claimed, Date(1945, 8, 28), std::nullopt),
                  record("u1", "urup", "russia", Status::de_facto, kTimelineStart, std::nullopt),
                  record("ur", "urup", "japan", Status::renounced, Date(1952, 4, 28), std::nullopt)};
    Diagnostics diag;
    const TerritoryIndex index(ds, diag);
    const Timeline tl(ds, index);
    CHECK(tl.view("iturup", Date(1944, 1, 1), Pov::neutral) == View{"japan", "de_jure"});
    CHECK(tl.view("iturup", Date(1950, 1, 1), Pov::neutral) == View{"russia", "de_facto"});
    CHECK(tl.view("iturup", Date(1950, 1, 1), Pov::japan) == View{"japan", "claimed"});
    CHECK(tl.view("iturup", Date(1950, 1, 1), Pov::russia) == View{"russia", "de_facto"});
    CHECK(tl.view("urup", Date(1950, 1, 1), Pov::japan) == View{"russia", "de_facto"});
    CHECK(tl.view("urup", Date(1960, 1, 1), Pov::japan) == View{"undetermined", "undetermined"});
    CHECK(tl.view("urup", Date(1850, 1, 1), Pov::neutral) == View{});
}

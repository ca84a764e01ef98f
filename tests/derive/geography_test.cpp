// Joining land pieces to the gazetteer (derive/geography).
#include <catch2/catch.hpp>

#include "derive/geography.hpp"
#include "fixtures.hpp"
#include "util/error.hpp"

using namespace kuril;

TEST_CASE("Geography: a piece goes to the island whose point it holds, an islet to the nearest island",
          "[derive][geography]") {
    geom::Context ctx;
    Dataset ds;
    ds.islands = {test::island("west", {150.05, 45.05}), test::island("east", {150.35, 45.05}),
                  test::island("rock", {150.7, 45.7})};  // in the open sea, far from any piece
    ds.land.push_back(test::square(ctx, "w", 150.0, 45.0, 0.1));
    ds.land.push_back(test::square(ctx, "e", 150.3, 45.0, 0.1));
    ds.land.push_back(test::square(ctx, "islet", 150.42, 45.02, 0.01));  // unnamed, 2 km east of "e"
    const Region region{149, 151, 44, 46};
    Diagnostics diag;
    const TerritoryIndex index(ds, diag);
    const Geography geo(ctx, ds, index, region, diag);
    REQUIRE(diag.empty());
    CHECK(geo.islands().at("west").pieces == std::vector<std::string>{"w"});
    CHECK(geo.islands().at("east").pieces == std::vector<std::string>{"e", "islet"});
    CHECK(geo.islands().at("east").named_pieces == 1);
    CHECK(geo.islands_without_land() == std::vector<std::string>{"rock"});
    CHECK(ctx.is_empty(geo.islands().at("rock").lonlat));
}

TEST_CASE("Geography: two islands' points on one piece are reported against the second island",
          "[derive][geography]") {
    geom::Context ctx;
    Dataset ds;
    ds.islands = {test::island("a", {150.02, 45.05}), test::island("b", {150.08, 45.05})};
    ds.land.push_back(test::square(ctx, "one", 150.0, 45.0, 0.1));
    Diagnostics diag;
    const TerritoryIndex index(ds, diag);
    const Geography geo(ctx, ds, index, Region{149, 151, 44, 46}, diag);
    REQUIRE(diag.size() == 1);
    CHECK(diag.problems()[0].str().find("gazetteer.csv:2") != std::string::npos);
    CHECK(diag.problems()[0].str().find("island 'a' already owns") != std::string::npos);
}

TEST_CASE("Geography: a geometry failure names the territory and its band of latitude", "[derive][geography]") {
    geom::Context ctx;
    Dataset ds;
    ds.islands = {test::island("bow", {150.02, 45.05})};
    // A self-intersecting ring (a bow tie): GEOS's overlay refuses it when the part is cut from the island.
    ds.land.push_back(LandPiece{
        "tie", ctx.polygon({{{150.0, 45.0}, {150.1, 45.1}, {150.1, 45.0}, {150.0, 45.1}, {150.0, 45.0}}}),
        Location{"land.geojsonl", 1, "tie"}});
    Territory north;
    north.id = "bow_north";
    north.kind = "part";
    north.members = {"bow"};
    north.lat_min = 45.05;
    north.where = Location{"territories.csv", 2, "bow_north"};
    Territory south = north;
    south.id = "bow_south";
    south.lat_min.reset();
    south.lat_max = 45.05;
    ds.territories = {north, south};
    Diagnostics diag;
    const TerritoryIndex index(ds, diag);
    REQUIRE(diag.empty());
    try {
        const Geography geo(ctx, ds, index, Region{149, 151, 44, 46}, diag);
        FAIL("no error");
    } catch (const GeometryError& e) {
        const std::string what = e.what();
        CHECK(what.find("territory atom 'bow_") != std::string::npos);
        CHECK(what.find("island 'bow'") != std::string::npos);
    }
}

namespace {

Territory band(const std::string& id, const std::string& island, std::optional<double> lat_min,
               std::optional<double> lat_max) {
    Territory t;
    t.id = id;
    t.kind = "part";
    t.members = {island};
    t.lat_min = lat_min;
    t.lat_max = lat_max;
    t.where = Location{"territories.csv", 2, id};
    return t;
}

}  // namespace

TEST_CASE("Geography: land of atoms takes an island whole, unions some of its parts, never lets parts touch",
          "[derive][geography]") {
    geom::Context ctx;
    Dataset ds;
    ds.islands = {test::island("long", {150.05, 45.05}), test::island("other", {150.55, 45.05})};
    ds.land.push_back(test::square(ctx, "l", 150.0, 45.0, 0.1));
    ds.land.push_back(test::square(ctx, "o", 150.5, 45.0, 0.1));
    ds.territories = {band("long_s", "long", std::nullopt, 45.03), band("long_m", "long", 45.03, 45.06),
                      band("long_n", "long", 45.06, std::nullopt)};
    Diagnostics diag;
    const TerritoryIndex index(ds, diag);
    const Geography geo(ctx, ds, index, Region{149, 151, 44, 46}, diag);
    REQUIRE(diag.empty());
    const double whole = ctx.area(geo.islands().at("long").lonlat);
    auto land = [&](const std::vector<std::string>& atoms) { return geo.land_of_atoms(ctx, index, atoms); };
    // Two touching parts: one polygon (their union), beside the other island, in the first part's place.
    const geom::Geom two = land({"other", "long_s", "long_m"});
    CHECK(ctx.is_valid(two));
    CHECK(ctx.num_geometries(two) == 2);
    CHECK(ctx.area(two) == Approx(ctx.area(geo.islands().at("other").lonlat) + 0.06 * 0.1));
    CHECK(ctx.area(ctx.geometry_n(two, 0)) == Approx(ctx.area(geo.islands().at("other").lonlat)));
    // Parts that do not touch stay apart; all parts give the island's own polygon.
    const geom::Geom apart = land({"long_s", "long_n"});
    CHECK(ctx.is_valid(apart));
    CHECK(ctx.num_geometries(apart) == 2);
    const geom::Geom all = land({"long_n", "long_s", "other", "long_m"});
    CHECK(ctx.is_valid(all));
    CHECK(ctx.num_geometries(all) == 2);
    CHECK(ctx.area(ctx.geometry_n(all, 0)) == Approx(whole));
}

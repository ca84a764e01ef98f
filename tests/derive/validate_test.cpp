#include <catch2/catch.hpp>

#include "derive/territory_index.hpp"
#include "derive/validate.hpp"
#include "fixtures.hpp"

using namespace kuril;
using test::record;

namespace {

Dataset two_islands() {
    Dataset ds;
    ds.islands = {test::island("urup", {150, 45.9}), test::island("iturup", {147.8, 45.1})};
    Territory g;
    g.id = "both";
    g.kind = "group";
    g.members = {"urup", "iturup"};
    ds.territories = {g};
    Event treaty;
    treaty.id = "treaty";
    treaty.signed_on = Date(1855, 2, 7);
    treaty.parties = {"japan"};
    treaty.effect = "x";
    treaty.source = "test";
    ds.events = {treaty};
    ds.regimes = {Regime{"empire_of_japan", "japan", {}, Interval{Date(1800, 1, 1), std::nullopt}, "t", {}},
                  Regime{"russian_empire", "russia", {}, Interval{Date(1800, 1, 1), std::nullopt}, "t", {}}};
    return ds;
}

std::vector<std::string> problems(const Dataset& ds) {
    Diagnostics diag;
    const TerritoryIndex index(ds, diag);
    validate_references(ds, index, diag);
    validate_lanes(ds, index, Date(2026, 1, 1), diag);
    std::vector<std::string> out;
    for (const auto& p : diag.problems()) {
        out.push_back(p.str());
    }
    return out;
}

}  // namespace

TEST_CASE("a complete held lane passes", "[derive][validate]") {
    auto ds = two_islands();
    ds.records = {record("a", "both", "russia", Status::de_jure, kTimelineStart, Date(1875, 8, 22)),
                  record("b", "both", "japan", Status::de_jure, Date(1875, 8, 22), std::nullopt)};
    CHECK(problems(ds).empty());
}

TEST_CASE("overlaps and gaps are found per island, naming the record at fault", "[derive][validate]") {
    auto ds = two_islands();
    ds.records = {record("a", "both", "russia", Status::de_jure, kTimelineStart, Date(1875, 8, 22), 2),
                  record("b", "urup", "japan", Status::de_jure, Date(1875, 8, 1), std::nullopt, 3),
                  record("c", "iturup", "japan", Status::de_jure, Date(1876, 1, 1), std::nullopt, 4)};
    const auto p = problems(ds);
    REQUIRE(p.size() == 2);
    CHECK(p[0] == "sovereignty.csv:4: record 'c': gap on 'iturup' in the held lane: nothing from 1875-08-22 (end of "
                  "'a') to 1876-01-01");
    CHECK(p[1] == "sovereignty.csv:3: record 'b': [1875-08-01, open) overlaps record 'a' [1855-02-07, 1875-08-22) on "
                  "'urup' in the held lane");
}

TEST_CASE("a held lane must start on 1855-02-07 and run to today", "[derive][validate]") {
    auto ds = two_islands();
    ds.records = {record("a", "both", "russia", Status::de_jure, Date(1856, 1, 1), Date(1900, 1, 1))};
    const auto p = problems(ds);
    CHECK(std::count_if(p.begin(), p.end(), [](const std::string& s) {
              return s.find("nothing from 1855-02-07 to 1856-01-01") != std::string::npos;
          }) == 2);
    CHECK(std::count_if(p.begin(), p.end(), [](const std::string& s) {
              return s.find("nothing from 1900-01-01 to today") != std::string::npos;
          }) == 2);
}

TEST_CASE("claims may have gaps but not overlaps, references must resolve", "[derive][validate]") {
    auto ds = two_islands();
    ds.records = {record("a", "both", "russia", Status::de_jure, kTimelineStart, std::nullopt),
                  record("c1", "urup", "japan", Status::claimed, Date(1900, 1, 1), Date(1910, 1, 1)),
                  record("c2", "urup", "japan", Status::claimed, Date(1950, 1, 1), std::nullopt),
                  record("x", "atlantis", "japan", Status::claimed, Date(1950, 1, 1), std::nullopt)};
    ds.records.back().basis = "no_such_treaty";
    ds.records.back().regimes = {"russian_empire"};
    const auto p = problems(ds);
    REQUIRE(p.size() == 3);
    CHECK(p[0] == "sovereignty.csv:2: record 'x': unknown territory 'atlantis' (not an island, part or group)");
    CHECK(p[1] == "sovereignty.csv:2: record 'x': unknown basis event 'no_such_treaty'");
    CHECK(p[2] == "sovereignty.csv:2: record 'x': regime 'russian_empire' belongs to russia, not to holder japan");
}

TEST_CASE("groups resolve to islands, cycles are reported", "[derive][territory]") {
    auto ds = two_islands();
    Territory loop;
    loop.id = "loop";
    loop.kind = "group";
    loop.members = {"urup", "loop"};
    loop.where = Location{"territories.csv", 3, "loop"};
    ds.territories.push_back(loop);
    Diagnostics diag;
    const TerritoryIndex index(ds, diag);
    CHECK(index.atoms_of("both") == std::vector<std::string>{"iturup", "urup"});
    REQUIRE(diag.size() == 1);
    CHECK(diag.problems()[0].str() == "territories.csv:3: record 'loop': group 'loop' contains itself");
}

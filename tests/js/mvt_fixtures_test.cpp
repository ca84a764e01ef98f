// The MVT checker (tiles/mvt/checker) against @mapbox/mvt-fixtures, the reference suite of valid and
// invalid tiles, from npm (tests/js/node_modules, installed by scripts/setup.sh --tests). A client test
// (ctest label `client`): the unit tests need no npm.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "geom/geos.hpp"
#include "tiles/mvt/checker.hpp"
#include "util/files.hpp"

using namespace kuril;
using namespace kuril::tiles;

TEST_CASE("the checker agrees with @mapbox/mvt-fixtures on which tiles are valid MVT 2.x", "[tiles][checker]") {
    const std::filesystem::path dir = std::string(KURIL_SOURCE_DIR) + "/tests/js/node_modules/@mapbox/mvt-fixtures/fixtures";
    REQUIRE(std::filesystem::is_directory(dir));  // installed by scripts/setup.sh (npm ci in tests/js)
    // Where the fixtures contradict themselves the spec's text decides:
    // - 016 is byte-identical to 003 (a feature with no type field; §4.2 "A feature MUST contain a type
    //   field"), yet marked valid while 003 is invalid.
    // - 057 announces 2^29-1 MoveTo points with one coordinate pair; §4.3.2 requires count × 2
    //   parameters, and fixture 058 (the same for LineTo) is marked invalid.
    const std::set<std::string> contradicted{"016", "057"};
    geom::Context ctx;
    std::size_t checked = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const std::string id = e.path().filename().string();
        const auto info = nlohmann::json::parse(read_file(e.path() / "info.json"));
        const bool valid = info.at("validity").at("v2").get<bool>();
        const auto verdict = check_tile(read_file(e.path() / "tile.mvt"), ctx);
        INFO("fixture " << id << ": " << info.at("description").get<std::string>());
        for (const auto& p : verdict.problems) {
            INFO(p);
        }
        if (contradicted.count(id) > 0) {
            CHECK_FALSE(verdict.valid());
        } else {
            CHECK(verdict.valid() == valid);
        }
        ++checked;
    }
    CHECK(checked >= 70);
}


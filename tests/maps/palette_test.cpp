// The palette file (maps/palette): the colours every map client shares, and its errors.
#include <catch2/catch.hpp>

#include "../util/scratch.hpp"
#include "maps/palette.hpp"
#include "util/error.hpp"
#include "util/files.hpp"

using namespace kuril;

TEST_CASE("read_palette: the shipped palette reads, a bad colour is refused naming the file", "[maps][palette]") {
    const maps::Palette p = maps::read_palette(std::string(KURIL_SOURCE_DIR) + "/styles/palette.json");
    CHECK(p.holders.count("japan") == 1);
    CHECK(p.holders.count("russia") == 1);
    CHECK(p.boundary.count("de_jure") == 1);

    const test::Scratch s("palette");
    std::string text = read_file(std::string(KURIL_SOURCE_DIR) + "/styles/palette.json");
    const auto at = text.find('#');
    REQUIRE(at != std::string::npos);
    text.replace(at, 7, "#zzzzzz");
    write_file(s / "palette.json", text);
    CHECK_THROWS_WITH(maps::read_palette(s / "palette.json"), Catch::Contains("palette.json"));
}

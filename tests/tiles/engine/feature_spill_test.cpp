// Source features through the spill file and back (tiles/engine/feature_spill), as partitioned runs use it.
#include <catch2/catch.hpp>

#include "../../util/scratch.hpp"
#include "tiles/engine/feature_spill.hpp"
#include "util/error.hpp"
#include "util/files.hpp"

using namespace kuril;
using namespace kuril::tiles;

TEST_CASE("spill: every feature comes back as written, in order", "[tiles][spill]") {
    const test::Scratch s("spill");
    SourceFeature a;
    a.id = 7;
    a.kind = GeomKind::polygon;
    a.attributes = {{"name", std::string("Iturup")}, {"area", 3139.5}, {"rank", std::int64_t{-3}}, {"held", true}};
    a.polygons = {{{{0.1, 0.2, false}, {0.3, 0.2, true}, {0.3, 0.4, false}, {0.1, 0.2, false}}}};
    SourceFeature b;
    b.id = 8;
    b.kind = GeomKind::line;
    b.lines = {{{0.5, 0.5, false}, {0.6, 0.6, false}}};
    {
        SpillWriter w(s / "f.spill");
        w.write(2, a);
        w.write(0, b);
        w.close();
        CHECK(w.bytes() > 0);
    }
    std::vector<std::pair<std::uint32_t, SourceFeature>> back;
    read_spill(s / "f.spill", [&](std::uint32_t layer, SourceFeature&& f) { back.emplace_back(layer, std::move(f)); });
    REQUIRE(back.size() == 2);
    CHECK(back[0].first == 2);
    CHECK(back[0].second.id == 7);
    REQUIRE(back[0].second.attributes.size() == 4);
    CHECK(std::get<std::string>(back[0].second.attributes[0].value) == "Iturup");
    CHECK(std::get<double>(back[0].second.attributes[1].value) == 3139.5);
    CHECK(std::get<std::int64_t>(back[0].second.attributes[2].value) == -3);
    CHECK(std::get<bool>(back[0].second.attributes[3].value));
    CHECK(back[0].second.polygons[0][0][1].fixed);
    CHECK(back[0].second.polygons[0][0][2].y == 0.4);
    CHECK(back[1].first == 0);
    CHECK(back[1].second.kind == GeomKind::line);
    CHECK(back[1].second.lines[0].size() == 2);
}

TEST_CASE("spill: a truncated file is an error naming it, not a short read", "[tiles][spill]") {
    const test::Scratch s("spill-cut");
    SourceFeature a;
    a.id = 1;
    a.points = {{0.5, 0.5, false}};
    {
        SpillWriter w(s / "f.spill");
        w.write(0, a);
        w.close();
    }
    const std::string whole = read_file(s / "f.spill");
    write_file(s / "f.spill", whole.substr(0, whole.size() - 5));
    CHECK_THROWS_WITH(read_spill(s / "f.spill", [](std::uint32_t, SourceFeature&&) {}),
                      Catch::Contains("f.spill") && Catch::Contains("truncated"));
}

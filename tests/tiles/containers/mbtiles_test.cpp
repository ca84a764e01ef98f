// MBTiles 1.3 written and read back (tiles/containers/mbtiles_writer, mbtiles_reader), and the TileJSON
// fields kuril serve makes of either container's metadata (tiles/containers/metadata).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "../../util/scratch.hpp"
#include "two_tiles.hpp"
#include "tiles/containers/mbtiles_reader.hpp"
#include "tiles/containers/mbtiles_writer.hpp"
#include "tiles/containers/metadata.hpp"
#include "tiles/containers/pmtiles_reader.hpp"
#include "tiles/containers/pmtiles_writer.hpp"
#include "tiles/gzip.hpp"
#include "util/error.hpp"
#include "util/files.hpp"

using namespace kuril;
using namespace kuril::tiles;
using kuril::test::info;
using kuril::test::two_tiles;


TEST_CASE("MBTiles: tiles by XYZ address (TMS rows in the file), in order, and the metadata", "[tiles][mbtiles]") {
    const test::Scratch s("mbtiles");
    write_mbtiles(s / "t.mbtiles", two_tiles(), info());
    MbtilesArchive archive(s / "t.mbtiles");
    REQUIRE(archive.tile({1, 1, 0}));
    CHECK(gunzip(*archive.tile({1, 1, 0})) == "tile 1");
    CHECK_FALSE(archive.tile({1, 1, 1}));
    std::vector<TileAddress> order;
    CHECK(archive.for_each([&](const TileAddress& a, const std::string&) { order.push_back(a); }) == 2);
    CHECK(order == std::vector<TileAddress>{{0, 0, 0}, {1, 1, 0}});
    const auto meta = archive.metadata();
    CHECK(meta.at("name") == "kuril");
    CHECK(meta.at("format") == "pbf");

    const auto t = tilejson_fields(meta);
    CHECK(t["name"] == "kuril");
    CHECK(t["attribution"] == "GSHHG");
    CHECK(t["minzoom"] == 0);
    CHECK(t["maxzoom"] == 1);
    CHECK(t["bounds"] == nlohmann::ordered_json::array({141, 41.3, 157.5, 51.5}));
    CHECK(t["vector_layers"][0]["id"] == "islands");
}

TEST_CASE("TileJSON fields: the same from the PMTiles archive as from the MBTiles", "[tiles][metadata]") {
    const test::Scratch s("tilejson");
    write_mbtiles(s / "t.mbtiles", two_tiles(), info());
    (void)write_pmtiles(s / "t.pmtiles", two_tiles(), info());
    MbtilesArchive mb(s / "t.mbtiles");
    PmtilesArchive pm(s / "t.pmtiles");
    auto a = tilejson_fields(mb.metadata());
    auto b = tilejson_fields(pm.header(), pm.metadata());
    CHECK(a["name"] == b["name"]);
    CHECK(a["vector_layers"] == b["vector_layers"]);
    CHECK(a["minzoom"] == b["minzoom"]);
    for (int i = 0; i < 4; ++i) CHECK(a["bounds"][i].get<double>() == Approx(b["bounds"][i].get<double>()).margin(1e-6));
}

TEST_CASE("MBTiles: a file that is not one is refused, naming it", "[tiles][mbtiles]") {
    const test::Scratch s("mbtiles-bad");
    write_file(s / "x.mbtiles", "not sqlite at all, just text that is long enough to be read as a header....");
    try {
        MbtilesArchive archive(s / "x.mbtiles");
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("x.mbtiles") != std::string::npos);
    }
}

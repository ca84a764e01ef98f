// The tilesets kuril serve answers from (serve/tilesets): every PMTiles and MBTiles file of a directory,
// read in place, the same tiles and TileJSON from both, and nothing but plain file names.
#include <catch2/catch.hpp>

#include "../tiles/containers/two_tiles.hpp"
#include "../util/scratch.hpp"
#include "serve/tilesets.hpp"
#include "tiles/containers/mbtiles_writer.hpp"
#include "tiles/containers/pmtiles_writer.hpp"
#include "util/files.hpp"

#include <nlohmann/json.hpp>

using namespace kuril;

TEST_CASE("Tilesets: both containers by name, the same tiles, plain names only", "[serve][tilesets]") {
    const test::Scratch s("tilesets");
    tiles::write_mbtiles(s / "t.mbtiles", test::two_tiles(), test::info());
    (void)tiles::write_pmtiles(s / "t.pmtiles", test::two_tiles(), test::info());
    write_file(s / "notes.txt", "not a tileset");
    serve::Tilesets sets(s.dir());
    CHECK(sets.names() == std::vector<std::string>{"t.mbtiles", "t.pmtiles"});
    const auto mb = sets.get("t.mbtiles");
    const auto pm = sets.get("t.pmtiles");
    REQUIRE(mb);
    REQUIRE(pm);
    CHECK(mb->tile({1, 1, 0}) == pm->tile({1, 1, 0}));
    CHECK_FALSE(pm->tile({1, 0, 0}));
    CHECK(mb->tilejson()["vector_layers"] == pm->tilejson()["vector_layers"]);
    CHECK_FALSE(sets.get("notes.txt"));
    CHECK_FALSE(sets.get("../t.pmtiles"));
    CHECK_FALSE(sets.get(".t.pmtiles"));
    CHECK_FALSE(sets.get("missing.pmtiles"));
}

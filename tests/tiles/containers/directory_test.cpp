// z/x/y directories (tiles/containers/directory_writer), written through write_tiles (containers/output),
// which picks the container by the path, and read back by for_each_tile (containers/tile_reader).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "../../util/scratch.hpp"
#include "tiles/containers/output.hpp"
#include "tiles/containers/tile_reader.hpp"
#include "tiles/gzip.hpp"
#include "util/files.hpp"
#include "two_tiles.hpp"

using namespace kuril;
using namespace kuril::tiles;

TEST_CASE("z/x/y: each tile at z/x/y.pbf, uncompressed, with tiles.json and metadata.json beside", "[tiles][directory]") {
    const test::Scratch s("xyz");
    CHECK(container_of(s / "out") == container_of(s / "other"));
    CHECK(container_of(s / "t.pmtiles") != container_of(s / "t.mbtiles"));
    const TileSet set = test::two_tiles();
    CHECK(write_tiles(s / "out", set, test::info()) == 12);  // the bytes of the two tiles, as the files hold them
    CHECK(std::filesystem::file_size(s / "out/0/0/0.pbf") == 6);
    CHECK(std::filesystem::exists(s / "out/1/1/0.pbf"));
    CHECK(std::filesystem::exists(s / "out/tiles.json"));
    CHECK(std::filesystem::exists(s / "out/metadata.json"));
    std::map<TileAddress, std::string> back;
    CHECK(for_each_tile(s / "out", [&](const TileAddress& a, const std::string& mvt) { back[a] = mvt; }) == 2);
    CHECK(back.at({0, 0, 0}) == "tile 0");
    CHECK(back.at({1, 1, 0}) == "tile 1");
}

TEST_CASE("z/x/y: a tile equal to one written before is a hard link to it, not a file of its own",
          "[tiles][directory]") {
    const test::Scratch s("xyz-links");
    TileSet set = test::two_tiles();
    // z1 in full: 1/0/0 and 1/1/1 equal to 1/1/0 (as open sea repeats), 1/0/1 different.
    for (const TileAddress a : {TileAddress{1, 0, 0}, TileAddress{1, 0, 1}, TileAddress{1, 1, 1}}) {
        std::string data = a.x == 0 && a.y == 1 ? std::string("tile other") : std::string("tile 1");
        std::string z = gzip(data);
        set.tiles.push_back(Tile{a, pmtiles_id(a), std::move(data), std::move(z), {}, {}});
    }
    std::sort(set.tiles.begin(), set.tiles.end(), [](const Tile& a, const Tile& b) { return a.id < b.id; });
    CHECK(write_tiles(s / "out", set, test::info()) == 6 + 6 + 10 + 6 + 6);
    namespace fs = std::filesystem;
    CHECK(fs::equivalent(s / "out/1/0/0.pbf", s / "out/1/1/0.pbf"));
    CHECK(fs::equivalent(s / "out/1/1/1.pbf", s / "out/1/1/0.pbf"));
    CHECK(fs::hard_link_count(s / "out/1/1/0.pbf") == 3);
    CHECK(fs::hard_link_count(s / "out/1/0/1.pbf") == 1);
    CHECK(fs::hard_link_count(s / "out/0/0/0.pbf") == 1);
    std::map<TileAddress, std::string> back;
    CHECK(for_each_tile(s / "out", [&](const TileAddress& a, const std::string& mvt) { back[a] = mvt; }) == 5);
    CHECK(back.at({1, 0, 0}) == "tile 1");
    CHECK(back.at({1, 0, 1}) == "tile other");
    CHECK(back.at({1, 1, 1}) == "tile 1");
}

TEST_CASE("z/x/y: a rebuild links the tiles that did not change to the previous directory's files",
          "[tiles][directory]") {
    namespace fs = std::filesystem;
    const test::Scratch s("xyz-previous");
    const TileSet before = test::two_tiles();  // 0/0/0 "tile 0", 1/1/0 "tile 1"
    CHECK(write_tiles(s / "out", before, test::info()) == 12);
    const fs::path kept = s / "kept.pbf";
    fs::create_hard_link(s / "out/0/0/0.pbf", kept);  // the previous 0/0/0's file, wherever its name goes
    const fs::path old_1 = s / "old-1.pbf";
    fs::create_hard_link(s / "out/1/1/0.pbf", old_1);
    TileSet after = test::two_tiles();
    after.tiles[1].data = "tile 9";  // 1/1/0 changed (to bytes of the same length), 0/0/0 did not
    after.tiles[1].gz = gzip(after.tiles[1].data);
    CHECK(write_tiles(s / "out", after, test::info()) == 12);  // replaces out/, reading the previous one
    CHECK(fs::equivalent(s / "out/0/0/0.pbf", kept));           // the same file: linked, not written
    CHECK_FALSE(fs::equivalent(s / "out/1/1/0.pbf", old_1));   // a new file, the old one untouched
    CHECK(read_file(old_1) == "tile 1");
    CHECK(read_file(s / "out/1/1/0.pbf") == "tile 9");
    // Into another directory, naming the one to reuse: linked there too; a previous that is not there
    // only means writing every tile.
    CHECK(write_tiles(s / "copy", after, test::info(), s / "out") == 12);
    CHECK(fs::equivalent(s / "copy/0/0/0.pbf", kept));
    CHECK(fs::equivalent(s / "copy/1/1/0.pbf", s / "out/1/1/0.pbf"));
    CHECK(write_tiles(s / "fresh", after, test::info(), s / "nowhere") == 12);
    CHECK(fs::hard_link_count(s / "fresh/0/0/0.pbf") == 1);
}

// z/x/y directories (tiles/containers/directory_writer), written through write_tiles (containers/output),
// which picks the container by the path, and read back by for_each_tile (containers/tile_reader).
#include <catch2/catch.hpp>

#include <map>

#include "../../util/scratch.hpp"
#include "tiles/containers/output.hpp"
#include "tiles/containers/tile_reader.hpp"
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

// A tile set whose tiles' bytes are in a TileStore (partitioned runs) is written to every container
// exactly as the same set held in memory: the same PMTiles bytes, the same tiles read back from the
// MBTiles and the z/x/y directory, where equal tiles are found by their shared offset.
#include <catch2/catch.hpp>

#include <map>
#include <memory>

#include "../../util/scratch.hpp"
#include "tiles/containers/output.hpp"
#include "tiles/containers/pmtiles_writer.hpp"
#include "tiles/containers/tile_reader.hpp"
#include "tiles/gzip.hpp"
#include "tiles/tile_store.hpp"
#include "two_tiles.hpp"
#include "util/files.hpp"

using namespace kuril;
using namespace kuril::tiles;

namespace {

// Four tiles, two of them equal (1/1/0 and 1/0/1), their bytes only gzip'd (as partitions keep them).
TileSet four_tiles() {
    TileSet set = test::two_tiles();
    for (const TileAddress a : {TileAddress{1, 0, 0}, TileAddress{1, 0, 1}}) {
        std::string data = a.y == 1 ? std::string("tile 1") : std::string("tile other");
        set.tiles.push_back(Tile{a, pmtiles_id(a), std::move(data), {}, {}, {}});
        set.tiles.back().gz = gzip(set.tiles.back().data);
    }
    std::sort(set.tiles.begin(), set.tiles.end(), [](const Tile& a, const Tile& b) { return a.id < b.id; });
    for (auto& t : set.tiles) t.data.clear();
    return set;
}

TileSet stored(TileSet set, const std::filesystem::path& file) {
    auto store = std::make_shared<TileStore>(file);
    for (auto& t : set.tiles) {
        t.stored = store->add(t.gz);
        t.gz.clear();
    }
    set.store = store;
    return set;
}

std::map<TileAddress, std::string> tiles_in(const std::filesystem::path& path) {
    std::map<TileAddress, std::string> out;
    (void)for_each_tile(path, [&](const TileAddress& a, const std::string& mvt) { out[a] = mvt; });
    return out;
}

}  // namespace

TEST_CASE("stored tiles: every container written as from memory", "[tiles][store]") {
    const test::Scratch s("stored-tiles");
    const TileSet memory = four_tiles();
    const TileSet store = stored(four_tiles(), s / "tiles.bin");
    REQUIRE(store.tiles.size() == 4);
    CHECK(store.tiles[0].gz.empty());
    PmtilesStats a{}, b{};
    CHECK(pmtiles_archive(store, test::info(), &b) == pmtiles_archive(memory, test::info(), &a));
    CHECK(b.contents == 3);  // the two equal tiles once
    CHECK(b.contents == a.contents);
    for (const char* name : {"t.pmtiles", "t.mbtiles", "xyz"}) {
        (void)write_tiles(s / (std::string("memory-") + name), memory, test::info());
        (void)write_tiles(s / (std::string("stored-") + name), store, test::info());
        const auto back = tiles_in(s / (std::string("stored-") + name));
        CHECK(back == tiles_in(s / (std::string("memory-") + name)));
        CHECK(back.size() == 4);
        CHECK(back.at({1, 0, 1}) == "tile 1");
        CHECK(back.at({1, 0, 0}) == "tile other");
    }
    CHECK(read_file(s / "stored-t.pmtiles") == read_file(s / "memory-t.pmtiles"));
    CHECK(std::filesystem::equivalent(s / "stored-xyz/1/0/1.pbf", s / "stored-xyz/1/1/0.pbf"));
}

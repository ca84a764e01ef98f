// Finished tiles' bytes in a temporary file, each distinct content once (tiles/tile_store).
#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "../util/scratch.hpp"
#include "tiles/tile_store.hpp"

using namespace kuril;
using namespace kuril::tiles;

namespace {

std::string content(int i) { return "tile bytes " + std::to_string(i) + std::string(static_cast<std::size_t>(i % 97), 'x'); }

}  // namespace

TEST_CASE("TileStore: each distinct content once, read back as stored, the file never left behind", "[tiles][store]") {
    const test::Scratch s("tile-store");
    TileStore store(s / "tiles.bin");
    CHECK_FALSE(std::filesystem::exists(s / "tiles.bin"));  // unlinked at once, kept open
    const StoredTile a = store.add("first tile");
    const StoredTile b = store.add("second tile");
    const StoredTile a2 = store.add(std::string("first ") + "tile");
    CHECK(a.offset == a2.offset);
    CHECK(a.length == 10);
    CHECK(b.offset != a.offset);
    CHECK(store.contents() == 2);
    CHECK(store.bytes() == 21);
    std::string out;
    store.read(b, out);
    CHECK(out == "second tile");
    // Past the write buffer (1 MiB): the early contents are read from the file, the late from memory.
    std::vector<StoredTile> refs;
    for (int i = 0; i < 60000; ++i) refs.push_back(store.add(content(i)));
    CHECK(store.bytes() > (2U << 20U));
    for (int i = 0; i < 60000; i += 997) {
        store.read(refs[static_cast<std::size_t>(i)], out);
        CHECK(out == content(i));
        CHECK(store.add(content(i)).offset == refs[static_cast<std::size_t>(i)].offset);
    }
    CHECK(store.contents() == 60002);
}

TEST_CASE("TileStore: threads adding the same contents get the same offsets", "[tiles][store]") {
    const test::Scratch s("tile-store-threads");
    TileStore store(s / "tiles.bin");
    std::vector<std::vector<StoredTile>> got(4);
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < got.size(); ++k) {
        threads.emplace_back([&, k] {
            for (int i = 0; i < 5000; ++i) got[k].push_back(store.add(content(i)));
        });
    }
    for (auto& t : threads) t.join();
    for (std::size_t k = 1; k < got.size(); ++k) {
        for (std::size_t i = 0; i < got[0].size(); ++i) REQUIRE(got[k][i].offset == got[0][i].offset);
    }
    CHECK(store.contents() == 5000);
    std::string out;
    store.read(got[3][4321], out);
    CHECK(out == content(4321));
}

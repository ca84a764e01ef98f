#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "tiles/gzip.hpp"
#include "tiles/containers/pmtiles_writer.hpp"
#include "tiles/containers/tile_reader.hpp"

using namespace kuril::tiles;

namespace {
TileSet synthetic(std::uint32_t side, int repeats_every) {
    TileSet set;
    set.minzoom = set.maxzoom = 12;
    set.west = 141;
    set.east = 157.5;
    set.south = 41.3;
    set.north = 51.5;
    set.layers = {VectorLayer{"l", "", 12, 12, {{"a", "String"}}}};
    for (std::uint32_t x = 0; x < side; ++x) {
        for (std::uint32_t y = 0; y < side; ++y) {
            const TileAddress a{12, 3000 + x, 1400 + y};
            const bool same = repeats_every > 0 && (x * side + y) % repeats_every != 0;
            std::string data = same ? std::string("same tile") : "tile " + std::to_string(x) + "/" + std::to_string(y);
            std::string z = gzip(data);
            set.tiles.push_back(Tile{a, pmtiles_id(a), std::move(data), std::move(z), {}, {}});
        }
    }
    std::sort(set.tiles.begin(), set.tiles.end(), [](const Tile& a, const Tile& b) { return a.id < b.id; });
    return set;
}

std::map<TileAddress, std::string> read_back(const TileSet& set, PmtilesStats& stats) {
    const auto path = std::filesystem::temp_directory_path() / ("kuril-pmtiles-test-" + std::to_string(::getpid()) + ".pmtiles");
    stats = write_pmtiles(path, set, TilesetInfo{});
    std::map<TileAddress, std::string> got;
    for_each_tile(path, [&](const TileAddress& a, const std::string& d) { got[a] = d; });
    std::filesystem::remove(path);
    return got;
}
}  // namespace

TEST_CASE("PMTiles: identical tiles stored once, consecutive ones as one run", "[tiles][pmtiles]") {
    const TileSet set = synthetic(20, 50);
    PmtilesStats stats;
    const auto got = read_back(set, stats);
    REQUIRE(got.size() == set.tiles.size());
    for (const auto& t : set.tiles) {
        CHECK(got.at(t.address) == t.data);
    }
    CHECK(stats.addressed_tiles == 400);
    CHECK(stats.contents == 9);  // 8 distinct + the shared one
    CHECK(stats.entries < stats.addressed_tiles);
    CHECK(stats.leaf_directories == 0);
}

TileSet scattered(std::size_t n) {
    // Distinct tiles of varied sizes scattered over z14: a directory that gzip cannot squeeze into 16 KiB.
    TileSet set = synthetic(1, 0);
    set.tiles.clear();
    set.minzoom = set.maxzoom = 14;
    std::uint64_t state = 12345;
    std::set<TileAddress> used;
    while (set.tiles.size() < n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const TileAddress a{14, static_cast<std::uint32_t>(state >> 40) % 16384, static_cast<std::uint32_t>(state >> 18) % 16384};
        if (!used.insert(a).second) {
            continue;
        }
        std::string data = "tile " + std::to_string(state) + std::string(static_cast<std::size_t>(state >> 58), 'x');
        std::string z = gzip(data);
        set.tiles.push_back(Tile{a, pmtiles_id(a), std::move(data), std::move(z), {}, {}});
    }
    std::sort(set.tiles.begin(), set.tiles.end(), [](const Tile& a, const Tile& b) { return a.id < b.id; });
    return set;
}

TEST_CASE("PMTiles: a directory too large for the first 16 KiB goes to leaf directories", "[tiles][pmtiles]") {
    const TileSet set = scattered(20000);
    PmtilesStats stats;
    const auto got = read_back(set, stats);
    CHECK(stats.leaf_directories > 0);
    REQUIRE(got.size() == set.tiles.size());
    CHECK(got.at(set.tiles.back().address) == set.tiles.back().data);
    CHECK(got.at(set.tiles.front().address) == set.tiles.front().data);
}

TEST_CASE("PMTiles: header fields", "[tiles][pmtiles]") {
    const TileSet set = synthetic(4, 0);
    const std::string a = pmtiles_archive(set, TilesetInfo{});
    const auto h = read_pmtiles_header(a, "mem");
    CHECK(h.root_offset == 127);
    CHECK(h.root_offset + h.root_length <= kPmtilesRootLimit);
    CHECK(h.clustered == 1);
    CHECK(h.tile_type == 1);
    CHECK(h.tile_compression == 2);
    CHECK(h.internal_compression == 2);
    CHECK(h.min_lon_e7 == 1410000000);
    CHECK(h.max_lat_e7 == 515000000);
    CHECK(read_pmtiles_metadata(a, "mem").at("vector_layers").at(0).at("id") == "l");
}

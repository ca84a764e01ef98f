// Point thinning (tiles/engine/thinning.hpp): first zooms by drop rate, in memory and by partitions.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "tiles/engine/partitioned.hpp"
#include "tiles/engine/thinning.hpp"
#include "tiles/gzip.hpp"
#include "tiles/mvt/checker.hpp"

using namespace kuril;
using namespace kuril::tiles;

namespace {

// n points scattered over the North Pacific by a fixed linear congruential sequence, ids 1..n.
SourceLayer scattered(std::size_t n) {
    SourceLayer l;
    l.name = "points";
    std::uint64_t s = 12345;
    const auto next = [&] {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(s >> 11U) / 9007199254740992.0;
    };
    for (std::size_t i = 0; i < n; ++i) {
        SourceFeature f;
        f.id = i + 1;
        f.kind = GeomKind::point;
        f.points = {mercator(130 + 30 * next(), 35 + 20 * next())};
        f.attributes = {{"n", static_cast<std::int64_t>(i)}};
        l.features.push_back(std::move(f));
    }
    return l;
}

// The ids in each zoom's tiles (decoded; duplicates in tile buffers counted once).
std::map<int, std::set<std::uint64_t>> ids_by_zoom(const TileSet& set) {
    const geom::Context ctx;
    std::map<int, std::set<std::uint64_t>> ids;
    std::string buffer;
    for (const auto& t : set.tiles) {
        const std::string data = t.data.empty() ? std::string() : t.data;
        REQUIRE(!data.empty());
        const auto d = check_tile(data, ctx);
        REQUIRE(d.valid());
        for (const auto& l : d.layers) {
            for (const auto& f : l.features) ids[t.address.z].insert(*f.id);
        }
    }
    return ids;
}

}  // namespace

TEST_CASE("each zoom above the base keeps 1/rate of the next one's points, a subset of them", "[tiles][thinning]") {
    std::vector<SourceLayer> layers{scattered(20000)};
    layers[0].maxzoom = 8;
    ThinningOptions o;  // base: the maximum zoom, rate 2.5
    const auto report = thin_points(layers, o);
    CHECK(report.base_zoom == 8);
    CHECK(report.points == 20000);
    CHECK(report.kept(8) == 20000);
    for (int z = 0; z < 8; ++z) {
        // A van der Corput sequence strays from n x fraction by at most log2(n) + 1 over any run of n.
        const double expected = 20000 * std::pow(2.5, z - 8);
        CHECK(std::abs(static_cast<double>(report.kept(z)) - expected) <= std::log2(20000.0) + 1);
    }
    TileOptions to;
    to.threads = 2;
    const TileSet set = make_tiles(std::move(layers), to, Progress(true));
    const auto ids = ids_by_zoom(set);
    for (int z = 0; z < 8; ++z) {
        CHECK(ids.at(z).size() == report.kept(z));
        CHECK(std::includes(ids.at(z + 1).begin(), ids.at(z + 1).end(), ids.at(z).begin(), ids.at(z).end()));
    }
    CHECK(ids.at(8).size() == 20000);  // every point at the base zoom
}

TEST_CASE("the points kept are spread evenly: each quarter of a grid keeps its share", "[tiles][thinning]") {
    // A 64 x 64 grid of points, one in each z6 tile of a z0 quadrant's... kept at z3 at 1/2.5^3 = 1/15.6.
    std::vector<SourceLayer> layers(1);
    layers[0].name = "grid";
    layers[0].maxzoom = 6;
    for (int i = 0; i < 64; ++i) {
        for (int j = 0; j < 64; ++j) {
            SourceFeature f;
            f.id = static_cast<std::uint64_t>(i * 64 + j + 1);
            f.kind = GeomKind::point;
            f.points = {Pt{(i + 0.5) / 64.0, (j + 0.5) / 64.0, false}};
            layers[0].features.push_back(std::move(f));
        }
    }
    std::vector<SourceFeature*> all;
    thin_points(layers, ThinningOptions{});
    // Each of the 16 z2 tiles (256 points) keeps 256/15.6 = 16.4 at z3: 15 to 18, never a clump.
    std::map<int, int> per_tile;
    for (const auto& f : layers[0].features) {
        if (f.minzoom <= 3) ++per_tile[static_cast<int>(f.points[0].x * 4) * 4 + static_cast<int>(f.points[0].y * 4)];
    }
    REQUIRE(per_tile.size() == 16);
    for (const auto& [tile, n] : per_tile) {
        INFO("z2 tile " << tile);
        CHECK(n >= 15);
        CHECK(n <= 18);
    }
}

TEST_CASE("partitions choose the same points as one pass", "[tiles][thinning][partitioned]") {
    SourceLayer one = scattered(5000);
    one.maxzoom = 7;
    std::vector<SourceLayer> layers{one};
    const auto whole_report = thin_points(layers, ThinningOptions{});
    TileOptions o;
    o.threads = 2;
    const TileSet whole = make_tiles(std::move(layers), o, Progress(true));

    const auto dir = std::filesystem::temp_directory_path() / ("kuril-thinning-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    PartitionedTiler parted(o, 3, dir);
    const std::size_t layer = parted.layer("points", 0, 7);
    for (const auto& f : one.features) parted.add(layer, f);
    TileSet split = parted.finish(Progress(true));
    CHECK(std::filesystem::is_empty(dir));
    std::filesystem::remove_all(dir);
    REQUIRE(split.thinning.has_value());
    CHECK(split.thinning->first_zooms == whole_report.first_zooms);
    // The same ids in every zoom, read back from the partitioned set's store.
    std::string buffer;
    const geom::Context ctx;
    std::map<int, std::set<std::uint64_t>> parted_ids;
    for (const auto& t : split.tiles) {
        const auto d = check_tile(gunzip(split.gz(t, buffer)), ctx);
        for (const auto& l : d.layers) {
            for (const auto& f : l.features) parted_ids[t.address.z].insert(*f.id);
        }
    }
    CHECK(parted_ids == ids_by_zoom(whole));
}

TEST_CASE("a drop rate of 1 keeps every point at every zoom, and the base zoom sets where thinning stops", "[tiles][thinning]") {
    std::vector<SourceLayer> layers{scattered(3000)};
    layers[0].maxzoom = 9;
    ThinningOptions o;
    o.drop_rate = 1;
    CHECK(thin_points(layers, o).kept(0) == 3000);
    o.drop_rate = 2;
    o.base_zoom = 5;
    const auto r = thin_points(layers, o);
    CHECK(r.kept(5) == 3000);
    CHECK(r.kept(4) == 1500);
    CHECK(r.kept(9) == 3000);
}

TEST_CASE("guesses: the maximum zoom from the spacing, the base zoom from the densest tile, the rate from how it thins out", "[tiles][thinning]") {
    std::vector<SourceLayer> layers{scattered(4000)};
    layers[0].maxzoom = 14;
    ThinningOptions o;
    o.guess_maxzoom = true;
    o.guess_rate = true;
    const auto r = thin_points(layers, o);
    // 4000 points over 30 x 20 degrees: neighbours ~0.3-0.5 degrees apart, 4 pixels of a z3 tile (0.7 degrees).
    CHECK(r.guessed_maxzoom);
    CHECK(r.maxzoom >= 2);
    CHECK(r.maxzoom <= 4);
    CHECK(layers[0].maxzoom == r.maxzoom);
    CHECK(r.drop_rate > 1);
    CHECK(r.kept(r.maxzoom) == 4000);
    ThinningOptions b;
    b.guess_base = true;
    layers[0].maxzoom = 10;
    CHECK(thin_points(layers, b).base_zoom == 0);  // 4000 points: the z0 tile already holds under 50,000
}

TEST_CASE("clusters carry the counts of the points they stand for, which add up to the input", "[tiles][thinning][clusters]") {
    std::vector<SourceLayer> layers{scattered(3000)};
    layers[0].maxzoom = 6;
    TileOptions o;
    o.threads = 2;
    o.thinning.drop_rate = 1;
    o.thinning.cluster_distance = 20;
    thin_points(layers, o.thinning);
    const TileSet set = make_tiles(std::move(layers), o, Progress(true));
    const geom::Context ctx;
    std::map<int, std::int64_t> sums;
    std::map<int, std::size_t> features, clusters;
    for (const auto& t : set.tiles) {
        for (const auto& l : check_tile(t.data, ctx).layers) {
            for (const auto& f : l.features) {
                ++features[t.address.z];
                std::int64_t count = 1;
                for (const auto& a : f.attributes) {
                    if (a.key == "point_count") count = std::get<std::int64_t>(a.value);
                }
                clusters[t.address.z] += count > 1 ? 1 : 0;
                sums[t.address.z] += count;
            }
        }
    }
    for (int z = 0; z < 6; ++z) {
        INFO("z" << z);
        CHECK(sums[z] == 3000);
        CHECK(clusters[z] > 0);
        CHECK(features[z] < 3000);
    }
    CHECK(clusters[6] == 0);  // the maximum zoom: every point as it is
    CHECK(features[0] < features[5]);
    const auto& fields = set.layers[0].fields;
    CHECK(std::any_of(fields.begin(), fields.end(), [](const FieldInfo& f) { return f.name == "point_count" && f.type == "Number"; }));
}

TEST_CASE("a tile over the limit loses its densest points first", "[tiles][thinning][densest]") {
    // 3000 points in a 0.2-degree square near Shikotan and 1000 scattered over the North Pacific, all at z0.
    std::vector<SourceLayer> layers{scattered(1000)};
    layers[0].maxzoom = 0;
    for (std::uint64_t i = 0; i < 3000; ++i) {
        SourceFeature f;
        f.id = 10000 + i;
        f.kind = GeomKind::point;
        f.points = {mercator(146.6 + 0.2 * static_cast<double>(i % 55) / 55, 43.8 + 0.2 * static_cast<double>(i / 55) / 55)};
        f.attributes = {{"n", static_cast<std::int64_t>(i)}};
        layers[0].features.push_back(std::move(f));
    }
    TileOptions o;
    o.threads = 1;
    o.max_tile_bytes = 16000;
    o.thinning.drop_densest = true;
    const TileSet set = make_tiles(std::move(layers), o, Progress(true));
    REQUIRE(set.tiles.size() == 1);
    CHECK(set.tiles[0].gz.size() <= 16000);
    std::size_t dense = 0, sparse = 0;
    const auto decoded = check_tile(set.tiles[0].data, geom::Context{});  // held: the loop reads into it
    for (const auto& f : decoded.layers.at(0).features) (*f.id >= 10000 ? dense : sparse)++;
    INFO("kept " << sparse << " of 1000 scattered, " << dense << " of 3000 in the dense square");
    CHECK(sparse > 900);   // the scattered points stay
    CHECK(dense < 100);    // the dense square is thinned to a few
    CHECK(dense > 0);
}

TEST_CASE("a partition of points too large to hold is tiled in parts, and gives the same tiles", "[tiles][thinning][partitioned]") {
    SourceLayer one = scattered(20000);
    one.maxzoom = 9;
    const auto run = [&](std::uint64_t split_bytes, const char* name) {
        const auto dir = std::filesystem::temp_directory_path() / (std::string(name) + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        TileOptions o;
        o.threads = 2;
        o.split_bytes = split_bytes;
        PartitionedTiler parted(o, 2, dir);
        const std::size_t layer = parted.layer("points", 0, 9);
        for (const auto& f : one.features) parted.add(layer, f);
        TileSet set = parted.finish(Progress(true));
        CHECK(std::filesystem::is_empty(dir));  // the parts' files removed too
        std::filesystem::remove_all(dir);
        std::map<std::uint64_t, std::string> tiles;
        std::string buffer;
        for (const auto& t : set.tiles) tiles[t.id] = std::string(set.gz(t, buffer));
        return tiles;
    };
    const auto whole = run(1ULL << 40U, "kuril-split-whole-");
    const auto split = run(1, "kuril-split-parts-");  // every partition split, down to z8 roots
    CHECK(whole.size() > 1000);
    CHECK(split == whole);
}

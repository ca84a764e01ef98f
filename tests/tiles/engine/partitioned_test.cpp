// Tiling a part at a time (tiles/partitioned.hpp) and its temporary files (tiles/feature_spill.hpp).
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <set>

#include "tiles/engine/partitioned.hpp"

using namespace kuril;
using namespace kuril::tiles;

namespace {

SourceFeature square(std::uint64_t id, double lon, double lat, double size) {
    SourceFeature f;
    f.id = id;
    f.kind = GeomKind::polygon;
    f.polygons.push_back({{mercator(lon, lat), mercator(lon + size, lat), mercator(lon + size, lat + size),
                           mercator(lon, lat + size), mercator(lon, lat)}});
    f.attributes = {{"name", std::string("sq") + std::to_string(id)}, {"n", static_cast<std::int64_t>(id)},
                    {"x", 0.5}, {"ok", true}};
    return f;
}

std::filesystem::path scratch(const char* name) {
    const auto d = std::filesystem::temp_directory_path() / (std::string(name) + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    return d;
}

}  // namespace

TEST_CASE("a spilled feature reads back as written: geometry, fixed flags, every value type", "[tiles][spill]") {
    const auto dir = scratch("kuril-spill-test");
    SourceFeature f = square(7, 145, 43, 1);
    f.polygons[0][0][2].fixed = true;
    SourceFeature line;
    line.id = 8;
    line.kind = GeomKind::line;
    line.lines = {{mercator(140, 40), mercator(141, 41)}};
    SourceFeature pt;
    pt.id = 9;
    pt.kind = GeomKind::point;
    pt.points = {mercator(146, 44)};
    {
        SpillWriter w(dir / "a.bin");
        w.write(0, f);
        w.write(2, line);
        w.write(1, pt);
        w.close();
    }
    std::vector<std::pair<std::uint32_t, SourceFeature>> back;
    read_spill(dir / "a.bin", [&](std::uint32_t layer, SourceFeature&& g) { back.emplace_back(layer, std::move(g)); });
    REQUIRE(back.size() == 3);
    CHECK(back[0].first == 0);
    CHECK(back[0].second.id == 7);
    CHECK(back[0].second.polygons[0][0].size() == 5);
    CHECK(back[0].second.polygons[0][0][2].fixed);
    CHECK(back[0].second.polygons[0][0][1].x == f.polygons[0][0][1].x);
    CHECK(back[0].second.attributes.size() == 4);
    CHECK(std::get<std::string>(back[0].second.attributes[0].value) == "sq7");
    CHECK(std::get<std::int64_t>(back[0].second.attributes[1].value) == 7);
    CHECK(std::get<double>(back[0].second.attributes[2].value) == 0.5);
    CHECK(std::get<bool>(back[0].second.attributes[3].value));
    CHECK(back[1].first == 2);
    CHECK(back[1].second.kind == GeomKind::line);
    CHECK(back[2].second.points.size() == 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("partitions give the same tiles as one pass, and leave no file behind", "[tiles][partitioned]") {
    // Squares over several partitions, some across partition edges (0° and 90° E are z2 tile edges).
    std::vector<SourceFeature> features;
    std::uint64_t id = 1;
    for (double lon = -10; lon < 100; lon += 9.7) {
        for (double lat = -20; lat < 40; lat += 11.3) {
            features.push_back(square(id++, lon, lat, 3.1));
        }
    }
    SourceLayer one;
    one.name = "squares";
    one.maxzoom = 6;
    one.features = features;
    TileOptions o;
    o.threads = 1;
    const TileSet whole = make_tiles({one}, o, Progress(true));

    const auto dir = scratch("kuril-partition-test");
    PartitionedTiler parted(o, 2, dir);
    const std::size_t layer = parted.layer("squares", 0, 6);
    for (const auto& f : features) parted.add(layer, f);
    const TileSet split = parted.finish(Progress(true));
    CHECK(std::filesystem::is_empty(dir));

    std::set<std::tuple<int, std::uint32_t, std::uint32_t>> a, b;
    for (const auto& t : whole.tiles) a.insert({t.address.z, t.address.x, t.address.y});
    for (const auto& t : split.tiles) b.insert({t.address.z, t.address.x, t.address.y});
    CHECK(a == b);
    // At and below the partition zoom the squares are never simplified: the tiles are byte-identical.
    // The partitioned run's tiles are in its store (the file already unlinked): read back through the set.
    std::size_t same = 0, deep = 0, stored = 0;
    std::string buffer;
    for (const auto& t : split.tiles) {
        stored += t.gz.empty() && t.gz.capacity() < 32 && t.stored.length > 0 ? 1 : 0;  // in the store, freed here
        if (t.address.z < 2) continue;
        ++deep;
        const auto it = std::find_if(whole.tiles.begin(), whole.tiles.end(), [&](const Tile& w) { return w.id == t.id; });
        same += it != whole.tiles.end() && it->gz == split.gz(t, buffer) ? 1 : 0;
    }
    CHECK(deep > 0);
    CHECK(same == deep);
    CHECK(stored == split.tiles.size());
    REQUIRE(split.layers.size() == 1);
    CHECK(split.layers[0].fields.size() == 4);
    CHECK(split.layers[0].maxzoom == 6);
    CHECK(split.west == Approx(whole.west));
    CHECK(split.east == Approx(whole.east));
    std::filesystem::remove_all(dir);
}

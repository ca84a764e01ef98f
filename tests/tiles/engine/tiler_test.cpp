#include <catch2/catch.hpp>

#include <map>

#include "geom/geos.hpp"
#include "tiles/mvt/checker.hpp"
#include "tiles/engine/tiler.hpp"

using namespace kuril;
using namespace kuril::tiles;

namespace {

SourceFeature polygon(std::uint64_t id, const std::vector<std::pair<double, double>>& lonlat) {
    SourceFeature f;
    f.id = id;
    f.kind = GeomKind::polygon;
    Path r;
    for (auto [lon, lat] : lonlat) {
        r.push_back(mercator(lon, lat));
    }
    f.polygons = {{r}};
    f.attributes = {{"name", std::string("f") + std::to_string(id)}};
    return f;
}

// Two parts of one island cut by a wiggly line (like Sakhalin at 50°N, but not straight).
SourceLayer split_island() {
    std::vector<std::pair<double, double>> cut;
    for (int i = 0; i <= 200; ++i) {
        cut.emplace_back(142.0 + i * 0.01, 50.0 + 0.02 * std::sin(i * 0.9));
    }
    std::vector<std::pair<double, double>> north{{144.0, 51.0}, {142.0, 51.0}};
    north.insert(north.end(), cut.begin(), cut.end());
    north.push_back(north.front());
    std::vector<std::pair<double, double>> south{{142.0, 49.0}, {144.0, 49.0}};
    south.insert(south.end(), cut.rbegin(), cut.rend());
    south.push_back(south.front());
    SourceLayer layer;
    layer.name = "parts";
    layer.maxzoom = 12;
    layer.features = {polygon(1, north), polygon(2, south)};
    return layer;
}

}  // namespace

TEST_CASE("a border shared by two features shows no gap or sliver at any zoom", "[tiles][tiler]") {
    geom::Context ctx;
    TileOptions o;
    o.threads = 2;
    const TileSet set = make_tiles({split_island()}, o, Progress(true));
    REQUIRE_FALSE(set.tiles.empty());
    std::size_t border_tiles = 0;
    for (const auto& t : set.tiles) {
        const auto d = check_tile(t.data, ctx);
        INFO("tile " << int(t.address.z) << "/" << t.address.x << "/" << t.address.y);
        REQUIRE(d.valid());
        REQUIRE(d.layers.size() == 1);
        if (d.layers[0].features.size() != 2) {
            continue;
        }
        ++border_tiles;
        // Both parts, clipped to the tile proper: their union must equal the tile's land (no gap) and
        // their areas must add up to it (no overlap).
        std::vector<geom::Geom> parts;
        for (const auto& f : d.layers[0].features) {
            auto polys = decoded_polygons(ctx, f);
            const geom::Geom all = ctx.collect(std::move(polys), GEOS_MULTIPOLYGON);
            parts.push_back(ctx.intersection(all, ctx.box(0, 0, 4096, 4096)));
        }
        const double a = ctx.area(parts[0]);
        const double b = ctx.area(parts[1]);
        std::vector<geom::Geom> both;
        both.push_back(ctx.clone(parts[0]));
        both.push_back(ctx.clone(parts[1]));
        const geom::Geom u = ctx.unary_union(ctx.collect(std::move(both), GEOS_GEOMETRYCOLLECTION));
        CHECK(ctx.area(u) == Approx(a + b).epsilon(1e-9));  // no overlap
        for (const auto& poly : ctx.polygons(u)) {
            CHECK(poly.size() == 1);  // no hole: no gap between the parts
        }
    }
    CHECK(border_tiles > 20);
}

TEST_CASE("a small island is drawn at every zoom, never dropped", "[tiles][tiler]") {
    geom::Context ctx;
    SourceLayer layer;
    layer.name = "islands";
    layer.maxzoom = 14;
    // Rifovy-sized: about 0.05 km².
    layer.features = {polygon(7, {{145.872, 43.388}, {145.875, 43.388}, {145.875, 43.3905}, {145.872, 43.3905}, {145.872, 43.388}})};
    TileOptions o;
    const TileSet set = make_tiles({layer}, o, Progress(true));
    std::map<int, int> per_zoom;
    for (const auto& t : set.tiles) {
        const auto d = check_tile(t.data, ctx);
        REQUIRE(d.valid());
        for (const auto& l : d.layers) {
            per_zoom[t.address.z] += static_cast<int>(l.features.size());
        }
    }
    for (int z = 0; z <= 14; ++z) {
        INFO("zoom " << z);
        CHECK(per_zoom[z] >= 1);
    }
}

// The dated layers repeat one outline in many records (an island in each period it was held): the tiler
// clips, simplifies and repairs each distinct geometry once per tile and writes it for every record,
// each with its own id and attributes, in every tile where the outline is.
TEST_CASE("features with the same geometry are each written, with their own id and attributes", "[tiles][tiler]") {
    geom::Context ctx;
    SourceLayer repeated = split_island();
    for (std::uint64_t id = 3; id <= 6; ++id) {
        SourceFeature copy = repeated.features[id % 2];  // 3, 5: the south part again; 4, 6: the north
        copy.id = id;
        copy.attributes = {{"name", std::string("period ") + std::to_string(id)}};
        repeated.features.push_back(copy);
    }
    TileOptions o;
    o.threads = 2;
    const TileSet many = make_tiles({repeated}, o, Progress(true));
    REQUIRE_FALSE(many.tiles.empty());
    for (const auto& t : many.tiles) {
        const auto d = check_tile(t.data, ctx);
        INFO("tile " << int(t.address.z) << "/" << t.address.x << "/" << t.address.y);
        REQUIRE(d.valid());
        std::map<std::uint64_t, std::vector<std::vector<IPt>>> by_id;
        std::map<std::uint64_t, std::string> names;
        for (const auto& f : d.layers.at(0).features) {
            by_id[*f.id] = f.paths;
            names[*f.id] = std::get<std::string>(f.attributes.at(0).value);
        }
        for (std::uint64_t original = 1; original <= 2; ++original) {
            if (by_id.count(original) == 0) continue;
            for (std::uint64_t copy = original == 1 ? 4 : 3; copy <= 6; copy += 2) {
                REQUIRE(by_id.count(copy) == 1);
                CHECK(by_id.at(copy) == by_id.at(original));
                CHECK(names.at(copy) == "period " + std::to_string(copy));
            }
        }
        CHECK(by_id.size() == (by_id.count(1) + by_id.count(2)) * 3);  // nothing else, nothing lost
    }
}

// The vector tiles of the real build: every tile valid MVT 2.1 in all three containers, readable by
// GDAL's MVT reader, land area and attributes surviving the round trip.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <map>

#include <nlohmann/json.hpp>

#include "built_output.hpp"
#include "gdal_reader.hpp"
#include "geom/geos.hpp"
#include "tiles/mvt/checker.hpp"
#include "tiles/engine/source.hpp"
#include "tiles/containers/tile_reader.hpp"

using namespace kuril;
using namespace kuril::test;

namespace {

const std::vector<std::string> kTileLayers = {"context",     "coastline", "islands", "labels", "boundaries",
                                              "territories", "sovereignty", "views",  "places"};

std::map<tiles::TileAddress, std::string> all_tiles(const std::string& name) {
    std::map<tiles::TileAddress, std::string> out;
    tiles::for_each_tile(built_output() / "tiles" / name, [&](const tiles::TileAddress& a, const std::string& d) { out[a] = d; });
    return out;
}

const tiles::DecodedLayer* layer_of(const tiles::DecodedTile& t, const std::string& name) {
    for (const auto& l : t.layers) {
        if (l.name == name) {
            return &l;
        }
    }
    return nullptr;
}

std::string attr(const tiles::DecodedFeature& f, const std::string& key) {
    for (const auto& a : f.attributes) {
        if (a.key == key) {
            if (const auto* s = std::get_if<std::string>(&a.value)) {
                return *s;
            }
            return "<not a string>";
        }
    }
    return "<absent>";
}

}  // namespace

TEST_CASE("every tile is valid MVT 2.1 and the three containers hold the same tiles", "[data][tiles]") {
    geom::Context ctx;
    const auto pm = all_tiles("kuril.pmtiles");
    const auto mb = all_tiles("kuril.mbtiles");
    const auto xyz = all_tiles("xyz");
    REQUIRE(pm.size() > 10000);
    CHECK(mb == pm);
    CHECK(xyz == pm);
    std::size_t problems = 0;
    std::set<std::string> seen_layers;
    for (const auto& [a, data] : pm) {
        const auto t = tiles::check_tile(data, ctx);
        for (const auto& p : t.problems) {
            if (problems++ < 10) {
                FAIL_CHECK("tile " << int(a.z) << "/" << a.x << "/" << a.y << ": " << p);
            }
        }
        for (const auto& l : t.layers) {
            CHECK(l.version == 2);
            CHECK(l.extent == 4096);
            seen_layers.insert(l.name);
        }
    }
    CHECK(problems == 0);
    CHECK(seen_layers == std::set<std::string>(kTileLayers.begin(), kTileLayers.end()));
}

TEST_CASE("GDAL's MVT reader reads the MBTiles and every zoom of the z/x/y directory without error",
          "[data][tiles][gdal]") {
    auto mb = open_vector((built_output() / "tiles" / "kuril.mbtiles").string());
    REQUIRE(mb);
    for (const auto& name : kTileLayers) {
        INFO(name);
        OGRLayer* l = mb->GetLayerByName(name.c_str());
        REQUIRE(l != nullptr);
    }
    CHECK(mb->GetLayerByName("views")->GetLayerDefn()->GetFieldIndex("pov_japan") >= 0);
    CHECK(mb->GetLayerByName("views")->GetLayerDefn()->GetFieldIndex("start_date") >= 0);
    CHECK(mb->GetLayerByName("islands")->GetLayerDefn()->GetFieldIndex("name_ja") >= 0);
    // Every zoom to the archive's last (z12: GSHHG full gains nothing deeper; clients overzoom), none past it.
    CHECK_FALSE(std::filesystem::exists(built_output() / "tiles" / "xyz" / "13"));
    for (int z = 0; z <= 12; ++z) {
        INFO("zoom " << z);
        CPLErrorReset();
        auto dir = open_vector("MVT:" + (built_output() / "tiles" / "xyz" / std::to_string(z)).string());
        REQUIRE(dir);
        std::size_t features = 0;
        for (OGRLayer* l : dir->GetLayers()) {
            for (auto& f : *l) {
                REQUIRE(f->GetGeometryRef() != nullptr);
                ++features;
            }
        }
        CHECK(features > 0);
        CHECK(CPLGetLastErrorType() < CE_Failure);
    }
}

TEST_CASE("land area decoded from the tiles matches the source: z12 within 1%, z10 within 5%", "[data][tiles][area]") {
    geom::Context ctx;
    // The source: the islands layer's polygons, in Web Mercator unit-square measure.
    std::ifstream in(built_output() / "geojson" / "islands.geojson");
    const auto doc = nlohmann::json::parse(in);
    double source = 0;
    for (const auto& f : doc.at("features")) {
        for (const auto& poly : f.at("geometry").at("coordinates")) {
            geom::PolygonRings rings;
            for (const auto& r : poly) {
                geom::Ring ring;
                for (const auto& p : r) {
                    const auto m = tiles::mercator(p[0].get<double>(), p[1].get<double>());
                    ring.push_back({m.x, m.y});
                }
                rings.push_back(ring);
            }
            source += ctx.area(ctx.polygon(rings));
        }
    }
    const auto pm = all_tiles("kuril.pmtiles");
    for (const auto& [zoom, tolerance] : std::vector<std::pair<int, double>>{{12, 0.01}, {10, 0.05}}) {
        double decoded = 0;
        const geom::Geom tile_box = ctx.box(0, 0, 4096, 4096);
        for (const auto& [a, data] : pm) {
            if (a.z != zoom) {
                continue;
            }
            const auto t = tiles::check_tile(data, ctx);
            const auto* l = layer_of(t, "islands");
            if (l == nullptr) {
                continue;
            }
            for (const auto& f : l->features) {
                for (const auto& p : tiles::decoded_polygons(ctx, f)) {
                    decoded += ctx.area(ctx.intersection(p, tile_box));  // the tile proper, not its buffer
                }
            }
        }
        const double scale = 4096.0 * 4096.0 * static_cast<double>(1ULL << (2 * zoom));
        const double ratio = decoded / scale / source;
        INFO("zoom " << zoom << ": decoded/source area = " << ratio);
        CHECK(std::abs(ratio - 1) < tolerance);
    }
}

TEST_CASE("dates and holders decoded from the tiles equal the GeoJSON's", "[data][tiles][attributes]") {
    geom::Context ctx;
    std::ifstream in(built_output() / "geojson" / "views.geojson");
    const auto doc = nlohmann::json::parse(in);
    std::map<std::string, nlohmann::json> by_id;
    for (const auto& f : doc.at("features")) {
        by_id[f.at("id").get<std::string>()] = f.at("properties");
    }
    const auto pm = all_tiles("kuril.pmtiles");
    std::set<std::string> checked;
    for (const auto& [a, data] : pm) {
        if (a.z != 8) {
            continue;
        }
        const auto t = tiles::check_tile(data, ctx);
        const auto* l = layer_of(t, "views");
        if (l == nullptr) {
            continue;
        }
        for (const auto& f : l->features) {
            const std::string id = attr(f, "id");
            REQUIRE(by_id.count(id) == 1);
            const auto& p = by_id.at(id);
            INFO(id);
            for (const char* key : {"start_date", "pov_neutral", "pov_japan", "pov_russia", "status_japan", "holder_name", "territory"}) {
                CHECK(attr(f, key) == (p.contains(key) ? p.at(key).get<std::string>() : "<absent>"));
            }
            // An open end is omitted in both, never null or 0.
            CHECK(attr(f, "end_date") == (p.contains("end_date") ? p.at("end_date").get<std::string>() : "<absent>"));
            checked.insert(id);
        }
    }
    CHECK(checked.size() > 50);
}

namespace {

// The z/x of the web-mercator tile holding a point.
tiles::TileAddress tile_of(double lon, double lat, unsigned z) {
    const double n = static_cast<double>(1u << z);
    const double phi = lat * M_PI / 180;
    const auto x = static_cast<std::uint32_t>((lon + 180) / 360 * n);
    const auto y = static_cast<std::uint32_t>((1 - std::log(std::tan(phi) + 1 / std::cos(phi)) / M_PI) / 2 * n);
    return tiles::TileAddress{static_cast<std::uint8_t>(z), x, y};
}

}  // namespace

TEST_CASE("the tile over Okha (53.57 N) carries north Sakhalin's occupation of 1920-1925 and the land around it",
          "[data][tiles][history]") {
    geom::Context ctx;
    const auto pm = all_tiles("kuril.pmtiles");
    const auto it = pm.find(tile_of(142.93, 53.57, 8));
    REQUIRE(it != pm.end());
    const auto t = tiles::check_tile(it->second, ctx);
    const auto* views = layer_of(t, "views");
    REQUIRE(views != nullptr);
    std::map<std::string, std::string> status_from;
    for (const auto& f : views->features) {
        if (attr(f, "territory") == "sakhalin_north") status_from[attr(f, "start_date")] = attr(f, "status_neutral");
    }
    CHECK(status_from["1920-04-21"] == "occupied");
    CHECK(status_from["1925-05-15"] == "de_jure");
    CHECK(status_from["1905-07-31"] == "occupied");
    // The mainland across the Nevelskoy Strait: context land, in the tiles from z0.
    const auto across = pm.find(tile_of(141.1262, 52.3008, 8));
    REQUIRE(across != pm.end());
    const auto decoded = tiles::check_tile(across->second, ctx);  // kept: layer_of points into it
    const auto* context = layer_of(decoded, "context");
    REQUIRE(context != nullptr);
    CHECK_FALSE(context->features.empty());
}

// The land of the record and around it, and the names of its places on the days they changed, read back
// through GDAL from the real build.
#include <catch2/catch.hpp>

#include <string>

#include "built_output.hpp"
#include "gdal_reader.hpp"

using namespace kuril;
using namespace kuril::test;

namespace {

double area_of(const std::string& territory) {
    auto ds = open_vector((built_output() / "kuril.gpkg").string());
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("territories");
    REQUIRE(layer != nullptr);
    for (auto& f : *layer) {
        if (std::string(f->GetFieldAsString("id")) == territory) {
            return f->GetFieldAsDouble("area_km2");
        }
    }
    FAIL("no territory " << territory);
    return 0;
}

}  // namespace

TEST_CASE("Sakhalin whole: its area and the north's against the published figures", "[data][geography]") {
    // Encyclopaedia Britannica: Sakhalin 76,400 km² (sources.csv britannica_sakhalin); Karafuto, the south,
    // 36,090 km² in the Karafuto Agency's yearbooks, so the north about 40,310 km². GSHHG full resolution,
    // islets included, within 5 %.
    CHECK(area_of("sakhalin") == Approx(76400).epsilon(0.05));
    CHECK(area_of("sakhalin_north") == Approx(76400 - 36090).epsilon(0.05));
    // Hokkaido, whole now: 77,984 km² the main island, about 78,420 km² with Rishiri, Rebun and Okushiri.
    CHECK(area_of("hokkaido") == Approx(78420).epsilon(0.03));
}

TEST_CASE("The context land: the Asian mainland, all of Kamchatka, northern Honshu, without holders",
          "[data][geography][context]") {
    auto ds = open_vector((built_output() / "kuril.gpkg").string());
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("context");
    REQUIRE(layer != nullptr);
    CHECK(layer->FindFieldIndex("pov_neutral", TRUE) < 0);
    struct Point {
        const char* name;
        double lon, lat;
    };
    for (const Point p : {Point{"Khabarovsk", 135.07, 48.48}, Point{"Nikolayevsk-on-Amur", 140.73, 53.14},
                          Point{"across the Nevelskoy Strait", 141.1262, 52.3008}, Point{"Petropavlovsk", 158.65, 53.02},
                          Point{"Morioka (Honshu)", 141.15, 39.70}, Point{"Vladivostok", 131.92, 43.13}}) {
        OGRPoint pt(p.lon, p.lat);
        layer->SetSpatialFilter(&pt);
        layer->ResetReading();
        int hits = 0;
        for (auto& f : *layer) hits += f->GetGeometryRef()->Contains(&pt) ? 1 : 0;
        INFO(p.name);
        CHECK(hits == 1);
    }
}

TEST_CASE("The coastline layer never runs along a frame's clip edge", "[data][geography][context]") {
    auto ds = open_vector((built_output() / "geojson" / "coastline.geojson").string());
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    std::size_t on_frame = 0, segments = 0;
    for (auto& f : *layer) {
        const auto* ml = f->GetGeometryRef()->toMultiLineString();
        for (const auto* line : *ml) {
            for (int i = 1; i < line->getNumPoints(); ++i, ++segments) {
                const double x0 = line->getX(i - 1), x1 = line->getX(i), y0 = line->getY(i - 1), y1 = line->getY(i);
                for (double x : {139.0, 141.0, 145.0, 157.5, 120.0, 178.0}) on_frame += (x0 == x && x1 == x) ? 1 : 0;
                for (double y : {41.3, 46.0, 51.5, 54.5, 33.0, 64.0}) on_frame += (y0 == y && y1 == y) ? 1 : 0;
            }
        }
    }
    CHECK(segments > 10000);
    CHECK(on_frame == 0);
}

namespace {

std::string name_on(const char* lang, double lon, double lat, const char* day) {
    auto ds = open_vector((built_output() / "kuril.gpkg").string());
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("places");
    REQUIRE(layer != nullptr);
    // A place is a point: take the features within about 100 m.
    OGRPolygon box;
    OGRLinearRing ring;
    for (auto [x, y] : {std::pair{-1, -1}, {1, -1}, {1, 1}, {-1, 1}, {-1, -1}}) ring.addPoint(lon + x * 0.002, lat + y * 0.002);
    box.addRing(&ring);
    layer->SetSpatialFilter(&box);
    layer->ResetReading();
    const Date d = *Date::parse(day);
    std::string found;
    for (auto& f : *layer) {
        const auto from = date_of(*f, "valid_from");
        const auto to = date_of(*f, "valid_to");
        if (from && Interval{*from, to}.contains(d)) found = f->GetFieldAsString((std::string("name_") + lang).c_str());
    }
    return found;
}

}  // namespace

TEST_CASE("Each corrected name on the day before and the day after its change", "[data][geography][names]") {
    // Mauka → Maoka (Home Ministry notice No. 29, 1908-03-31), Korsakov → Ōdomari the same day.
    CHECK(name_on("en", 142.0425, 47.0475, "1908-03-30") == "Mauka");
    CHECK(name_on("en", 142.0425, 47.0475, "1908-03-31") == "Maoka");
    CHECK(name_on("en", 142.7833, 46.6333, "1908-03-30") == "Korsakov");
    CHECK(name_on("ru", 142.7833, 46.6333, "1908-03-31") == "Отомари");
    CHECK(name_on("en", 142.7380, 46.9591, "1908-03-30") == "Vladimirovka");
    CHECK(name_on("en", 142.7380, 46.9591, "1908-03-31") == "Toyohara");
    // Kushunkotan, Japan's seat on Sakhalin before 1875.
    CHECK(name_on("ja", 142.7833, 46.6333, "1860-01-01") == "久春古丹");
    // Shisuka → Shikuka (No. 125, 1908-12-09); Hontokeshi → Honto (October 1909).
    CHECK(name_on("en", 143.1000, 49.2167, "1908-12-08") == "Shisuka");
    CHECK(name_on("en", 143.1000, 49.2167, "1908-12-09") == "Shikuka");
    CHECK(name_on("en", 141.8667, 46.6833, "1909-09-30") == "Hontokeshi");
    CHECK(name_on("en", 141.8667, 46.6833, "1909-10-01") == "Honto");
    // Aleksandrovsky post until 1917; 亜港 (Akō) under the Japanese occupation.
    CHECK(name_on("en", 142.1578, 50.8973, "1916-12-31") == "Aleksandrovsky post");
    CHECK(name_on("en", 142.1578, 50.8973, "1917-01-01") == "Aleksandrovsk");
    CHECK(name_on("ja", 142.1578, 50.8973, "1920-04-20") == "アレクサンドロフスク");
    CHECK(name_on("ja", 142.1578, 50.8973, "1920-04-21") == "亜港");
    CHECK(name_on("ja", 142.1578, 50.8973, "1925-05-15") == "アレクサンドロフスク");
    // Yuzhno-Kurilsk with its district, 5 June 1946.
    CHECK(name_on("en", 145.8583, 44.0306, "1946-06-04") == "Furukamappu");
    CHECK(name_on("en", 145.8583, 44.0306, "1946-06-05") == "Yuzhno-Kurilsk");
    // The Karafuto towns renamed in 1946.
    CHECK(name_on("en", 142.0300, 49.0800, "1946-06-03") == "Esutoru");
    CHECK(name_on("en", 142.0300, 49.0800, "1946-06-04") == "Uglegorsk");
    CHECK(name_on("ru", 142.5300, 46.7200, "1946-06-04") == "Анива");
}

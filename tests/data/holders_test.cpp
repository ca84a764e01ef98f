// Who held what on given days, checked by point-in-polygon on the real build, read back through GDAL
// from both the GeoPackage and the GeoJSON.
#include <catch2/catch.hpp>

#include "built_output.hpp"
#include "gdal_reader.hpp"

using namespace kuril;
using namespace kuril::test;

namespace {

struct Place {
    const char* name;
    double lat;
    double lon;
};
// Interior points of the gazetteer (geodata/gazetteer.csv).
constexpr Place kUrup{"Urup", 45.9392, 150.0089};
constexpr Place kIturup{"Iturup", 45.1154, 147.8334};
constexpr Place kShikotan{"Shikotan", 43.7855, 146.6892};
constexpr Place kSouthSakhalin{"south Sakhalin", 47.35, 142.35};
constexpr Place kNorthSakhalin{"north Sakhalin", 51.0, 143.0};
constexpr Place kShumshu{"Shumshu", 50.7458, 156.4213};
// Okha, in the north of Sakhalin: land only since the record frame reaches Cape Elizabeth (54.4° N).
constexpr Place kFarNorthSakhalin{"Okha, north Sakhalin", 53.57, 142.93};
constexpr Place kMatua{"Matua", 48.0849, 153.2117};

// The single `views` feature covering the place on the day, from the GeoPackage or the GeoJSON.
std::map<std::string, std::string> view_at(bool gpkg, const Place& p, const std::string& day) {
    const auto path = built_output() / (gpkg ? "kuril.gpkg" : "geojson/views.geojson");
    auto ds = open_vector(path.string());
    REQUIRE(ds);
    OGRLayer* layer = gpkg ? ds->GetLayerByName("views") : ds->GetLayer(0);
    REQUIRE(layer != nullptr);
    const auto found = covering(*layer, p.lon, p.lat, *Date::parse(day), gpkg ? "valid_from" : "start_date",
                                gpkg ? "valid_to" : "end_date");
    INFO(p.name << " on " << day << (gpkg ? " (GeoPackage)" : " (GeoJSON)"));
    REQUIRE(found.size() == 1);
    return found.front().fields;
}

void check_holder(const Place& p, const std::string& day, const std::string& holder, const std::string& holder_name,
                  const std::string& status) {
    for (bool gpkg : {true, false}) {
        const auto v = view_at(gpkg, p, day);
        INFO(p.name << " on " << day << (gpkg ? " (GeoPackage)" : " (GeoJSON)"));
        CHECK(v.at("pov_neutral") == holder);
        CHECK(v.at("holder_name") == holder_name);
        CHECK(v.at("status_neutral") == status);
    }
}

}  // namespace

TEST_CASE("Urup: Russian in 1860, Japanese in 1880", "[data][holders]") {
    check_holder(kUrup, "1860-01-01", "russia", "Russian Empire", "de_jure");
    check_holder(kUrup, "1880-01-01", "japan", "Empire of Japan", "de_jure");
}

TEST_CASE("Iturup: Japanese in 1944, Soviet in 1950, Russian in 2000", "[data][holders]") {
    check_holder(kIturup, "1944-06-01", "japan", "Empire of Japan", "de_jure");
    check_holder(kIturup, "1950-06-01", "russia", "Soviet Union", "de_facto");
    check_holder(kIturup, "2000-06-01", "russia", "Russian Federation", "de_facto");
    // The Shimoda line: Iturup Japanese in 1860, and occupied on 1945-08-28, not a day before.
    check_holder(kIturup, "1860-01-01", "japan", "Tokugawa shogunate", "de_jure");
    check_holder(kIturup, "1945-08-27", "japan", "Empire of Japan", "de_jure");
    check_holder(kIturup, "1945-08-28", "russia", "Soviet Union", "occupied");
    // Occupation ends with the annexation decree of 2 February 1946.
    check_holder(kIturup, "1946-02-01", "russia", "Soviet Union", "occupied");
    check_holder(kIturup, "1946-02-02", "russia", "Soviet Union", "de_facto");
}

TEST_CASE("Sakhalin: a condominium in 1860, the south Japanese in 1910, the north occupied 1920-1925",
          "[data][holders]") {
    check_holder(kSouthSakhalin, "1860-01-01", "japan;russia", "Tokugawa shogunate; Russian Empire", "condominium");
    check_holder(kNorthSakhalin, "1860-01-01", "japan;russia", "Tokugawa shogunate; Russian Empire", "condominium");
    check_holder(kSouthSakhalin, "1910-01-01", "japan", "Empire of Japan", "de_jure");
    check_holder(kNorthSakhalin, "1910-01-01", "russia", "Russian Empire", "de_jure");
    check_holder(kNorthSakhalin, "1922-01-01", "japan", "Empire of Japan", "occupied");
    check_holder(kNorthSakhalin, "1930-01-01", "russia", "Soviet Union", "de_jure");
    const auto v = view_at(true, kNorthSakhalin, "1922-01-01");
    CHECK(v.at("pov_russia") == "russia");
    CHECK(v.at("status_russia") == "claimed");
}

TEST_CASE("Sakhalin 1905: all of it Japanese-held from the surrender of 31 July until Portsmouth took effect",
          "[data][holders][history]") {
    check_holder(kNorthSakhalin, "1905-07-30", "russia", "Russian Empire", "de_jure");
    check_holder(kSouthSakhalin, "1905-07-30", "russia", "Russian Empire", "de_jure");
    check_holder(kNorthSakhalin, "1905-08-15", "japan", "Empire of Japan", "occupied");
    check_holder(kSouthSakhalin, "1905-08-15", "japan", "Empire of Japan", "occupied");
    // The title stays Russian during the occupation: Russia's view keeps it as claimed.
    const auto v = view_at(false, kNorthSakhalin, "1905-08-15");
    CHECK(v.at("pov_russia") == "russia");
    CHECK(v.at("status_russia") == "claimed");
    check_holder(kNorthSakhalin, "1905-10-15", "russia", "Russian Empire", "de_jure");
    check_holder(kSouthSakhalin, "1905-10-15", "japan", "Empire of Japan", "de_jure");
}

TEST_CASE("North Sakhalin 1918-1925: White authorities, then the Japanese occupation under the Far Eastern Republic's "
          "title", "[data][holders][history]") {
    check_holder(kNorthSakhalin, "1919-06-01", "russia",
                 "White authorities (Provisional Siberian Government; Kolchak's Russian State)", "de_facto");
    check_holder(kNorthSakhalin, "1921-06-01", "japan", "Empire of Japan", "occupied");
    auto ds = open_vector((built_output() / "kuril.gpkg").string());
    const auto claims = covering(*ds->GetLayerByName("sovereignty"), kNorthSakhalin.lon, kNorthSakhalin.lat,
                                 *Date::parse("1921-06-01"), "valid_from", "valid_to");
    std::map<std::string, std::string> by_lane;
    for (const auto& c : claims) by_lane[c.fields.at("lane")] = c.fields.at("regime");
    CHECK(by_lane.at("claim") == "far_eastern_republic");
    check_holder(kNorthSakhalin, "1925-05-14", "japan", "Empire of Japan", "occupied");
    check_holder(kNorthSakhalin, "1925-05-15", "russia", "Soviet Union", "de_jure");
}

TEST_CASE("Iturup in Japan's view: renounced after San Francisco, claimed from the four-island position of 1956",
          "[data][holders][history]") {
    const auto before = view_at(true, kIturup, "1953-01-01");
    CHECK(before.at("pov_japan") == "undetermined");
    CHECK(before.at("pov_neutral") == "russia");
    const auto after = view_at(true, kIturup, "1956-03-01");
    CHECK(after.at("pov_japan") == "japan");
    CHECK(after.at("status_japan") == "claimed");
    // Shikotan was claimed throughout: Japan held it part of Hokkaido.
    const auto shikotan = view_at(false, kShikotan, "1953-01-01");
    CHECK(shikotan.at("pov_japan") == "japan");
}

TEST_CASE("Shikotan today: administered by Russia, claimed by Japan", "[data][holders]") {
    for (bool gpkg : {true, false}) {
        const auto v = view_at(gpkg, kShikotan, kToday);
        CHECK(v.at("pov_neutral") == "russia");
        CHECK(v.at("status_neutral") == "de_facto");
        CHECK(v.at("pov_japan") == "japan");
        CHECK(v.at("status_japan") == "claimed");
        CHECK(v.at("pov_russia") == "russia");
        // The 1956 promise is the basis of Japan's claim to Shikotan and Habomai, not a transfer.
    }
    auto ds = open_vector((built_output() / "kuril.gpkg").string());
    const auto claims = covering(*ds->GetLayerByName("sovereignty"), kShikotan.lon, kShikotan.lat,
                                 *Date::parse(kToday), "valid_from", "valid_to");
    REQUIRE(claims.size() == 2);
    std::map<std::string, std::string> by_lane;
    for (const auto& c : claims) {
        by_lane[c.fields.at("lane")] = c.fields.at("basis");
    }
    CHECK(by_lane.at("held") == "ussr_dissolution_1991");
    CHECK(by_lane.at("claim") == "joint_declaration_1956");
}

TEST_CASE("Japan's view: Urup and Shumshu undetermined after San Francisco", "[data][holders]") {
    const auto urup = view_at(true, kUrup, kToday);
    CHECK(urup.at("pov_japan") == "undetermined");
    CHECK(urup.at("pov_neutral") == "russia");
    const auto shumshu1950 = view_at(false, kShumshu, "1950-01-01");
    CHECK(shumshu1950.at("pov_japan") == "japan");
    CHECK(shumshu1950.at("status_japan") == "claimed");
    const auto shumshu_today = view_at(false, kShumshu, kToday);
    CHECK(shumshu_today.at("pov_japan") == "undetermined");
}

TEST_CASE("snapshots: dissolved land per holder on the treaty days", "[data][snapshot]") {
    auto ds = open_vector((built_output() / "kuril.gpkg").string());
    auto holder_at = [&](const char* layer, const Place& p) {
        OGRLayer* l = ds->GetLayerByName(layer);
        REQUIRE(l != nullptr);
        OGRPoint pt(p.lon, p.lat);
        std::vector<std::string> holders;
        for (auto& f : *l) {
            if (f->GetGeometryRef()->Contains(&pt)) {
                holders.push_back(f->GetFieldAsString("pov_neutral"));
            }
        }
        REQUIRE(holders.size() == 1);
        return holders.front();
    };
    CHECK(holder_at("snapshot_1855", kUrup) == "russia");
    CHECK(holder_at("snapshot_1855", kIturup) == "japan");
    CHECK(holder_at("snapshot_1875", kUrup) == "japan");
    CHECK(holder_at("snapshot_1905", kSouthSakhalin) == "japan");
    CHECK(holder_at("snapshot_1905", kNorthSakhalin) == "russia");
    CHECK(holder_at("snapshot_1945", kIturup) == "russia");
    CHECK(holder_at("snapshot_today", kShikotan) == "russia");
}

TEST_CASE("The north of Sakhalin above 52 N: Russian in 1910, occupied by Japan in 1921, Russian from 15 May 1925",
          "[data][holders][history]") {
    check_holder(kFarNorthSakhalin, "1910-01-01", "russia", "Russian Empire", "de_jure");
    check_holder(kFarNorthSakhalin, "1921-06-01", "japan", "Empire of Japan", "occupied");
    check_holder(kFarNorthSakhalin, "1925-05-14", "japan", "Empire of Japan", "occupied");
    check_holder(kFarNorthSakhalin, "1925-05-15", "russia", "Soviet Union", "de_jure");
    // Japan claimed no title: its view shows the occupation, not a Japanese holding.
    const auto v = view_at(true, kFarNorthSakhalin, "1921-06-01");
    CHECK(v.at("status_japan") == "occupied");
}

TEST_CASE("Matua capitulated on 25 August 1945, before the rest of the middle islands", "[data][holders][history]") {
    check_holder(kMatua, "1945-08-24", "japan", "Empire of Japan", "de_jure");
    check_holder(kMatua, "1945-08-25", "russia", "Soviet Union", "occupied");
}

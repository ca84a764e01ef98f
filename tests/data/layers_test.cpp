// Every written layer reads back through GDAL with the right feature count, field types and valid
// geometry; the GeoJSON follows RFC 7946; the GeoPackage carries a default QGIS style per layer.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "built_output.hpp"
#include "gdal_reader.hpp"
#include "geom/geos.hpp"
#include "read/csv.hpp"

using namespace kuril;
using namespace kuril::test;

namespace {

const std::vector<std::string> kLayers = {"islands",       "labels",        "territories",   "sovereignty",
                                          "views",         "places",        "boundaries",    "snapshot_1855",
                                          "snapshot_1875", "snapshot_1905", "snapshot_1945", "snapshot_1956",
                                          "snapshot_today", "epochs",       "context",       "coastline"};
const std::set<std::string> kTemporal = {"sovereignty", "views", "boundaries", "places"};

std::size_t csv_records(const std::string& table) {
    return CsvTable::read_file(std::string(KURIL_SOURCE_DIR) + "/geodata/" + table + ".csv").records().size();
}

// Gazetteer entries of one kind (island, context or mainland).
std::size_t gazetteer_of_kind(const std::string& kind) {
    const auto table = CsvTable::read_file(std::string(KURIL_SOURCE_DIR) + "/geodata/gazetteer.csv");
    std::size_t n = 0;
    for (const auto& r : table.records()) n += r.get("kind") == kind ? 1 : 0;
    return n;
}

std::size_t count(OGRLayer& l) { return static_cast<std::size_t>(l.GetFeatureCount(TRUE)); }

}  // namespace

TEST_CASE("GeoPackage and GeoJSON hold the same layers with the expected counts", "[data][layers]") {
    auto gpkg = open_vector((built_output() / "kuril.gpkg").string());
    REQUIRE(gpkg);
    for (const auto& name : kLayers) {
        INFO(name);
        OGRLayer* g = gpkg->GetLayerByName(name.c_str());
        REQUIRE(g != nullptr);
        auto js = open_vector((built_output() / "geojson" / (name + ".geojson")).string());
        REQUIRE(js);
        CHECK(count(*g) == count(*js->GetLayer(0)));
        CHECK(count(*g) > 0);
    }
    // One feature per record, per gazetteer entry (the mainland's land is context, not labelled), per
    // boundary definition.
    CHECK(count(*gpkg->GetLayerByName("sovereignty")) == csv_records("sovereignty"));
    CHECK(gazetteer_of_kind("mainland") > 0);
    CHECK(count(*gpkg->GetLayerByName("labels")) == csv_records("gazetteer") - gazetteer_of_kind("mainland"));
    CHECK(count(*gpkg->GetLayerByName("boundaries")) == csv_records("boundaries"));
    // Islands: every gazetteer entry that has land (the others are labelled at their point).
    OGRLayer* labels = gpkg->GetLayerByName("labels");
    labels->SetAttributeFilter("position = 'gshhg_full'");
    CHECK(count(*gpkg->GetLayerByName("islands")) == count(*labels));
    labels->SetAttributeFilter(nullptr);
}

TEST_CASE("GeoPackage field types: DATE periods, real areas, text names", "[data][layers]") {
    auto gpkg = open_vector((built_output() / "kuril.gpkg").string());
    for (const auto& name : kTemporal) {
        INFO(name);
        OGRFeatureDefn* def = gpkg->GetLayerByName(name.c_str())->GetLayerDefn();
        REQUIRE(def->GetFieldIndex("valid_from") >= 0);
        CHECK(def->GetFieldDefn(def->GetFieldIndex("valid_from"))->GetType() == OFTDate);
        CHECK(def->GetFieldDefn(def->GetFieldIndex("valid_to"))->GetType() == OFTDate);
        CHECK(def->GetFieldDefn(def->GetFieldIndex("start_decdate"))->GetType() == OFTReal);
    }
    OGRFeatureDefn* islands = gpkg->GetLayerByName("islands")->GetLayerDefn();
    CHECK(islands->GetFieldDefn(islands->GetFieldIndex("area_km2"))->GetType() == OFTReal);
    CHECK(islands->GetFieldDefn(islands->GetFieldIndex("land_polygons"))->GetType() == OFTInteger64);
    CHECK(islands->GetFieldDefn(islands->GetFieldIndex("name_ja"))->GetType() == OFTString);
    CHECK(gpkg->GetLayerByName("islands")->GetGeomType() == wkbMultiPolygon);
    CHECK(gpkg->GetLayerByName("boundaries")->GetGeomType() == wkbMultiLineString);
    CHECK(gpkg->GetLayerByName("labels")->GetGeomType() == wkbPoint);
    // An open end is NULL, never a sentinel date.
    OGRLayer* sov = gpkg->GetLayerByName("sovereignty");
    sov->SetAttributeFilter("id = 'northern_territories-1991'");
    auto f = std::unique_ptr<OGRFeature>(sov->GetNextFeature());
    REQUIRE(f);
    CHECK(f->IsFieldNull(f->GetFieldIndex("valid_to")));
    CHECK(std::string(f->GetFieldAsString("valid_from")) == "1991/12/26");
}

TEST_CASE("every geometry is valid, in GeoPackage and GeoJSON", "[data][layers]") {
    for (const auto& file : {std::string("kuril.gpkg"), std::string("geojson")}) {
        for (const auto& name : kLayers) {
            const auto path = file == "kuril.gpkg" ? built_output() / file : built_output() / file / (name + ".geojson");
            auto ds = open_vector(path.string());
            OGRLayer* l = file == "kuril.gpkg" ? ds->GetLayerByName(name.c_str()) : ds->GetLayer(0);
            for (auto& f : *l) {
                INFO(path.string() << " " << name << " " << f->GetFieldAsString("id"));
                REQUIRE(f->GetGeometryRef() != nullptr);
                CHECK(f->GetGeometryRef()->IsValid());
                CHECK_FALSE(f->GetGeometryRef()->IsEmpty());
            }
        }
    }
}

TEST_CASE("GeoJSON follows RFC 7946: winding, no crs, at most 7 decimals", "[data][layers][rfc7946]") {
    for (const auto& name : kLayers) {
        INFO(name);
        std::ifstream in(built_output() / "geojson" / (name + ".geojson"));
        const auto doc = nlohmann::json::parse(in);
        CHECK(doc.at("type") == "FeatureCollection");
        CHECK_FALSE(doc.contains("crs"));  // RFC 7946 §4
        std::size_t rings = 0;
        for (const auto& f : doc.at("features")) {
            const auto& g = f.at("geometry");
            std::vector<nlohmann::json> polys;
            if (g.at("type") == "Polygon") {
                polys.push_back(g.at("coordinates"));
            } else if (g.at("type") == "MultiPolygon") {
                for (const auto& p : g.at("coordinates")) {
                    polys.push_back(p);
                }
            }
            for (const auto& poly : polys) {
                for (std::size_t r = 0; r < poly.size(); ++r) {
                    geom::Ring ring;
                    for (const auto& pos : poly[r]) {
                        ring.push_back({pos[0].get<double>(), pos[1].get<double>()});
                    }
                    // RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
                    if (r == 0) {
                        CHECK(geom::signed_area(ring) > 0);
                    } else {
                        CHECK(geom::signed_area(ring) < 0);
                    }
                    ++rings;
                }
            }
            // Open ends omit the end keys (OpenHistoricalMap); never null.
            for (const auto& [k, v] : f.at("properties").items()) {
                CHECK_FALSE(v.is_null());
            }
        }
        if (name != "labels" && name != "boundaries" && name != "places" && name != "coastline") {
            CHECK(rings > 0);
        }
    }
    std::ifstream in(built_output() / "geojson" / "islands.geojson");
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    // No coordinate carries more than 7 decimals (RFC 7946 §11.2).
    std::size_t digits = 0;
    bool after_point = false;
    std::size_t longest = 0;
    for (char c : s) {
        if (c == '.') {
            after_point = true;
            digits = 0;
        } else if (after_point && c >= '0' && c <= '9') {
            longest = std::max(longest, ++digits);
        } else {
            after_point = false;
        }
    }
    CHECK(longest <= 7);
}

TEST_CASE("each GeoPackage layer has a default QGIS style, temporal layers use valid_from/valid_to",
          "[data][layers][qgis]") {
    auto gpkg = open_vector((built_output() / "kuril.gpkg").string());
    OGRLayer* styles = gpkg->GetLayerByName("layer_styles");
    REQUIRE(styles != nullptr);
    std::map<std::string, std::string> qml;
    for (auto& f : *styles) {
        CHECK(f->GetFieldAsInteger("useAsDefault") == 1);
        CHECK(std::string(f->GetFieldAsString("f_geometry_column")) == "geom");
        qml[f->GetFieldAsString("f_table_name")] = f->GetFieldAsString("styleQML");
    }
    for (const auto& name : kLayers) {
        INFO(name);
        REQUIRE(qml.count(name) == 1);
        const bool temporal = kTemporal.count(name) > 0;
        CHECK((qml[name].find(R"(<temporal enabled="1" mode="2" startField="valid_from" endField="valid_to")") !=
               std::string::npos) == temporal);
    }
}

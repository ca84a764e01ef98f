// The GeoPackage's layer metadata (write/gpkg_metadata), read back with GDAL: one QGIS metadata document per
// table, its text escaped, the time range only on a dated layer, and the Metadata extension registered.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "../util/scratch.hpp"
#include "write/gpkg_metadata.hpp"
#include "write/gpkg_writer.hpp"

using namespace kuril;

namespace {

DatasetMetadata test_metadata() {
    DatasetMetadata m;
    m.title = "Atlas";
    m.abstract = "Islands & straits <1855>";
    m.attribution = "Someone";
    m.rights = "CC BY 4.0";
    m.licenses = {"CC-BY-4.0"};
    m.version = "9.8.7";
    m.homepage = "docs/layers.md";
    m.keywords = {"isles"};
    m.start = Date(1855, 2, 7);
    m.end = Date(2026, 1, 1);
    return m;
}

std::string qgis_document(OGRLayer* l) {
    for (char** md = l->GetMetadata(); md != nullptr && *md != nullptr; ++md) {
        const std::string item = *md;
        if (item.rfind("GPKG_METADATA_ITEM_", 0) == 0 && item.find("mrcc.com/qgis.dtd") != std::string::npos) return item;
    }
    return {};
}

}  // namespace

TEST_CASE("GeoPackage metadata: a QGIS document per layer, escaped, dated layers with their range", "[write][gpkg]") {
    GDALAllRegister();
    const test::Scratch s("gpkg_metadata");
    geom::Context ctx;
    Layer dated("held", "Who held it", GeometryKind::point, {{"holder", FieldType::string}}, true);
    dated.add("a", ctx.point({150, 45}), std::move(Row(dated).set("holder", "japan")), Interval{Date(1905, 9, 5), std::nullopt});
    Layer plain("isles", "The isles", GeometryKind::point, {{"name", FieldType::string}}, false);
    plain.add("b", ctx.point({150, 46}), std::move(Row(plain).set("name", "x")));
    GpkgOptions options;
    options.timestamp = Date(2026, 1, 1);
    options.metadata = test_metadata();
    write_gpkg(ctx, s / "t.gpkg", {&dated, &plain}, options);

    std::unique_ptr<GDALDataset> ds(GDALDataset::Open((s / "t.gpkg").c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    const std::string held = qgis_document(ds->GetLayerByName("held"));
    CHECK(held.find("<title>Atlas: held</title>") != std::string::npos);
    CHECK(held.find("Who held it.\n\nIslands &amp; straits &lt;1855&gt;") != std::string::npos);
    CHECK(held.find("<license>CC-BY-4.0</license>") != std::string::npos);
    CHECK(held.find("<start>1855-02-07T00:00:00Z</start>") != std::string::npos);
    CHECK(held.find("<end>2026-01-01T00:00:00Z</end>") != std::string::npos);
    const std::string isles = qgis_document(ds->GetLayerByName("isles"));
    CHECK(isles.find("<title>Atlas: isles</title>") != std::string::npos);
    CHECK(isles.find("<temporal>") == std::string::npos);
    CHECK(std::string(ds->GetLayerByName("isles")->GetMetadataItem("IDENTIFIER")) == "Atlas: isles");

    OGRLayer* ext = ds->ExecuteSQL("SELECT table_name FROM gpkg_extensions WHERE extension_name = 'gpkg_metadata' "
                                   "ORDER BY table_name", nullptr, nullptr);
    REQUIRE(ext != nullptr);
    std::vector<std::string> tables;
    for (auto& f : *ext) tables.emplace_back(f->GetFieldAsString(0));
    ds->ReleaseResultSet(ext);
    CHECK(tables == std::vector<std::string>{"gpkg_metadata", "gpkg_metadata_reference"});
}

TEST_CASE("GeoPackage metadata: none without a title", "[write][gpkg]") {
    GDALAllRegister();
    const test::Scratch s("gpkg_no_metadata");
    geom::Context ctx;
    Layer plain("isles", "The isles", GeometryKind::point, {{"name", FieldType::string}}, false);
    plain.add("b", ctx.point({150, 46}), std::move(Row(plain).set("name", "x")));
    GpkgOptions options;
    options.timestamp = Date(2026, 1, 1);
    write_gpkg(ctx, s / "t.gpkg", {&plain}, options);
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open((s / "t.gpkg").c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    CHECK(qgis_document(ds->GetLayerByName("isles")).empty());
}

// The GeoPackage writer (write/gpkg_writer), read back with GDAL: fields by name, NULL for no value, and a
// temporal layer's period as valid_from/valid_to DATE columns plus OpenHistoricalMap's decimal years.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "../util/scratch.hpp"
#include "write/gpkg_writer.hpp"

using namespace kuril;

TEST_CASE("GeoPackage: the period becomes DATE columns, an open end NULL, unset fields NULL", "[write][gpkg]") {
    GDALAllRegister();
    const test::Scratch s("gpkg");
    geom::Context ctx;
    Layer layer("held", "test", GeometryKind::point, {{"holder", FieldType::string}, {"area_km2", FieldType::real}}, true);
    layer.add("a", ctx.point({150, 45}), std::move(Row(layer).set("holder", "japan")),
              Interval{Date(1905, 9, 5), Date(1945, 9, 2)});
    layer.add("b", ctx.point({150, 46}), std::move(Row(layer).set("area_km2", Value{3.5})),
              Interval{Date(1945, 9, 2), std::nullopt});
    GpkgOptions options;
    options.timestamp = Date(2026, 1, 1);
    write_gpkg(ctx, s / "t.gpkg", {&layer}, options);

    std::unique_ptr<GDALDataset> ds(GDALDataset::Open((s / "t.gpkg").c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* l = ds->GetLayerByName("held");
    REQUIRE(l != nullptr);
    const OGRFeatureDefn* defn = l->GetLayerDefn();
    std::vector<std::string> columns;
    for (int i = 0; i < defn->GetFieldCount(); ++i) columns.push_back(defn->GetFieldDefn(i)->GetNameRef());
    CHECK(columns ==
          std::vector<std::string>{"id", "holder", "area_km2", "valid_from", "valid_to", "start_decdate", "end_decdate"});
    CHECK(defn->GetFieldDefn(defn->GetFieldIndex("valid_from"))->GetType() == OFTDate);

    std::unique_ptr<OGRFeature> a(l->GetNextFeature());
    REQUIRE(a);
    CHECK(std::string(a->GetFieldAsString("holder")) == "japan");
    CHECK(a->IsFieldNull(a->GetFieldIndex("area_km2")));
    CHECK(std::string(a->GetFieldAsString("valid_from")) == "1905/09/05");
    CHECK(std::string(a->GetFieldAsString("valid_to")) == "1945/09/02");
    CHECK(a->GetFieldAsDouble("start_decdate") == Approx(Date(1905, 9, 5).decimal_year()));
    std::unique_ptr<OGRFeature> b(l->GetNextFeature());
    REQUIRE(b);
    CHECK(b->IsFieldNull(b->GetFieldIndex("holder")));
    CHECK(b->GetFieldAsDouble("area_km2") == 3.5);
    CHECK(b->IsFieldNull(b->GetFieldIndex("valid_to")));
    CHECK(b->IsFieldNull(b->GetFieldIndex("end_decdate")));
}

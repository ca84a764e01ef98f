// A dataset layer as the tiler's input (tiles/engine/layer_source): attributes with the same keys as the
// GeoJSON, dates as ISO text (MVT has no date type), an open end without end keys.
#include <catch2/catch.hpp>

#include <map>

#include "tiles/engine/layer_source.hpp"

using namespace kuril;

TEST_CASE("source_layer: fields, id and the period's date keys as MVT values", "[tiles][layer_source]") {
    geom::Context ctx;
    Layer layer("held", "test", GeometryKind::point, {{"holder", FieldType::string}, {"page", FieldType::integer}}, true);
    layer.add("a", ctx.point({150, 45}), std::move(Row(layer).set("holder", "japan").set("page", Value{2LL})),
              Interval{Date(1905, 9, 5), std::nullopt});
    const tiles::SourceLayer s = tiles::source_layer(ctx, layer, 2, 9);
    CHECK(s.name == "held");
    CHECK(s.minzoom == 2);
    CHECK(s.maxzoom == 9);
    REQUIRE(s.features.size() == 1);
    std::map<std::string, tiles::TagValue> attrs;
    for (const auto& a : s.features[0].attributes) attrs[a.key] = a.value;
    CHECK(std::get<std::string>(attrs.at("id")) == "a");
    CHECK(std::get<std::string>(attrs.at("holder")) == "japan");
    CHECK(std::get<std::int64_t>(attrs.at("page")) == 2);
    CHECK(std::get<std::string>(attrs.at("start_date")) == "1905-09-05");
    CHECK(std::get<double>(attrs.at("start_decdate")) == Approx(1905.6767).margin(1e-3));
    CHECK(attrs.count("end_date") == 0);
    CHECK(attrs.count("end_decdate") == 0);
    REQUIRE(s.features[0].points.size() == 1);
    CHECK(s.features[0].points[0].x == Approx((150.0 + 180) / 360));
}

// Rows are built by field name against the layer's schema.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "model/layer.hpp"

using namespace kuril;

namespace {
Layer schema() {
    Layer layer;
    layer.name = "places";
    layer.fields = {{"place", FieldType::string}, {"page", FieldType::integer}, {"area_km2", FieldType::real}};
    return layer;
}
}  // namespace

TEST_CASE("Row: values land in their fields' places, unset fields have no value", "[model][layer]") {
    const Layer layer = schema();
    Row row(layer);
    row.set("area_km2", Value{3.5}).set("place", "toyohara");
    const std::vector<Value> v = row.take();
    REQUIRE(v.size() == 3);
    CHECK(std::get<std::string>(v[0]) == "toyohara");
    CHECK(std::holds_alternative<std::monostate>(v[1]));
    CHECK(std::get<double>(v[2]) == 3.5);
    Feature f{"x", {}, v, std::nullopt};
    CHECK(layer.text(f, "place") == "toyohara");
    CHECK(layer.text(f, "page").empty());
    CHECK_THROWS_AS(layer.value(f, "nope"), std::out_of_range);
}

TEST_CASE("Row: an unknown field or a value of the wrong type is refused", "[model][layer]") {
    const Layer layer = schema();
    Row row(layer);
    CHECK_THROWS_AS(row.set("name", "x"), std::logic_error);
    CHECK_THROWS_AS(row.set("page", Value{1.5}), std::logic_error);
    CHECK_THROWS_AS(row.set("area_km2", "big"), std::logic_error);
    CHECK_NOTHROW(row.set("page", Value{7LL}));
    CHECK_NOTHROW(row.set("place", ""));  // an empty text is no value
}

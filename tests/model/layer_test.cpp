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
    Layer layer = schema();
    Row row(layer);
    row.set("area_km2", Value{3.5}).set("place", "toyohara");
    const Feature& f = layer.add("x", {}, std::move(row));
    const std::vector<Value>& v = f.values();
    REQUIRE(v.size() == 3);
    CHECK(std::get<std::string>(v[0]) == "toyohara");
    CHECK(std::holds_alternative<std::monostate>(v[1]));
    CHECK(std::get<double>(v[2]) == 3.5);
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

TEST_CASE("Layer::add: a row of another layer, or a period where the layer has none, is refused", "[model][layer]") {
    Layer places = schema();
    Layer other = schema();
    CHECK_THROWS_AS(places.add("a", {}, Row(other)), std::logic_error);
    CHECK_THROWS_AS(places.add("b", {}, Row(places), Interval{Date(1905, 9, 5), std::nullopt}), std::logic_error);
    places.temporal = true;
    CHECK_THROWS_AS(places.add("c", {}, Row(places)), std::logic_error);
    CHECK_NOTHROW(places.add("d", {}, Row(places), Interval{Date(1905, 9, 5), std::nullopt}));
    CHECK(places.features.size() == 1);
}

TEST_CASE("attributes: the fields with a value, then the period's OpenHistoricalMap date keys", "[model][layer]") {
    Layer layer = schema();
    layer.temporal = true;
    Row row(layer);
    row.set("page", Value{3LL});
    layer.add("open", {}, std::move(row), Interval{Date(1945, 9, 2), std::nullopt});
    Row closed(layer);
    closed.set("place", "toyohara");
    layer.add("closed", {}, std::move(closed), Interval{Date(1905, 9, 5), Date(1945, 9, 2)});
    auto keys_of = [&](const Feature& f) {
        std::vector<std::string> keys;
        layer.for_each_attribute(f, [&](const Layer::Attribute& a) { keys.push_back(a.field.name); });
        return keys;
    };
    CHECK(keys_of(layer.features[0]) == std::vector<std::string>{"page", "start_date", "start_decdate"});
    CHECK(keys_of(layer.features[1]) ==
          std::vector<std::string>{"place", "start_date", "start_decdate", "end_date", "end_decdate"});
    std::vector<Value> values;
    layer.for_each_attribute(layer.features[1], [&](const Layer::Attribute& a) { values.push_back(a.value); });
    CHECK(std::get<Date>(values[1]) == Date(1905, 9, 5));
    CHECK(std::get<double>(values[2]) == Date(1905, 9, 5).decimal_year());
    CHECK(std::get<Date>(values[3]) == Date(1945, 9, 2));
}

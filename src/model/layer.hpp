#pragma once
// A format-neutral output layer: a schema and features. Derived once, written by every writer
// (GeoJSON, GeoPackage) in that format's own conventions.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "geom/geos.hpp"
#include "model/date.hpp"

namespace kuril {

enum class FieldType { string, integer, real };
struct Field {
    std::string name;
    FieldType type;
};

// monostate = no value: GeoJSON omits the key, GeoPackage writes NULL.
using Value = std::variant<std::monostate, std::string, long long, double>;

struct Feature {
    std::string id;
    geom::Geom geometry;  // lon/lat
    std::vector<Value> values;  // one per Field, in order
    std::optional<Interval> period;  // for temporal layers
};

enum class GeometryKind { point, multilinestring, multipolygon };

struct Layer {
    std::string name;
    std::string title;
    GeometryKind geometry = GeometryKind::multipolygon;
    std::vector<Field> fields;
    bool temporal = false;  // features carry a period
    std::vector<Feature> features;

    [[nodiscard]] std::size_t field_index(std::string_view name) const;
    // The value of field `name` of `f` (std::out_of_range for a field the layer does not have).
    [[nodiscard]] const Value& value(const Feature& f, std::string_view name) const;
    [[nodiscard]] std::string text(const Feature& f, std::string_view name) const;
};

// A row built by field name against a layer's schema: set() refuses a field the layer does not have or a
// value of the wrong type (a programming error: std::logic_error), fields never set have no value.
class Row {
public:
    explicit Row(const Layer& layer) : layer_(layer), values_(layer.fields.size()) {}
    Row& set(std::string_view name, Value v);
    Row& set(std::string_view name, const std::string& s) { return set(name, s.empty() ? Value{} : Value{s}); }
    Row& set(std::string_view name, const char* s) { return set(name, std::string(s)); }
    [[nodiscard]] std::vector<Value> take() { return std::move(values_); }

private:
    const Layer& layer_;
    std::vector<Value> values_;
};

}  // namespace kuril

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
};

}  // namespace kuril

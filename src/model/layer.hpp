#pragma once
// A format-neutral output layer: a schema and features. Derived once, written by every writer
// (GeoJSON, GeoPackage, MVT) in that format's own conventions. A feature's values are built by field
// name against its layer's schema (Row) and checked when added (Layer::add); a temporal layer's period
// becomes its date attributes in one place (period_fields / Layer::for_each_attribute), for every writer.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "geom/geos.hpp"
#include "model/date.hpp"

namespace kuril {

enum class FieldType { string, integer, real, date };
struct Field {
    std::string name;
    FieldType type;
};

// monostate = no value: GeoJSON and MVT omit the key, GeoPackage writes NULL.
using Value = std::variant<std::monostate, std::string, long long, double, Date>;

// The date attributes of a feature of a temporal layer, OpenHistoricalMap's keys, in the order the
// writers emit them: start_date (date), start_decdate (real), end_date (date), end_decdate (real).
// An open end has no end_date and no end_decdate.
[[nodiscard]] const std::vector<Field>& period_fields();

class Layer;

// A row built by field name against a layer's schema: set() refuses a field the layer does not have or a
// value of the wrong type (a programming error: std::logic_error); fields never set have no value.
class Row {
public:
    explicit Row(const Layer& layer);
    Row& set(std::string_view name, Value v);
    Row& set(std::string_view name, const std::string& s) { return set(name, s.empty() ? Value{} : Value{s}); }
    Row& set(std::string_view name, const char* s) { return set(name, std::string(s)); }

private:
    friend class Layer;
    const Layer* layer_;
    std::vector<Value> values_;
};

class Feature {
public:
    std::string id;
    geom::Geom geometry;  // lon/lat
    std::optional<Interval> period;  // for temporal layers

    // One per field of the layer, in the schema's order (monostate: no value).
    [[nodiscard]] const std::vector<Value>& values() const { return values_; }

private:
    friend class Layer;
    std::vector<Value> values_;
};

enum class GeometryKind { point, multilinestring, multipolygon };

// The zoom levels of a layer's vector tiles.
struct ZoomRange {
    int minzoom = 0;
    int maxzoom = 14;
};

class Layer {
public:
    Layer() = default;
    Layer(std::string name, std::string title, GeometryKind geometry, std::vector<Field> fields, bool temporal)
        : name(std::move(name)), title(std::move(title)), geometry(geometry), fields(std::move(fields)),
          temporal(temporal) {}

    std::string name;
    std::string title;
    GeometryKind geometry = GeometryKind::multipolygon;
    std::vector<Field> fields;
    bool temporal = false;  // features carry a period
    std::vector<Feature> features;
    std::optional<ZoomRange> tiles;  // in the vector tiles, at these zooms (the build plan sets it)

    // Adds a feature whose values were built against this layer; a temporal layer's features have a period,
    // the others none (std::logic_error otherwise: a programming error).
    Feature& add(std::string id, geom::Geom geometry, Row row, std::optional<Interval> period = std::nullopt);

    [[nodiscard]] std::size_t field_index(std::string_view name) const;
    // The value of field `name` of `f` (std::out_of_range for a field the layer does not have).
    [[nodiscard]] const Value& value(const Feature& f, std::string_view name) const;
    [[nodiscard]] std::string text(const Feature& f, std::string_view name) const;

    // Every attribute of `f` that has a value: the layer's fields in order, then (temporal layers) its
    // period's date attributes (period_fields). What every writer writes, each in its own encoding.
    struct Attribute {
        const Field& field;
        const Value& value;
    };
    template <typename F>
    void for_each_attribute(const Feature& f, F&& fn) const {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (!std::holds_alternative<std::monostate>(f.values_[i])) fn(Attribute{fields[i], f.values_[i]});
        }
        if (!temporal || !f.period) return;
        const auto& pf = period_fields();
        const Value start{f.period->from};
        const Value start_dec{f.period->from.decimal_year()};
        fn(Attribute{pf[0], start});
        fn(Attribute{pf[1], start_dec});
        if (f.period->to) {
            const Value end{*f.period->to};
            const Value end_dec{f.period->to->decimal_year()};
            fn(Attribute{pf[2], end});
            fn(Attribute{pf[3], end_dec});
        }
    }
};

}  // namespace kuril

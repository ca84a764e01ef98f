#include "model/layer.hpp"

#include <stdexcept>

namespace kuril {

const std::vector<Field>& period_fields() {
    static const std::vector<Field> fields{{"start_date", FieldType::date},
                                           {"start_decdate", FieldType::real},
                                           {"end_date", FieldType::date},
                                           {"end_decdate", FieldType::real}};
    return fields;
}

std::size_t Layer::field_index(std::string_view name) const {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].name == name) {
            return i;
        }
    }
    return std::string::npos;
}

const Value& Layer::value(const Feature& f, std::string_view name) const {
    const std::size_t i = field_index(name);
    if (i == std::string::npos || i >= f.values_.size()) {
        throw std::out_of_range("layer " + this->name + " has no field " + std::string(name));
    }
    return f.values_[i];
}

std::string Layer::text(const Feature& f, std::string_view name) const {
    const Value& v = value(f, name);
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    return {};
}

Feature& Layer::add(std::string id, geom::Geom geometry, Row row, std::optional<Interval> period) {
    if (row.layer_ != this || row.values_.size() != fields.size()) {
        throw std::logic_error("feature " + id + ": its row was built for another layer than " + name);
    }
    if (temporal != period.has_value()) {
        throw std::logic_error("feature " + id + " of layer " + name +
                               (temporal ? ": a temporal layer's feature needs a period" : ": a period in a layer without dates"));
    }
    Feature f;
    f.id = std::move(id);
    f.geometry = std::move(geometry);
    f.period = std::move(period);
    f.values_ = std::move(row.values_);
    features.push_back(std::move(f));
    return features.back();
}

namespace {
bool fits(FieldType t, const Value& v) {
    switch (t) {
        case FieldType::string: return std::holds_alternative<std::string>(v);
        case FieldType::integer: return std::holds_alternative<long long>(v);
        case FieldType::real: return std::holds_alternative<double>(v);
        case FieldType::date: return std::holds_alternative<Date>(v);
    }
    return false;
}
}  // namespace

Row::Row(const Layer& layer) : layer_(&layer), values_(layer.fields.size()) {}

Row& Row::set(std::string_view name, Value v) {
    const std::size_t i = layer_->field_index(name);
    if (i == std::string::npos) {
        throw std::logic_error("layer " + layer_->name + " has no field " + std::string(name));
    }
    if (!std::holds_alternative<std::monostate>(v) && !fits(layer_->fields[i].type, v)) {
        throw std::logic_error("field " + std::string(name) + " of layer " + layer_->name + " has another type");
    }
    values_[i] = std::move(v);
    return *this;
}

}  // namespace kuril

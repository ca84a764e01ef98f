#include "write/geojson_writer.hpp"

#include <nlohmann/json.hpp>

#include "write/geojson_geometry.hpp"

namespace kuril {

namespace {

std::string quoted(const std::string& s) { return nlohmann::json(s).dump(); }

void append_value(std::string& out, const Value& v) {
    if (const auto* s = std::get_if<std::string>(&v)) {
        out += quoted(*s);
    } else if (const auto* i = std::get_if<long long>(&v)) {
        out += std::to_string(*i);
    } else if (const auto* d = std::get_if<double>(&v)) {
        append_number(out, *d, 6);
    } else if (const auto* day = std::get_if<Date>(&v)) {
        out += quoted(day->iso());
    }
}

}  // namespace

std::string geojson_text(const geom::Context& ctx, const Layer& layer) {
    // name and description: foreign members (RFC 7946 §6.1), what GDAL and QGIS show as the layer's name and
    // description.
    std::string out = "{\"type\":\"FeatureCollection\",\"name\":" + quoted(layer.name) +
                      ",\"description\":" + quoted(layer.title) + ",\"features\":[\n";
    for (std::size_t f = 0; f < layer.features.size(); ++f) {
        const Feature& feat = layer.features[f];
        out += "{\"type\":\"Feature\",\"id\":" + quoted(feat.id) + ",\"properties\":{";
        bool first = true;
        auto key = [&](const std::string& k) {
            if (!first) {
                out += ',';
            }
            first = false;
            out += quoted(k);
            out += ':';
        };
        layer.for_each_attribute(feat, [&](const Layer::Attribute& a) {
            key(a.field.name);
            append_value(out, a.value);
        });
        out += "},\"geometry\":";
        append_geometry(out, ctx, feat.geometry, kGeoJsonDecimals);
        out += f + 1 < layer.features.size() ? "},\n" : "}\n";
    }
    out += "]}\n";
    return out;
}

}  // namespace kuril

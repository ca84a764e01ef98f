#include "tiles/containers/metadata.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace kuril::tiles {

using json = nlohmann::ordered_json;

json vector_layers_json(const TileSet& set) {
    json layers = json::array();
    for (const auto& l : set.layers) {
        json fields = json::object();
        for (const auto& f : l.fields) {
            fields[f.name] = f.type;
        }
        layers.push_back({{"id", l.name}, {"description", l.description}, {"minzoom", l.minzoom},
                          {"maxzoom", l.maxzoom}, {"fields", fields}});
    }
    return layers;
}

int center_zoom(const TileSet& set) { return std::clamp(5, set.minzoom, set.maxzoom); }

namespace {
double r6(double v) { return std::round(v * 1e6) / 1e6; }
json bounds(const TileSet& s) { return json::array({r6(s.west), r6(s.south), r6(s.east), r6(s.north)}); }
json center(const TileSet& s) {
    return json::array({r6((s.west + s.east) / 2), r6((s.south + s.north) / 2), center_zoom(s)});
}
// The fields every metadata form shares.
json common(const TilesetInfo& info) {
    json m;
    m["name"] = info.name;
    m["description"] = info.description;
    m["version"] = info.version;
    m["attribution"] = info.attribution;
    if (!info.license.empty()) m["license"] = info.license;
    m["type"] = "overlay";
    m["format"] = "pbf";
    return m;
}

}  // namespace

nlohmann::ordered_json size_limit_json(const TileSet& set) {
    json reduced = json::array();
    for (const auto& r : set.reductions()) {
        reduced.push_back(json{{"zoom", r.zoom}, {"tiles", r.tiles}, {"tiles_with_features_dropped", r.tiles_with_drops},
                               {"features_dropped", r.features_dropped}});
    }
    return json{{"max_tile_bytes", set.max_tile_bytes}, {"reduced", reduced}};
}

json points_json(const PointThinningReport& r) {
    json guessed = json::array();
    if (r.guessed_base) guessed.push_back("base_zoom");
    if (r.guessed_rate) guessed.push_back("drop_rate");
    if (r.guessed_maxzoom) guessed.push_back("maxzoom");
    json per_zoom = json::object();
    for (int z = r.minzoom; z <= r.maxzoom; ++z) per_zoom[std::to_string(z)] = r.kept(z);
    return json{{"point_features", r.points}, {"base_zoom", r.base_zoom}, {"drop_rate", r.drop_rate}, {"guessed", guessed},
                {"drop_densest_as_needed", r.drop_densest}, {"cluster_distance", r.cluster_distance}, {"points_per_zoom", per_zoom}};
}

std::string pmtiles_metadata(const TileSet& set, const TilesetInfo& info) {
    json m = common(info);
    m["bounds"] = bounds(set);
    m["center"] = center(set);
    m["minzoom"] = set.minzoom;
    m["maxzoom"] = set.maxzoom;
    m["vector_layers"] = vector_layers_json(set);
    m["kuril:size_limit"] = size_limit_json(set);
    if (set.thinning) m["kuril:points"] = points_json(*set.thinning);
    return m.dump();
}

std::string mbtiles_metadata_json(const TileSet& set, const TilesetInfo& info) {
    auto csv = [](const json& a) {
        std::string out;
        for (const auto& v : a) {
            out += (out.empty() ? "" : ",") + v.dump();
        }
        return out;
    };
    json m = common(info);
    m["bounds"] = csv(bounds(set));
    m["center"] = csv(center(set));
    m["minzoom"] = std::to_string(set.minzoom);
    m["maxzoom"] = std::to_string(set.maxzoom);
    json inner{{"vector_layers", vector_layers_json(set)}, {"kuril:size_limit", size_limit_json(set)}};
    if (set.thinning) inner["kuril:points"] = points_json(*set.thinning);
    m["json"] = inner.dump();
    return m.dump(2) + "\n";
}

std::string tilejson(const TileSet& set, const TilesetInfo& info, const std::string& url_template) {
    json t;
    t["tilejson"] = "3.0.0";
    t["name"] = info.name;
    t["description"] = info.description;
    t["version"] = info.version;
    t["attribution"] = info.attribution;
    if (!info.license.empty()) t["license"] = info.license;  // not a TileJSON 3.0.0 key: clients ignore it
    t["scheme"] = "xyz";
    t["tiles"] = json::array({url_template});
    t["minzoom"] = set.minzoom;
    t["maxzoom"] = set.maxzoom;
    t["bounds"] = bounds(set);
    t["center"] = center(set);
    t["vector_layers"] = vector_layers_json(set);
    if (set.thinning) t["kuril:points"] = points_json(*set.thinning);
    return t.dump(2) + "\n";
}

namespace {
double e7(std::int32_t v) { return v / 1e7; }
json numbers(const std::string& csv) {
    json a = json::array();
    for (std::size_t at = 0; at < csv.size();) {
        const std::size_t end = std::min(csv.find(',', at), csv.size());
        a.push_back(std::strtod(csv.substr(at, end - at).c_str(), nullptr));
        at = end + 1;
    }
    return a;
}
}  // namespace

json tilejson_fields(const PmtilesHeader& h, const std::string& metadata) {
    json meta = json::parse(metadata, nullptr, false);
    if (!meta.is_object()) meta = json::object();
    json t;
    t["name"] = meta.value("name", "");
    t["attribution"] = meta.value("attribution", "");
    t["description"] = meta.value("description", "");
    for (const char* key : {"version", "license"}) {
        if (meta.contains(key) && meta[key].is_string()) t[key] = meta[key];
    }
    t["minzoom"] = h.min_zoom;
    t["maxzoom"] = h.max_zoom;
    t["bounds"] = json::array({e7(h.min_lon_e7), e7(h.min_lat_e7), e7(h.max_lon_e7), e7(h.max_lat_e7)});
    t["center"] = json::array({e7(h.center_lon_e7), e7(h.center_lat_e7), h.center_zoom});
    t["vector_layers"] = meta.value("vector_layers", json::array());
    return t;
}

json tilejson_fields(const std::map<std::string, std::string>& m) {
    auto get = [&](const char* key, const char* fallback) {
        const auto it = m.find(key);
        return it != m.end() ? it->second : std::string(fallback);
    };
    json t;
    t["name"] = get("name", "");
    t["attribution"] = get("attribution", "");
    t["description"] = get("description", "");
    for (const char* key : {"version", "license"}) {
        if (m.count(key) != 0) t[key] = m.at(key);
    }
    t["minzoom"] = std::atoi(get("minzoom", "0").c_str());
    t["maxzoom"] = std::atoi(get("maxzoom", "14").c_str());
    t["bounds"] = numbers(get("bounds", ""));
    t["center"] = numbers(get("center", ""));
    const json extra = json::parse(get("json", "{}"), nullptr, false);
    t["vector_layers"] = extra.is_object() ? extra.value("vector_layers", json::array()) : json::array();
    return t;
}

}  // namespace kuril::tiles

#include "tiles/metadata.hpp"

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
    m["type"] = "overlay";
    m["format"] = "pbf";
    return m;
}

}  // namespace

std::string pmtiles_metadata(const TileSet& set, const TilesetInfo& info) {
    json m = common(info);
    m["bounds"] = bounds(set);
    m["center"] = center(set);
    m["minzoom"] = set.minzoom;
    m["maxzoom"] = set.maxzoom;
    m["vector_layers"] = vector_layers_json(set);
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
    m["json"] = json{{"vector_layers", vector_layers_json(set)}}.dump();
    return m.dump(2) + "\n";
}

std::string tilejson(const TileSet& set, const TilesetInfo& info, const std::string& url_template) {
    json t;
    t["tilejson"] = "3.0.0";
    t["name"] = info.name;
    t["description"] = info.description;
    t["version"] = info.version;
    t["attribution"] = info.attribution;
    t["scheme"] = "xyz";
    t["tiles"] = json::array({url_template});
    t["minzoom"] = set.minzoom;
    t["maxzoom"] = set.maxzoom;
    t["bounds"] = bounds(set);
    t["center"] = center(set);
    t["vector_layers"] = vector_layers_json(set);
    return t.dump(2) + "\n";
}

}  // namespace kuril::tiles

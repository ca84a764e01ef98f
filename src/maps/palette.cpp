#include "maps/palette.hpp"

#include <cstdio>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/error.hpp"

namespace kuril::maps {

namespace {

Rgb hex(const std::filesystem::path& file, const std::string& s) {
    unsigned v = 0;
    if (s.size() != 7 || s[0] != '#' || std::sscanf(s.c_str() + 1, "%6x", &v) != 1) {
        throw InputError(Location{file.string(), 0, {}}, fmt::format("colour '{}' is not #rrggbb", s));
    }
    return {((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0};
}

}  // namespace

Palette read_palette(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw InputError(Location{file.string(), 0, {}}, "cannot read the palette");
    try {
        const nlohmann::json j = nlohmann::json::parse(in);
        auto colour = [&](const char* key) { return hex(file, j.at(key).get<std::string>()); };
        Palette p;
        for (const auto& [k, v] : j.at("holders").items()) p.holders[k] = hex(file, v.get<std::string>());
        for (const auto& [k, v] : j.at("boundary").items()) p.boundary[k] = hex(file, v.get<std::string>());
        for (const char* kind : {"de_jure", "de_facto", "claimed"}) {
            if (!p.boundary.count(kind)) throw InputError(Location{file.string(), 0, {}}, fmt::format("no boundary.{}", kind));
        }
        p.sea = colour("sea"), p.land_unknown = colour("land_unknown"), p.coast = colour("coast");
        p.context_land = colour("context_land");
        p.text = colour("text"), p.halo = colour("halo"), p.water_text = colour("water_text");
        p.graticule = colour("graticule");
        return p;
    } catch (const nlohmann::json::exception& e) {
        throw InputError(Location{file.string(), 0, {}}, fmt::format("palette: {}", e.what()));
    }
}

}  // namespace kuril::maps

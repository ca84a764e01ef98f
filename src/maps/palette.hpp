#pragma once
// The one palette of every renderer (styles/palette.json): holder colours, line kinds, sea and text.
#include <filesystem>
#include <map>
#include <string>

namespace kuril::maps {

struct Rgb {
    double r = 0, g = 0, b = 0;  // 0..1
};

struct Palette {
    std::map<std::string, Rgb> holders;   // japan, russia, japan;russia, undetermined
    std::map<std::string, Rgb> boundary;  // de_jure, de_facto, claimed
    Rgb sea, land_unknown, context_land, coast, text, halo, water_text, graticule;
};

// Throws InputError naming the file for a missing key or a colour that is not #rrggbb.
[[nodiscard]] Palette read_palette(const std::filesystem::path& file);

}  // namespace kuril::maps

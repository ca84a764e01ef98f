#pragma once
// What one print map shows and where it goes: the day, the point of view, the language, the extent, the
// sheet and the projection. Parsed and checked before any file is touched (UsageError names the option).
#include <optional>
#include <string>

#include "model/date.hpp"

namespace kuril::maps {

enum class OutputFormat { pdf, svg, png };

struct Extent {
    std::string name;  // chain | south | sakhalin | custom
    double west = 0, south = 0, east = 0, north = 0;
};

struct MapSpec {
    Date date;
    std::string view = "neutral";  // neutral | japan | russia
    std::string lang = "en";       // en | ja | ru | ainu
    Extent extent;
    double paper_w_mm = 297, paper_h_mm = 210;  // landscape A4
    bool paper_turns = true;  // a named paper (A4, A3) turns to portrait when that draws the extent larger
    std::string crs;   // blank: a Lambert conformal conic fitted to the extent
    int dpi = 300;     // PNG only
    bool inset = true;  // Shikotan and the Habomai islets at a larger scale, on a whole-chain map
};

// Parsers for the options of `kuril map`; each throws UsageError with the option and the value.
[[nodiscard]] Extent parse_extent(const std::string& value);
void parse_paper(const std::string& value, MapSpec& spec);
[[nodiscard]] OutputFormat format_of(const std::string& path);
[[nodiscard]] std::string check_view(const std::string& value);
[[nodiscard]] std::string check_lang(const std::string& value);

}  // namespace kuril::maps

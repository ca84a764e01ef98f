#include "maps/map_spec.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "util/error.hpp"

namespace kuril::maps {

Extent parse_extent(const std::string& value) {
    if (value == "chain") return {"chain", 141.0, 41.3, 157.5, 51.5};
    if (value == "south") return {"south", 144.8, 42.9, 151.2, 46.6};
    if (value == "sakhalin") return {"sakhalin", 139.5, 45.5, 145.5, 54.6};  // Cape Crillon to Cape Elizabeth
    Extent e{"custom"};
    char tail = 0;
    if (std::sscanf(value.c_str(), "%lf,%lf,%lf,%lf%c", &e.west, &e.south, &e.east, &e.north, &tail) != 4) {
        throw UsageError(fmt::format("--extent {}: not chain, south, sakhalin or W,S,E,N in degrees", value));
    }
    if (!(e.west < e.east && e.south < e.north) || e.west < -180 || e.east > 180 || e.south < -85 || e.north > 85) {
        throw UsageError(fmt::format("--extent {}: west < east and south < north, within ±180° and ±85°", value));
    }
    return e;
}

void parse_paper(const std::string& value, MapSpec& spec) {
    if (value == "A4") {
        spec.paper_w_mm = 297, spec.paper_h_mm = 210;
        return;
    }
    if (value == "A3") {
        spec.paper_w_mm = 420, spec.paper_h_mm = 297;
        return;
    }
    double w = 0, h = 0;
    char m1 = 0, m2 = 0, tail = 0;
    if (std::sscanf(value.c_str(), "%lfx%lf%c%c%c", &w, &h, &m1, &m2, &tail) != 4 || m1 != 'm' || m2 != 'm' ||
        w < 100 || h < 80 || w > 2000 || h > 2000) {
        throw UsageError(fmt::format("--paper {}: not A4, A3 or WxHmm (100x80mm to 2000x2000mm)", value));
    }
    spec.paper_w_mm = w, spec.paper_h_mm = h;
    spec.paper_turns = false;  // as given
}

OutputFormat format_of(const std::string& path) {
    auto ends = [&](const char* ext) {
        const std::string e(ext);
        return path.size() > e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
    };
    if (ends(".pdf")) return OutputFormat::pdf;
    if (ends(".svg")) return OutputFormat::svg;
    if (ends(".png")) return OutputFormat::png;
    throw UsageError(fmt::format("-o {}: the name must end in .pdf, .svg or .png", path));
}

std::string check_view(const std::string& value) {
    if (value != "neutral" && value != "japan" && value != "russia") {
        throw UsageError(fmt::format("--view {}: not neutral, japan or russia", value));
    }
    return value;
}

std::string check_lang(const std::string& value) {
    if (value != "en" && value != "ja" && value != "ru" && value != "ainu") {
        throw UsageError(fmt::format("--lang {}: not en, ja, ru or ainu", value));
    }
    return value;
}

}  // namespace kuril::maps

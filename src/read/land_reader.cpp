#include "read/land_reader.hpp"

#include <cmath>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace kuril {

namespace {

using json = nlohmann::json;

geom::XY position(const json& p, const Location& where) {
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) {
        throw InputError(where, "a position must be an array of two numbers (RFC 7946 §3.1.1)");
    }
    const geom::XY xy{p[0].get<double>(), p[1].get<double>()};
    if (!std::isfinite(xy.x) || !std::isfinite(xy.y) || xy.x < -180 || xy.x > 180 || xy.y < -90 || xy.y > 90) {
        throw InputError(where, fmt::format("position ({}, {}) is not a WGS 84 longitude/latitude", xy.x, xy.y));
    }
    return xy;
}

geom::PolygonRings polygon_rings(const json& coords, const Location& where) {
    if (!coords.is_array() || coords.empty()) {
        throw InputError(where, "a Polygon needs at least one ring (RFC 7946 §3.1.6)");
    }
    geom::PolygonRings rings;
    for (const auto& ring : coords) {
        if (!ring.is_array() || ring.size() < 4) {
            throw InputError(where, "a linear ring needs four or more positions (RFC 7946 §3.1.6)");
        }
        geom::Ring r;
        r.reserve(ring.size());
        for (const auto& p : ring) {
            r.push_back(position(p, where));
        }
        if (!(r.front() == r.back())) {
            throw InputError(where, fmt::format("ring not closed: first ({}, {}) and last ({}, {}) positions differ "
                                                "(RFC 7946 §3.1.6)",
                                                r.front().x, r.front().y, r.back().x, r.back().y));
        }
        for (std::size_t i = 1; i < r.size(); ++i) {
            if (std::abs(r[i].x - r[i - 1].x) > 180) {
                throw InputError(where, fmt::format("ring crosses the antimeridian between ({}, {}) and ({}, {}): split "
                                                    "it at ±180° into a MultiPolygon (RFC 7946 §3.1.9)",
                                                    r[i - 1].x, r[i - 1].y, r[i].x, r[i].y));
            }
        }
        rings.push_back(std::move(r));
    }
    return rings;
}

LandPiece parse_feature(const geom::Context& ctx, std::string_view line, const Location& at);

}  // namespace

LandPiece parse_land_line(const geom::Context& ctx, std::string_view line, const Location& at) {
    try {
        return parse_feature(ctx, line, at);
    } catch (const json::exception& e) {
        // Anything else nlohmann can throw: a number out of range (1e400), a member of the wrong type.
        throw InputError(at, fmt::format("malformed GeoJSON: {}", e.what()));
    }
}

namespace {

LandPiece parse_feature(const geom::Context& ctx, std::string_view line, const Location& at) {
    json f;
    try {
        f = json::parse(line);
    } catch (const json::parse_error& e) {
        // nlohmann's text reads "[json.exception.parse_error.101] parse error at line 1, column N: <why>";
        // the line is the file's, so keep the column and the why.
        std::string why = e.what();
        if (const auto colon = why.find(": ", why.find("column")); colon != std::string::npos) {
            why = why.substr(colon + 2);
        }
        throw InputError(at, fmt::format("malformed JSON at column {}: {}", e.byte, why));
    }
    Location where = at;
    if (!f.is_object() || f.value("type", "") != "Feature") {
        throw InputError(where, "expected a GeoJSON Feature (RFC 7946 §3.2)");
    }
    if (f.contains("id") && f["id"].is_string()) {
        where.record = f["id"].get<std::string>();
    } else if (f.contains("id") && f["id"].is_number_integer()) {
        where.record = std::to_string(f["id"].get<long long>());
    }
    if (f.contains("crs")) {
        throw InputError(where, "a crs member is not allowed: coordinates must be WGS 84 longitude/latitude (RFC 7946 §4)");
    }
    const auto g = f.find("geometry");
    if (g == f.end() || !g->is_object()) {
        throw InputError(where, "the feature has no geometry");
    }
    const std::string type = g->value("type", "");
    const auto c = g->find("coordinates");
    if (c == g->end()) {
        throw InputError(where, "the geometry has no coordinates");
    }
    std::vector<geom::Geom> polys;
    if (type == "Polygon") {
        polys.push_back(ctx.polygon(polygon_rings(*c, where)));
    } else if (type == "MultiPolygon" && c->is_array()) {
        for (const auto& p : *c) {
            polys.push_back(ctx.polygon(polygon_rings(p, where)));
        }
    } else {
        throw InputError(where, fmt::format("land must be a Polygon or MultiPolygon, not '{}'", type));
    }
    geom::Geom geometry = polys.size() == 1 ? std::move(polys.front()) : ctx.collect(std::move(polys), GEOS_MULTIPOLYGON);
    if (!ctx.is_valid(geometry)) {
        throw InputError(where, "invalid polygon: " + ctx.invalid_reason(geometry));
    }
    return LandPiece{where.record, std::move(geometry), where};
}

}  // namespace

std::vector<LandPiece> read_land(const geom::Context& ctx, const std::filesystem::path& path, Diagnostics& diag) {
    std::vector<LandPiece> land;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diag.add(Location{path.string(), 0, {}}, "cannot open file");
        return land;
    }
    std::string line;
    std::size_t n = 0;
    bool any = false;
    while (std::getline(in, line)) {
        ++n;
        if (n == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) {
            line.erase(0, 3);
        }
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.empty() || line == "\x1E") {
            continue;
        }
        if (line[0] == '\x1E') {  // RFC 8142 record separator
            line.erase(0, 1);
        }
        any = true;
        try {
            land.push_back(parse_land_line(ctx, line, Location{path.string(), n, {}}));
        } catch (const InputError& e) {
            diag.add(e);
        } catch (const Error& e) {
            diag.add(Location{path.string(), n, {}}, e.what());
        }
    }
    if (!any) {
        diag.add(Location{path.string(), 0, {}}, "empty file: expected one GeoJSON Feature per line");
    }
    return land;
}

}  // namespace kuril

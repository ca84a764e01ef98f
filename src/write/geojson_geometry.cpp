#include "write/geojson_geometry.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <string_view>

#include <fmt/format.h>

#include "util/error.hpp"

namespace kuril {

namespace {

// v rounded to `decimals` places by integer arithmetic, when that gives fmt's exact decimal rounding: the
// scaled value below 10^12 (so its binary rounding error is below 2·10^-4) and not within 10^-3 of a
// tie. False (nothing appended) otherwise, and for what is not finite.
bool append_fixed(std::string& out, double v, int decimals) {
    static constexpr double kPow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    static constexpr std::uint64_t kIntPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};
    if (decimals < 0 || decimals > 9) return false;
    const double scaled = std::abs(v) * kPow10[decimals];
    if (!(scaled < 1e12)) return false;
    const double whole = std::floor(scaled);
    const double frac = scaled - whole;
    if (std::abs(frac - 0.5) < 1e-3) return false;
    const auto r = static_cast<std::uint64_t>(whole) + (frac > 0.5 ? 1 : 0);
    if (r == 0) {
        out += '0';
        return true;
    }
    if (v < 0) out += '-';
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, r / kIntPow10[decimals]).ptr;
    out.append(digits, end);
    std::uint64_t fraction = r % kIntPow10[decimals];
    if (fraction == 0) return true;
    int places = decimals;
    while (fraction % 10 == 0) fraction /= 10, --places;  // no trailing zeros
    end = std::to_chars(digits, digits + sizeof digits, fraction).ptr;
    out += '.';
    out.append(static_cast<std::size_t>(places - (end - digits)), '0');
    out.append(digits, end);
    return true;
}

void append_position(std::string& out, geom::XY p, int decimals) {
    out += '[';
    append_number(out, p.x, decimals);
    out += ',';
    append_number(out, p.y, decimals);
    out += ']';
}

void append_positions(std::string& out, const std::vector<geom::XY>& coords, int decimals) {
    out += '[';
    for (std::size_t i = 0; i < coords.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        append_position(out, coords[i], decimals);
    }
    out += ']';
}

void append_polygon(std::string& out, geom::PolygonRings rings, int decimals) {
    out += '[';
    for (std::size_t r = 0; r < rings.size(); ++r) {
        // RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
        const bool want_ccw = r == 0;
        if ((geom::signed_area(rings[r]) > 0) != want_ccw) {
            std::reverse(rings[r].begin(), rings[r].end());
        }
        if (r > 0) {
            out += ',';
        }
        append_positions(out, rings[r], decimals);
    }
    out += ']';
}

}  // namespace

void append_number(std::string& out, double v, int decimals) {
    if (append_fixed(out, v, decimals)) return;
    const std::size_t start = out.size();
    fmt::format_to(std::back_inserter(out), "{:.{}f}", v, decimals);
    if (out.find('.', start) != std::string::npos) {
        while (out.back() == '0') out.pop_back();
        if (out.back() == '.') out.pop_back();
    }
    if (std::string_view(out).substr(start) == "-0") out.replace(start, 2, "0");
}

std::string format_number(double v, int decimals) {
    std::string s;
    append_number(s, v, decimals);
    return s;
}

void append_geometry(std::string& out, const geom::Context& ctx, const geom::Geom& g, int decimals) {
    switch (ctx.type(g)) {
        case GEOS_POINT:
            out += R"({"type":"Point","coordinates":)";
            append_position(out, ctx.point_xy(g), decimals);
            break;
        case GEOS_LINESTRING:
            out += R"({"type":"LineString","coordinates":)";
            append_positions(out, ctx.coords(g), decimals);
            break;
        case GEOS_MULTILINESTRING: {
            out += R"({"type":"MultiLineString","coordinates":[)";
            const auto ls = ctx.lines(g);
            for (std::size_t i = 0; i < ls.size(); ++i) {
                if (i > 0) {
                    out += ',';
                }
                append_positions(out, ls[i], decimals);
            }
            out += ']';
            break;
        }
        case GEOS_POLYGON: {
            out += R"({"type":"Polygon","coordinates":)";
            auto polys = ctx.polygons(g);
            append_polygon(out, polys.empty() ? geom::PolygonRings{} : std::move(polys.front()), decimals);
            break;
        }
        case GEOS_MULTIPOLYGON: {
            out += R"({"type":"MultiPolygon","coordinates":[)";
            auto polys = ctx.polygons(g);
            for (std::size_t i = 0; i < polys.size(); ++i) {
                if (i > 0) {
                    out += ',';
                }
                append_polygon(out, std::move(polys[i]), decimals);
            }
            out += ']';
            break;
        }
        default:
            throw GeometryError(fmt::format("cannot write GEOS geometry type {} as GeoJSON", ctx.type(g)));
    }
    out += '}';
}

}  // namespace kuril

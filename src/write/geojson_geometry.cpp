#include "write/geojson_geometry.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

#include <fmt/format.h>

#include "util/error.hpp"

namespace kuril {

void append_number(std::string& out, double v, int decimals) {
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

namespace {

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

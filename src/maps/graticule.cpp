#include "maps/sheet_parts.hpp"

#include <cmath>
#include <optional>

#include <fmt/format.h>

namespace kuril::maps {

// Meridians and parallels every `step` degrees; labels where they leave the frame (bottom, left).
void draw_graticule(Canvas& c, const Extent& e, double step, bool labels) {
    auto meridian = [&](double lon, double t) {
        return c.sheet.at(c.proj.forward({lon, e.south - 1 + t * (e.north - e.south + 2)}));
    };
    auto parallel = [&](double lat, double t) {
        return c.sheet.at(c.proj.forward({e.west - 2 + t * (e.east - e.west + 4), lat}));
    };
    const double lon0 = std::ceil(e.west / step) * step, lat0 = std::ceil(e.south / step) * step;
    cairo_save(c.cr);
    clip_frame(c.cr, c.sheet);
    for (int pass = 0; pass < 2; ++pass) {
        for (double v = pass == 0 ? lon0 : lat0; v <= (pass == 0 ? e.east : e.north) + 1e-9; v += step) {
            for (int i = 0; i <= 48; ++i) {
                const geom::XY p = pass == 0 ? meridian(v, i / 48.0) : parallel(v, i / 48.0);
                i == 0 ? cairo_move_to(c.cr, p.x, p.y) : cairo_line_to(c.cr, p.x, p.y);
            }
        }
    }
    set_colour(c.cr, c.pal.graticule, 0.8);
    cairo_set_line_width(c.cr, 0.35);
    cairo_stroke(c.cr);
    cairo_restore(c.cr);
    if (!labels) return;
    // Where a line crosses an edge: bisection on the parameter along it.
    auto cross = [](auto at, auto coord, double edge) -> std::optional<geom::XY> {
        double lo = 0, hi = 1;
        if ((coord(at(lo)) - edge) * (coord(at(hi)) - edge) > 0) return std::nullopt;
        for (int i = 0; i < 40; ++i) {
            const double mid = (lo + hi) / 2;
            ((coord(at(lo)) - edge) * (coord(at(mid)) - edge) <= 0 ? hi : lo) = mid;
        }
        return at(lo);
    };
    const TextStyle small{6.5};
    for (double lon = lon0; lon <= e.east + 1e-9; lon += step) {
        const auto p = cross([&](double t) { return meridian(lon, t); }, [](geom::XY q) { return q.y; }, c.sheet.fy1);
        if (!p || p->x < c.sheet.fx0 || p->x > c.sheet.fx1) continue;
        const Text t(c.cr, fmt::format("{:g}°E", lon), small);
        t.draw(p->x - t.size().first / 2, c.sheet.fy1 + 2, c.pal.text);
    }
    for (double lat = lat0; lat <= e.north + 1e-9; lat += step) {
        const auto p = cross([&](double t) { return parallel(lat, t); }, [](geom::XY q) { return q.x; }, c.sheet.fx0);
        if (!p || p->y < c.sheet.fy0 || p->y > c.sheet.fy1) continue;
        const Text t(c.cr, fmt::format("{:g}°N", lat), small);
        t.draw(c.sheet.fx0 - t.size().first - 2, p->y - t.size().second / 2, c.pal.text);
    }
}

}  // namespace kuril::maps

#include "maps/sheet_parts.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace kuril::maps {

namespace {

// The locator's own projection: a Lambert conformal conic fitted to the western Pacific.
const std::string& locator_crs() {
    static const std::string crs =
        fitted_lcc(kLocatorRegion.west, kLocatorRegion.south, kLocatorRegion.east, kLocatorRegion.north);
    return crs;
}

// An extent as a ring on the locator, its edges followed along the meridians and parallels.
void extent_path(cairo_t* cr, const MapProjection& proj, const Sheet& s, const Extent& e) {
    cairo_new_path(cr);
    const auto to = [&](double lon, double lat) {
        const geom::XY p = s.at(proj.forward({lon, lat}));
        cairo_line_to(cr, p.x, p.y);
    };
    constexpr int kSteps = 32;
    for (int i = 0; i <= kSteps; ++i) to(e.west + (e.east - e.west) * i / kSteps, e.south);
    for (int i = 0; i <= kSteps; ++i) to(e.east, e.south + (e.north - e.south) * i / kSteps);
    for (int i = 0; i <= kSteps; ++i) to(e.east - (e.east - e.west) * i / kSteps, e.north);
    for (int i = 0; i <= kSteps; ++i) to(e.west, e.north - (e.north - e.south) * i / kSteps);
    cairo_close_path(cr);
}

const Extent kRegion{"locator", kLocatorRegion.west, kLocatorRegion.south, kLocatorRegion.east, kLocatorRegion.north};

// The record's land and lines on the map, the obstacles a locator on the map keeps clear of.
std::vector<const geom::Geom*> map_obstacles(const Canvas& c, const MapData& data) {
    std::vector<const geom::Geom*> out;
    for (const auto& f : data.islands->features) out.push_back(&c.geoms.get("islands/" + f.id, f.geometry));
    for (const auto& f : data.boundaries->features) out.push_back(&c.geoms.get("boundaries/" + f.id, f.geometry));
    return out;
}

// True when `b` (grown by 2 mm) keeps clear of the obstacles and of every box taken.
bool free_on_map(const Canvas& c, const std::vector<const geom::Geom*>& obstacles, const Box& b,
                 const std::vector<Box>& taken) {
    const double pad = 2 * kPtPerMm;
    const Box grown{b.x0 - pad, b.y0 - pad, b.x1 + pad, b.y1 + pad};
    if (std::any_of(taken.begin(), taken.end(), [&](const Box& t) { return t.overlaps(grown); })) return false;
    const geom::Geom area = c.ctx.box(grown.x0, grown.y0, grown.x1, grown.y1);
    return std::none_of(obstacles.begin(), obstacles.end(), [&](const geom::Geom* g) { return c.ctx.intersects(area, *g); });
}

}  // namespace

std::optional<Box> locator_on_map(const Canvas& c, const MapData& data, const std::vector<Box>& taken) {
    if (data.locator == nullptr || data.locator->empty()) return std::nullopt;
    const MapProjection proj(locator_crs());
    const double w = kLocatorMinPt * 1.2, pad = 3 * kPtPerMm, step = 3 * kPtPerMm;
    const Sheet fitted = fit_sheet(kRegion, proj, c.sheet.w, c.sheet.h, 0, 0, w, w * 4);
    const double h = fitted.fy1 - fitted.fy0;
    const Sheet& s = c.sheet;
    const double left = s.fx0 + pad, right = s.fx1 - pad - w, top = s.fy0 + pad, foot = s.fy1 - pad - h;
    // Along the right edge (the open Pacific on most sheets), then the top, the left and the foot.
    std::vector<std::pair<double, double>> at;
    for (double y = top; y <= foot; y += step) at.emplace_back(right, y);
    for (double x = right; x >= left; x -= step) at.emplace_back(x, top);
    for (double y = top; y <= foot; y += step) at.emplace_back(left, y);
    for (double x = left; x <= right; x += step) at.emplace_back(x, foot);
    const auto obstacles = map_obstacles(c, data);
    for (const auto& [x, y] : at) {
        const Box b{x, y, x + w, y + h};
        if (free_on_map(c, obstacles, b, taken)) return b;
    }
    return std::nullopt;
}

std::optional<Box> draw_locator(const Canvas& c, const MapData& data, const Extent& shown, const Box& area,
                                bool boxed) {
    if (data.locator == nullptr || data.locator->empty()) return std::nullopt;
    const MapProjection proj(locator_crs());
    const Extent& region = kRegion;
    const Sheet s = fit_sheet(region, proj, c.sheet.w, c.sheet.h, area.x0, area.y0, area.x1, area.y1);
    if (s.fx1 - s.fx0 < kLocatorMinPt) return std::nullopt;
    if (boxed) {  // on the map: a white card under it, framed as the inset is
        cairo_new_path(c.cr);
        cairo_rectangle(c.cr, s.fx0, s.fy0, s.fx1 - s.fx0, s.fy1 - s.fy0);
        set_colour(c.cr, c.pal.halo);
        cairo_fill_preserve(c.cr);
        set_colour(c.cr, c.pal.text);
        cairo_set_line_width(c.cr, 0.6);
        cairo_stroke(c.cr);
    }
    SheetGeoms geoms = c.geoms.on(proj, s, locator_crs());
    // The frame follows the graticule round the land imported (a fan, as the cone unrolls): its edges are
    // where the data stops, never drawn as a coast, and no corner of the frame shows sea where land was left out.
    cairo_save(c.cr);
    extent_path(c.cr, proj, s, region);
    cairo_clip(c.cr);
    set_colour(c.cr, c.pal.sea);
    cairo_paint(c.cr);
    for (const auto& piece : *data.locator) path_of(c.cr, c.ctx, geoms.get("locator/" + piece.id, piece.geometry));
    set_colour(c.cr, c.pal.context_land);
    cairo_fill_preserve(c.cr);
    set_colour(c.cr, c.pal.coast);
    cairo_set_line_width(c.cr, 0.25);
    cairo_stroke(c.cr);
    extent_path(c.cr, proj, s, shown);
    set_colour(c.cr, c.pal.text);
    cairo_set_line_width(c.cr, 1.0);
    cairo_stroke(c.cr);
    cairo_restore(c.cr);
    extent_path(c.cr, proj, s, region);
    set_colour(c.cr, c.pal.text);
    cairo_set_line_width(c.cr, 0.5);
    cairo_stroke(c.cr);
    return Box{s.fx0, s.fy0, s.fx1, s.fy1};
}

}  // namespace kuril::maps

#include "maps/sheet_parts.hpp"

#include <fmt/format.h>


namespace kuril::maps {

namespace {

std::string inset_scale_text(const Canvas& c, const Extent& e) {
    return fmt::format(fmt::runtime(c.tr("Shikotan and the Habomai islets, {scale}")),
                       fmt::arg("scale", scale_text(1e6 * kPtPerMm / points_per_km(e, c.proj, c.sheet))));
}

}  // namespace

void draw_inset(Canvas& main, SheetGeoms& geoms, const MapData& data, const MapSpec& spec, const Sheet& inset,
                Drawn& drawn) {
    Canvas c{main.cr, main.ctx, main.proj, inset, geoms, main.pal, main.tr, main.svg};
    cairo_save(c.cr);
    cairo_rectangle(c.cr, inset.fx0 - 2, inset.fy0 - 12, inset.fx1 - inset.fx0 + 4, inset.fy1 - inset.fy0 + 14);
    set_colour(c.cr, c.pal.halo);
    cairo_fill(c.cr);
    clip_frame(c.cr, inset);
    set_colour(c.cr, c.pal.sea);
    cairo_paint(c.cr);
    const auto marks = draw_land(c, data, spec, drawn);
    draw_lines(c, data, spec, drawn);
    draw_marks(c, marks);
    cairo_restore(c.cr);
    draw_graticule(c, kInsetExtent, 0.5, false);
    cairo_rectangle(c.cr, inset.fx0, inset.fy0, inset.fx1 - inset.fx0, inset.fy1 - inset.fy0);
    set_colour(c.cr, c.pal.text);
    cairo_set_line_width(c.cr, 0.6);
    cairo_stroke(c.cr);
    const Text t(c.cr, inset_scale_text(c, kInsetExtent), TextStyle{6.5, false, true});
    t.draw(inset.fx0, inset.fy0 - t.size().second - 1, c.pal.text);
}

// The inset's frame: the lower right corner of the chain map, where the Pacific is open.
Sheet inset_sheet(const Sheet& s, const MapProjection& proj) {
    const double w = (s.fx1 - s.fx0) * 0.36, h = (s.fy1 - s.fy0) * 0.40;
    return fit_sheet(kInsetExtent, proj, s.w, s.h, s.fx1 - w - 6, s.fy1 - h - 6, s.fx1 - 6, s.fy1 - 6);
}

}  // namespace kuril::maps

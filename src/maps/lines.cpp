#include "maps/sheet_parts.hpp"


namespace kuril::maps {

void draw_lines(Canvas& c, const MapData& data, const MapSpec& spec, Drawn& drawn) {
    const Layer& b = *data.boundaries;
    drawn.view = spec.view;
    for (const auto& f : b.features) {
        const std::string kind = line_kind(b, f, spec);
        if (kind.empty()) continue;
        for (const auto& line : c.ctx.lines(c.geoms.get("boundaries/" + f.id, f.geometry))) {
            for (std::size_t i = 0; i < line.size(); ++i) {
                i == 0 ? cairo_move_to(c.cr, line[i].x, line[i].y) : cairo_line_to(c.cr, line[i].x, line[i].y);
            }
        }
        line_style(c.cr, c.pal, kind);
        cairo_stroke(c.cr);
        cairo_set_dash(c.cr, nullptr, 0, 0);
        drawn.lines.insert(kind);
    }
}

}  // namespace kuril::maps

#include "maps/sheet_parts.hpp"


namespace kuril::maps {

void draw_lines(Canvas& c, const MapData& data, const MapSpec& spec, Drawn& drawn) {
    const Layer& b = *data.boundaries;
    drawn.view = spec.view;
    for (const auto& f : b.features) {
        if (!in_force(f, spec.date)) continue;
        std::string kind = b.text(f, "pov_" + spec.view);
        if (kind != "de_jure" && kind != "de_facto" && kind != "claimed") continue;  // hidden in this view
        // A treaty boundary is one both parties hold in law; a line one view alone holds so is set by no treaty.
        if (kind == "de_jure" && (b.text(f, "pov_japan") != "de_jure" || b.text(f, "pov_russia") != "de_jure")) {
            kind = "de_jure_view";
        }
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

#include "maps/sheet_parts.hpp"


namespace kuril::maps {

// The land around the record, in a quiet grey under everything: no outline (its coast is a line of its own).
void draw_context(Canvas& c, const MapData& data, Drawn& drawn) {
    for (const auto& f : data.context->features) path_of(c.cr, c.ctx, c.geoms.get("context/" + f.id, f.geometry));
    set_colour(c.cr, c.pal.context_land);
    cairo_fill(c.cr);
    drawn.context = !data.context->features.empty();
}

// The coast as lines: never a clip edge of the data.
void draw_coast(Canvas& c, const MapData& data) {
    for (const auto& f : data.coastline->features) {
        for (const auto& line : c.ctx.lines(c.geoms.get("coastline/" + f.id, f.geometry))) {
            for (std::size_t i = 0; i < line.size(); ++i) {
                i == 0 ? cairo_move_to(c.cr, line[i].x, line[i].y) : cairo_line_to(c.cr, line[i].x, line[i].y);
            }
        }
    }
    set_colour(c.cr, c.pal.coast);
    cairo_set_line_width(c.cr, 0.3);
    cairo_stroke(c.cr);
}

void draw_land(Canvas& c, const MapData& data, const MapSpec& spec, Drawn& drawn) {
    draw_context(c, data, drawn);
    const Layer& v = *data.views;
    const std::string pov = "pov_" + spec.view;
    for (std::size_t i = 0; i < v.features.size(); ++i) {
        const Feature& f = v.features[i];
        if (!in_force(f, spec.date)) continue;
        const std::string holder = v.text(f, pov);
        // Every period of an atom has the same land: moved onto the sheet once per atom.
        path_of(c.cr, c.ctx, c.geoms.get("atom/" + v.text(f, "territory"), f.geometry));
        const auto colour = c.pal.holders.find(holder);
        const Rgb fill = colour != c.pal.holders.end() ? colour->second : c.pal.land_unknown;
        set_colour(c.cr, fill);
        cairo_fill_preserve(c.cr);
        drawn.holders.insert(holder);
        // The regime's name is the held lane's: it names this view's holder where the view agrees with it.
        if (holder == v.text(f, "pov_neutral")) note_holder_names(drawn, holder, v.text(f, "holder_name"));
        if (holder == "japan;russia") hatch(c.cr, c.sheet, 0, 3.2, c.pal.holders.at("japan"), 0.9);
        if (holder == "undetermined") hatch(c.cr, c.sheet, 90, 3.0, c.pal.coast, 0.35);
        if (v.text(f, "status_" + spec.view) == "occupied") {
            occupied_pattern(c.cr, c.sheet, pattern_ink(fill, c.pal));
            drawn.occupied = true;
        }
        if (v.text(f, "pov_japan") != v.text(f, "pov_russia")) {
            hatch(c.cr, c.sheet, 45, 2.6, pattern_ink(fill, c.pal), 0.4);  // the Japanese and Russian views differ
            drawn.differ = true;
        }
        cairo_new_path(c.cr);
    }
    draw_coast(c, data);
}

}  // namespace kuril::maps

#include "maps/sheet_parts.hpp"

#include <algorithm>
#include <cmath>

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

namespace {

// The pieces of a holder's land smaller than 1 mm on the sheet: each gets a mark of 1 mm in its colour.
void note_small_pieces(const Canvas& c, const geom::Geom& sheet_land, const Rgb& fill, std::vector<IslandMark>& marks) {
    for (const auto& poly : c.ctx.polygons(sheet_land)) {
        double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
        for (const auto& p : poly.front()) {
            x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
        }
        if (x1 - x0 < kMinIslandPt && y1 - y0 < kMinIslandPt) marks.push_back({{(x0 + x1) / 2, (y0 + y1) / 2}, fill});
    }
}

}  // namespace

void draw_marks(Canvas& c, const std::vector<IslandMark>& marks) {
    for (const auto& m : marks) {
        cairo_new_path(c.cr);
        cairo_arc(c.cr, m.at.x, m.at.y, kMinIslandPt / 2, 0, 2 * M_PI);
        set_colour(c.cr, m.fill);
        cairo_fill_preserve(c.cr);
        set_colour(c.cr, c.pal.coast);
        cairo_set_line_width(c.cr, 0.3);
        cairo_stroke(c.cr);
    }
}

namespace {

// Where the Japanese and Russian views differ: hatched where one party holds what the other claims,
// hatched the other way and wider where Japan renounced the land without naming who gets it.
void dispute_pattern(Canvas& c, const Layer& v, const Feature& f, const Rgb& fill, Drawn& drawn) {
    const std::string japan = v.text(f, "pov_japan"), russia = v.text(f, "pov_russia");
    if (japan == russia) return;
    drawn.differ = true;
    if (japan == "undetermined" || russia == "undetermined") {
        hatch(c.cr, c.sheet, kRenouncedPattern.angle, kRenouncedPattern.spacing, pattern_ink(fill, c.pal), 0.4);
        drawn.renounced = true;
    } else {
        hatch(c.cr, c.sheet, kClaimedPattern.angle, kClaimedPattern.spacing, pattern_ink(fill, c.pal), 0.4);
        drawn.claimed = true;
    }
}

}  // namespace

std::vector<IslandMark> draw_land(Canvas& c, const MapData& data, const MapSpec& spec, Drawn& drawn) {
    draw_context(c, data, drawn);
    std::vector<IslandMark> marks;
    const Layer& v = *data.views;
    const std::string pov = "pov_" + spec.view;
    for (std::size_t i = 0; i < v.features.size(); ++i) {
        const Feature& f = v.features[i];
        if (!in_force(f, spec.date)) continue;
        const std::string holder = v.text(f, pov);
        // Every period of an atom has the same land: moved onto the sheet once per atom.
        const geom::Geom& land = c.geoms.get("atom/" + v.text(f, "territory"), f.geometry);
        path_of(c.cr, c.ctx, land);
        const auto colour = c.pal.holders.find(holder);
        const Rgb fill = colour != c.pal.holders.end() ? colour->second : c.pal.land_unknown;
        note_small_pieces(c, land, fill, marks);
        set_colour(c.cr, fill);
        cairo_fill_preserve(c.cr);
        // Edged in its own colour: two pieces that meet (south and north Sakhalin at 50° N) leave no pale seam
        // where antialiasing would have let the sea through along their shared edge.
        cairo_set_line_width(c.cr, 0.3);
        cairo_stroke_preserve(c.cr);
        drawn.holders.insert(holder);
        // The regime's name is the held lane's: it names this view's holder where the view agrees with it.
        if (holder == v.text(f, "pov_neutral")) note_holder_names(drawn, holder, v.text(f, "holder_name"));
        if (holder == "japan;russia") hatch(c.cr, c.sheet, 0, 3.2, c.pal.holders.at("japan"), 0.9);
        if (holder == "undetermined") hatch(c.cr, c.sheet, 90, 3.0, c.pal.coast, 0.35);
        if (v.text(f, "status_" + spec.view) == "occupied") {
            occupied_pattern(c.cr, c.sheet, pattern_ink(fill, c.pal));
            drawn.occupied = true;
        }
        dispute_pattern(c, v, f, fill, drawn);
        cairo_new_path(c.cr);
    }
    draw_coast(c, data);
    return marks;
}

}  // namespace kuril::maps

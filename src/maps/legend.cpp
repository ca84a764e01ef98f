#include "maps/sheet_parts.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace kuril::maps {

namespace {

double legend_row(Canvas& c, double x, double y, double w, const std::string& text,
                  const std::function<void(double, double)>& swatch) {
    swatch(x, y);
    const Text t(c.cr, text, TextStyle{7, false, false, int(w - 18)});
    t.draw(x + 17, y, c.pal.text);
    return y + std::max(10.0, t.size().second + 2);
}

void swatch_box(Canvas& c, double x, double y) {
    cairo_new_path(c.cr);
    cairo_rectangle(c.cr, x, y + 1, 13, 8);
}

// The legend's rows for the patterns and the land outside the record, where the sheet shows them.
double legend_patterns(Canvas& c, const Drawn& drawn, double x, double y, double w) {
    if (drawn.occupied) {
        y = legend_row(c, x, y, w, c.tr("Cross-hatched: occupied (held by force, no claim to title)"), [&](double sx, double sy) {
            swatch_box(c, sx, sy);
            set_colour(c.cr, c.pal.halo);
            cairo_fill_preserve(c.cr);
            occupied_pattern(c.cr, c.sheet, c.pal.text);
            cairo_new_path(c.cr);
        });
    }
    if (drawn.context) {
        y = legend_row(c, x, y, w, c.tr("Land outside the record"), [&](double sx, double sy) {
            swatch_box(c, sx, sy);
            set_colour(c.cr, c.pal.context_land);
            cairo_fill(c.cr);
        });
    }
    for (const auto& [shown, pattern] : {std::pair{drawn.claimed, kClaimedPattern}, std::pair{drawn.renounced, kRenouncedPattern}}) {
        if (!shown) continue;
        const DisputePattern p = pattern;  // a plain variable: clang 14 cannot capture a structured binding
        y = legend_row(c, x, y, w, c.tr(p.words), [&](double sx, double sy) {
            swatch_box(c, sx, sy);
            set_colour(c.cr, c.pal.halo);
            cairo_fill_preserve(c.cr);
            hatch(c.cr, c.sheet, p.angle, p.spacing, c.pal.text, 0.4);
            cairo_new_path(c.cr);
        });
    }
    return y;
}

}  // namespace

double draw_legend(Canvas& c, const Drawn& drawn, double x, double y, double w) {
    const Text head(c.cr, c.tr("Legend"), TextStyle{9, false, true});
    head.draw(x, y, c.pal.text);
    y += head.size().second + 3;
    for (const auto& h : drawn.holders) {
        y = legend_row(c, x, y, w, holder_label(h, drawn.holder_names.count(h) ? drawn.holder_names.at(h) : std::vector<std::string>{}, c.tr), [&](double sx, double sy) {
            swatch_box(c, sx, sy);
            set_colour(c.cr, c.pal.holders.count(h) ? c.pal.holders.at(h) : c.pal.land_unknown);
            cairo_fill_preserve(c.cr);
            if (h == "japan;russia") hatch(c.cr, c.sheet, 0, 3.2, c.pal.holders.at("japan"), 0.9);
            if (h == "undetermined") hatch(c.cr, c.sheet, 90, 3.0, c.pal.coast, 0.35);
            set_colour(c.cr, c.pal.coast);
            cairo_set_line_width(c.cr, 0.3);
            cairo_stroke(c.cr);
        });
    }
    y = legend_patterns(c, drawn, x, y, w);
    for (const auto& entry : kLineLegend) {
        const char* kind = entry.first;  // a plain variable: clang 14 cannot capture a structured binding
        if (!drawn.lines.count(kind)) continue;
        y = legend_row(c, x, y, w, line_words(c.tr, entry.second, drawn.view), [&](double sx, double sy) {
            cairo_new_path(c.cr);
            cairo_move_to(c.cr, sx, sy + 5);
            cairo_line_to(c.cr, sx + 13, sy + 5);
            line_style(c.cr, c.pal, kind);
            cairo_stroke(c.cr);
            cairo_set_dash(c.cr, nullptr, 0, 0);
        });
    }
    for (const PlaceRank rank : drawn.places) {
        y = legend_row(c, x, y, w, c.tr(place_style(rank).words), [&](double sx, double sy) {
            draw_place_mark(c.cr, c.pal, {sx + 6.5, sy + 5}, rank);
        });
    }
    return y;
}

}  // namespace kuril::maps

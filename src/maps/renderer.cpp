#include "maps/renderer.hpp"

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <fmt/format.h>
#include <geodesic.h>

#include "maps/map_projection.hpp"
#include "maps/sheet.hpp"
#include "maps/text.hpp"
#include "util/atomic.hpp"
#include "util/error.hpp"
#include "util/xml.hpp"

namespace kuril::maps {

namespace fs = std::filesystem;

namespace {

// The four southern islands, drawn larger in an inset of the whole-chain map.
const Extent kInsetExtent{"inset", 145.3, 43.15, 148.95, 45.65};
const double kDashFacto[] = {4, 2};
const double kDashClaim[] = {1, 1.6};

std::string long_date(const Date& d) {
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    return fmt::format("{} {} {}", d.day(), months[d.month() - 1], d.year());
}

bool in_force(const Feature& f, const Date& d) { return f.period && f.period->contains(d); }

// What the legend lists: only what the sheet shows.
struct Drawn {
    std::set<std::string> holders;
    std::set<std::string> lines;
    bool differ = false, places = false, occupied = false, context = false;
};

// Everything one sheet draws with.
struct Canvas {
    cairo_t* cr;
    const geom::Context& ctx;
    const MapProjection& proj;
    const Sheet& sheet;
    SheetGeoms& geoms;
    const Palette& pal;
};

void path_of(cairo_t* cr, const geom::Context& ctx, const geom::Geom& sheet_geom) {
    for (const auto& poly : ctx.polygons(sheet_geom)) {
        for (const auto& ring : poly) {
            for (std::size_t i = 0; i < ring.size(); ++i) {
                i == 0 ? cairo_move_to(cr, ring[i].x, ring[i].y) : cairo_line_to(cr, ring[i].x, ring[i].y);
            }
            cairo_close_path(cr);
        }
    }
}

// Parallel lines over the current path (kept): hatching that survives greyscale printing.
void hatch(cairo_t* cr, const Sheet& s, double angle_deg, double spacing, const Rgb& colour, double width) {
    cairo_save(cr);
    cairo_clip_preserve(cr);
    cairo_new_path(cr);
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    cairo_clip_extents(cr, &x0, &y0, &x1, &y1);
    const double a = angle_deg * M_PI / 180, cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    const double reach = std::hypot(x1 - x0, y1 - y0) / 2 + spacing;
    // Lines on a grid anchored to the page, so neighbouring areas hatch in step.
    const double nx = -std::sin(a), ny = std::cos(a);
    const double c0 = std::floor((cx * nx + cy * ny - reach) / spacing) * spacing;
    for (double c = c0; c <= cx * nx + cy * ny + reach; c += spacing) {
        const double px = cx + (c - (cx * nx + cy * ny)) * nx, py = cy + (c - (cx * nx + cy * ny)) * ny;
        cairo_move_to(cr, px - reach * std::cos(a), py - reach * std::sin(a));
        cairo_line_to(cr, px + reach * std::cos(a), py + reach * std::sin(a));
    }
    (void)s;
    set_colour(cr, colour);
    cairo_set_line_width(cr, width);
    cairo_stroke(cr);
    cairo_restore(cr);
}

// The land around the record, in a quiet grey under everything: no outline (its coast is a line of its own).
void draw_context(Canvas& c, const MapData& data, Drawn& drawn) {
    for (const auto& f : data.context->features) path_of(c.cr, c.ctx, c.geoms.get("context/" + f.id, f.geometry));
    set_colour(c.cr, c.pal.context_land);
    cairo_fill(c.cr);
    drawn.context = !data.context->features.empty();
}

// A pattern's ink over a fill: light on a dark fill (relative luminance under 0.18), dark on a light one, so
// the pattern shows on every holder's colour.
Rgb pattern_ink(const Rgb& fill, const Palette& pal) {
    auto linear = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const double y = 0.2126 * linear(fill.r) + 0.7152 * linear(fill.g) + 0.0722 * linear(fill.b);
    return y < 0.18 ? pal.halo : pal.text;
}

// Occupation: land held by force without a claim to title, cross-hatched over the occupier's colour.
void occupied_pattern(cairo_t* cr, const Sheet& s, const Rgb& ink) {
    hatch(cr, s, -45, 2.2, ink, 0.35);
    hatch(cr, s, 45, 2.2, ink, 0.35);
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

void line_style(cairo_t* cr, const Palette& pal, const std::string& kind) {
    if (kind == "de_facto") cairo_set_dash(cr, kDashFacto, 2, 0);
    if (kind == "claimed") cairo_set_dash(cr, kDashClaim, 2, 0);
    set_colour(cr, pal.boundary.at(kind));
    cairo_set_line_width(cr, kind == "de_jure" ? 1.3 : 1.1);
}

void draw_lines(Canvas& c, const MapData& data, const MapSpec& spec, Drawn& drawn) {
    const Layer& b = *data.boundaries;
    for (const auto& f : b.features) {
        if (!in_force(f, spec.date)) continue;
        const std::string kind = b.text(f, "pov_" + spec.view);
        if (kind != "de_jure" && kind != "de_facto" && kind != "claimed") continue;  // hidden in this view
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

void clip_frame(cairo_t* cr, const Sheet& s) {
    cairo_rectangle(cr, s.fx0, s.fy0, s.fx1 - s.fx0, s.fy1 - s.fy0);
    cairo_clip(cr);
}

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

std::string island_text(const Layer& l, const Feature& f, const std::string& lang) {
    const std::string en = l.text(f, "name_en"), ja = l.text(f, "name_ja"), ru = l.text(f, "name_ru");
    auto with = [](const std::string& a, const std::string& b) { return b.empty() || a == b ? a : a + " (" + b + ")"; };
    if (lang == "ja") return ja.empty() ? en : with(ja, ru);  // the other usage in parentheses
    if (lang == "ru") return ru.empty() ? en : with(ru, ja);
    if (lang == "ainu") {
        const std::string ainu = l.text(f, "name_ainu");
        const std::string plain = en.substr(0, en.find(" ("));  // "Iturup (Etorofu)" -> "Iturup"
        return ainu.empty() ? en : with(ainu, plain);
    }
    return en;  // the English names carry the Japanese usage already: "Iturup (Etorofu)"
}

double island_size(double area_km2, double scale_boost) {
    const double base = area_km2 > 5000 ? 11 : area_km2 > 500 ? 8.5 : area_km2 > 40 ? 7 : 6;
    return base * scale_boost;
}

std::vector<Candidate> candidates(const Atlas& atlas, const MapData& data, const MapSpec& spec, const Canvas& c,
                                  double boost) {
    std::vector<Candidate> out;
    const std::string lang = spec.lang;
    for (const auto& w : atlas.dataset().waters) {
        const geom::XY a = c.sheet.at(c.proj.forward(w.point));
        if (!c.sheet.inside(a)) continue;
        std::string name = lang == "ja" ? w.names.ja : lang == "ru" ? w.names.ru : w.names.en;
        if (name.empty()) name = w.names.en;
        out.push_back({"water/" + w.id, name, a, (w.kind == "strait" ? 6.5 : 9) * boost, true, "", 1e9, false, false});
    }
    const Layer& l = *data.labels;
    for (const auto& f : l.features) {
        const geom::XY a = c.sheet.at(c.proj.forward(c.ctx.point_xy(f.geometry)));
        if (!c.sheet.inside(a)) continue;
        const Value& area = l.value(f, "area_km2");
        const double km2 = std::holds_alternative<double>(area) ? std::get<double>(area) : 0;
        out.push_back({"island/" + f.id, island_text(l, f, lang), a, island_size(km2, boost), false, f.id, km2, false, true});
    }
    const Layer& p = *data.places;
    const std::string place_lang = lang == "ainu" ? "en" : lang;
    for (const auto& f : p.features) {
        if (!in_force(f, spec.date)) continue;
        const geom::XY a = c.sheet.at(c.proj.forward(c.ctx.point_xy(f.geometry)));
        if (!c.sheet.inside(a)) continue;
        std::string name = p.text(f, "name_" + place_lang);
        if (name.empty()) name = p.text(f, "name_en");
        out.push_back({"place/" + p.text(f, "place"), name, a, 6.3 * boost, false, p.text(f, "island"), 0.5, true, true});
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate& x, const Candidate& y) { return x.priority > y.priority; });
    return out;
}

// Places every candidate of the sheet and draws it; the settlements' dots are obstacles from the start.
// Returns the labels that found no place on this sheet.
std::vector<std::string> draw_labels(Canvas& c, const Atlas& atlas, const MapData& data, const MapSpec& spec,
                                     double boost, const std::vector<Box>& reserved, MapResult& result, Drawn& drawn) {
    std::vector<std::string> unplaced;
    LabelPlacer placer(c.ctx, c.sheet);
    for (const auto& f : data.islands->features) placer.add_land(f.id, c.geoms.get("islands/" + f.id, f.geometry));
    for (const Box& b : reserved) placer.reserve(b);
    const auto all = candidates(atlas, data, spec, c, boost);
    for (const auto& cand : all) {
        if (cand.dot) placer.reserve({cand.anchor.x - 1.6, cand.anchor.y - 1.6, cand.anchor.x + 1.6, cand.anchor.y + 1.6});
    }
    for (const auto& cand : all) {
        const Text t(c.cr, cand.text, TextStyle{cand.size, cand.italic});
        const auto [w, h] = t.size();
        const auto placed = placer.place(cand, w, h);
        if (cand.dot) {
            cairo_new_path(c.cr);
            cairo_arc(c.cr, cand.anchor.x, cand.anchor.y, 1.4 * boost, 0, 2 * M_PI);
            set_colour(c.cr, c.pal.text);
            cairo_fill(c.cr);
            drawn.places = true;
        }
        if (!placed) {
            unplaced.push_back(cand.id + ": " + cand.text);
            continue;
        }
        if (placed->leader) {
            const Box& b = placed->box;
            cairo_new_path(c.cr);
            cairo_move_to(c.cr, cand.anchor.x, cand.anchor.y);
            cairo_line_to(c.cr, std::clamp(cand.anchor.x, b.x0, b.x1), std::clamp(cand.anchor.y, b.y0, b.y1));
            set_colour(c.cr, c.pal.text, 0.7);
            cairo_set_line_width(c.cr, 0.35);
            cairo_stroke(c.cr);
        }
        t.draw(placed->box.x0, placed->box.y0, cand.italic ? c.pal.water_text : c.pal.text, &c.pal.halo);
        result.labels.push_back(*placed);
    }
    return unplaced;
}

// Ground kilometres per point at the centre of the extent (a WGS 84 geodesic east-west step).
double points_per_km(const Extent& e, const MapProjection& proj, const Sheet& s) {
    const geom::XY c{(e.west + e.east) / 2, (e.south + e.north) / 2}, c2{c.x + 0.05, c.y};
    geod_geodesic g;
    geod_init(&g, 6378137, 1 / 298.257223563);
    double metres = 0;
    geod_inverse(&g, c.y, c.x, c2.y, c2.x, &metres, nullptr, nullptr);
    const geom::XY p = s.at(proj.forward(c)), p2 = s.at(proj.forward(c2));
    return std::hypot(p2.x - p.x, p2.y - p.y) / (metres / 1000);
}

double draw_scale_bar(Canvas& c, const Extent& e, double x, double y, double max_len) {
    const double per_km = points_per_km(e, c.proj, c.sheet);
    double km = 1;
    for (double nice : {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000}) {
        if (nice * per_km <= max_len) km = nice;
    }
    const double len = km * per_km;
    for (int i = 0; i < 4; ++i) {
        cairo_rectangle(c.cr, x + i * len / 4, y, len / 4, 3);
        set_colour(c.cr, i % 2 == 0 ? c.pal.text : c.pal.halo);
        cairo_fill_preserve(c.cr);
        set_colour(c.cr, c.pal.text);
        cairo_set_line_width(c.cr, 0.4);
        cairo_stroke(c.cr);
    }
    const geom::XY centre{(e.west + e.east) / 2, (e.south + e.north) / 2};
    const Text t(c.cr, fmt::format("0 – {:g} km (true at {:.1f}°N {:.1f}°E)", km, centre.y, centre.x), TextStyle{6});
    t.draw(x, y + 4, c.pal.text);
    return y + 4 + t.size().second;
}

std::string holder_label(const std::string& h) {
    if (h == "japan") return "Japan";
    if (h == "russia") return "Russia / Soviet Union";
    if (h == "japan;russia") return "Japan and Russia jointly (condominium)";
    if (h == "undetermined") return "Undetermined (renounced by Japan, no beneficiary named)";
    return h.empty() ? "No record" : h;
}

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
        y = legend_row(c, x, y, w, "Cross-hatched: occupied (held by force, no claim to title)", [&](double sx, double sy) {
            swatch_box(c, sx, sy);
            set_colour(c.cr, c.pal.halo);
            cairo_fill_preserve(c.cr);
            occupied_pattern(c.cr, c.sheet, c.pal.text);
            cairo_new_path(c.cr);
        });
    }
    if (drawn.context) {
        y = legend_row(c, x, y, w, "Land outside the record", [&](double sx, double sy) {
            swatch_box(c, sx, sy);
            set_colour(c.cr, c.pal.context_land);
            cairo_fill(c.cr);
        });
    }
    if (drawn.differ) {
        y = legend_row(c, x, y, w, "Hatched: the Japanese and Russian views differ", [&](double sx, double sy) {
            swatch_box(c, sx, sy);
            set_colour(c.cr, c.pal.halo);
            cairo_fill_preserve(c.cr);
            hatch(c.cr, c.sheet, 45, 2.6, c.pal.text, 0.4);
            cairo_new_path(c.cr);
        });
    }
    return y;
}

double draw_legend(Canvas& c, const Drawn& drawn, double x, double y, double w) {
    const Text head(c.cr, "Legend", TextStyle{9, false, true});
    head.draw(x, y, c.pal.text);
    y += head.size().second + 3;
    for (const auto& h : drawn.holders) {
        y = legend_row(c, x, y, w, holder_label(h), [&](double sx, double sy) {
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
    static const std::pair<const char*, const char*> kinds[] = {
        {"de_jure", "Treaty boundary"}, {"de_facto", "De facto line"}, {"claimed", "Claimed line"}};
    for (const auto& entry : kinds) {
        const char* kind = entry.first;  // a plain variable: clang 14 cannot capture a structured binding
        if (!drawn.lines.count(kind)) continue;
        y = legend_row(c, x, y, w, entry.second, [&](double sx, double sy) {
            cairo_new_path(c.cr);
            cairo_move_to(c.cr, sx, sy + 5);
            cairo_line_to(c.cr, sx + 13, sy + 5);
            line_style(c.cr, c.pal, kind);
            cairo_stroke(c.cr);
            cairo_set_dash(c.cr, nullptr, 0, 0);
        });
    }
    if (drawn.places) {
        y = legend_row(c, x, y, w, "Settlement, under its name of the day", [&](double sx, double sy) {
            cairo_new_path(c.cr);
            cairo_arc(c.cr, sx + 6.5, sy + 5, 1.4, 0, 2 * M_PI);
            set_colour(c.cr, c.pal.text);
            cairo_fill(c.cr);
        });
    }
    return y;
}

// The works cited by the records in force on the day, then the coastline's and the projection's lines.
std::string sources_text(const Atlas& atlas, const Date& d, const std::string& projection) {
    std::set<std::string> keys;
    for (const auto& r : atlas.dataset().records) {
        if (!r.period.contains(d)) continue;
        std::size_t a = 0;
        while (a <= r.source.size()) {
            const std::size_t b = std::min(r.source.find(';', a), r.source.size());
            std::string item = r.source.substr(a, b - a);
            item.erase(0, item.find_first_not_of(' '));
            keys.insert(item.substr(0, item.find(' ')));
            a = b + 1;
        }
    }
    std::string cited;
    for (const auto& k : keys) {
        const Source* s = atlas.dataset().source(k);
        if (s == nullptr) continue;
        std::string cite = s->citation;
        if (cite.size() > 120) cite = cite.substr(0, cite.rfind(' ', 117)) + " …";
        cited += (cited.empty() ? "" : "; ") + cite;
    }
    return "Projection: " + projection + ".\nCoastline: GSHHG 2.3.7 full resolution, P. Wessel and W. H. F. Smith "
           "(LGPL-3.0).\nRecords in force on this day cite: " + cited +
           ".\nKuril Atlas: the history is told in docs/history.md; every record carries its sources.";
}

const Event* settlement_in_force(const Dataset& ds, const Date& d) {
    const Event* best = nullptr;
    for (const Event* e : ds.epochs()) {
        if (!(d < *e->epoch)) best = e;
    }
    return best;
}

std::string event_name(const Event* e, const std::string& lang) {
    if (e == nullptr) return "";
    const std::string n = lang == "ja" ? e->names.ja : lang == "ru" ? e->names.ru : e->names.en;
    return n.empty() ? e->names.en : n;
}

std::string view_text(const std::string& view) {
    if (view == "japan") return "Point of view: Japan's (its claims shown as held; renounced land undetermined)";
    if (view == "russia") return "Point of view: Russia's";
    return "Point of view: neutral (who held the land on the day)";
}

// A scale denominator rounded to two significant digits, with thin spaces: 1 : 4 000 000.
std::string scale_text(double denominator) {
    const double magnitude = std::pow(10, std::floor(std::log10(denominator)) - 1);
    const long long rounded = std::llround(std::round(denominator / magnitude) * magnitude);
    std::string digits = std::to_string(rounded), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u2009";
        out += digits[i];
    }
    return "1 : " + out;
}

std::string inset_scale_text(const Canvas& c, const Extent& e) {
    return "The southern islands, " + scale_text(1e6 * kPtPerMm / points_per_km(e, c.proj, c.sheet));
}

void draw_inset(Canvas& main, SheetGeoms& geoms, const MapData& data, const MapSpec& spec, const Sheet& inset,
                Drawn& drawn) {
    Canvas c{main.cr, main.ctx, main.proj, inset, geoms, main.pal};
    cairo_save(c.cr);
    cairo_rectangle(c.cr, inset.fx0 - 2, inset.fy0 - 12, inset.fx1 - inset.fx0 + 4, inset.fy1 - inset.fy0 + 14);
    set_colour(c.cr, c.pal.halo);
    cairo_fill(c.cr);
    clip_frame(c.cr, inset);
    set_colour(c.cr, c.pal.sea);
    cairo_paint(c.cr);
    draw_land(c, data, spec, drawn);
    draw_lines(c, data, spec, drawn);
    cairo_restore(c.cr);
    draw_graticule(c, kInsetExtent, 1, false);
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

void draw_sheet(cairo_t* cr, const Atlas& atlas, const MapData& data, SheetCache& cache, const MapSpec& spec,
                const Palette& pal,
                const MapProjection& proj, const Sheet& s, const std::string& crs, MapResult& result) {
    SheetGeoms geoms(cache.ctx, proj, s, cache.store, crs);
    Canvas c{cr, cache.ctx, proj, s, geoms, pal};
    set_colour(cr, pal.halo);
    cairo_paint(cr);
    Drawn drawn;
    cairo_save(cr);
    clip_frame(cr, s);
    set_colour(cr, pal.sea);
    cairo_paint(cr);
    draw_land(c, data, spec, drawn);
    draw_lines(c, data, spec, drawn);
    cairo_restore(cr);
    const double span = std::max(spec.extent.east - spec.extent.west, spec.extent.north - spec.extent.south);
    draw_graticule(c, spec.extent, span > 8 ? 2 : span > 3 ? 1 : 0.5, true);
    std::vector<Box> reserved;
    std::optional<Sheet> inset;
    std::vector<std::string> inset_unplaced;
    if (spec.inset && spec.extent.name == "chain") {
        inset = inset_sheet(s, proj);
        reserved.push_back({inset->fx0 - 4, inset->fy0 - 14, inset->fx1 + 4, inset->fy1 + 4});
        SheetGeoms inset_geoms(cache.ctx, proj, *inset, cache.store, crs);
        draw_inset(c, inset_geoms, data, spec, *inset, drawn);
        Canvas ic{cr, cache.ctx, proj, *inset, inset_geoms, pal};
        inset_unplaced = draw_labels(ic, atlas, data, spec, 1.0, {}, result, drawn);
        // Where the inset lies on the main map.
        const geom::XY a = s.at(proj.forward({kInsetExtent.west, kInsetExtent.north}));
        const geom::XY b = s.at(proj.forward({kInsetExtent.east, kInsetExtent.south}));
        cairo_new_path(cr);
        cairo_rectangle(cr, a.x, a.y, b.x - a.x, b.y - a.y);
        set_colour(cr, pal.text, 0.6);
        cairo_set_line_width(cr, 0.5);
        cairo_stroke(cr);
        reserved.push_back({a.x - 0.5, a.y - 0.5, b.x + 0.5, a.y + 0.5});  // its edges stay clear of labels
    }
    std::vector<std::string> main_unplaced = draw_labels(c, atlas, data, spec, 1.0, reserved, result, drawn);
    // A label with no room on the main map but placed in the inset is on the sheet; so is the reverse.
    auto placed_anywhere = [&](const std::string& entry) {
        const std::string id = entry.substr(0, entry.find(": "));
        return std::any_of(result.labels.begin(), result.labels.end(), [&](const PlacedLabel& l) { return l.id == id; });
    };
    std::set<std::string> reported;
    for (const std::vector<std::string>* list : {&main_unplaced, &inset_unplaced}) {
        for (const auto& u : *list) {
            if (!placed_anywhere(u) && reported.insert(u).second) result.unplaced.push_back(u);
        }
    }
    cairo_new_path(cr);
    cairo_rectangle(cr, s.fx0, s.fy0, s.fx1 - s.fx0, s.fy1 - s.fy0);
    set_colour(cr, pal.text);
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);
    // Title: the day and the settlement in force.
    const std::string name = event_name(settlement_in_force(atlas.dataset(), spec.date), spec.lang);
    const Event* settled = settlement_in_force(atlas.dataset(), spec.date);
    const std::string since = settled != nullptr && settled->epoch && *settled->epoch < spec.date
                                  ? fmt::format(" ({})", settled->epoch->year())
                                  : "";
    const Text title(cr, long_date(spec.date) + (name.empty() ? "" : " — " + name + since), TextStyle{15, false, true});
    title.draw(s.fx0, 6 * kPtPerMm, pal.text);
    const Text sub(cr, "The Kuril Islands and Sakhalin: who held the land", TextStyle{8});
    sub.draw(s.fx0, 6 * kPtPerMm + title.size().second + 1, pal.text);
    // The panel: legend, scale, point of view, sources.
    const double x = s.fx1 + 8 * kPtPerMm, w = s.w - x - 6 * kPtPerMm;
    double y = draw_legend(c, drawn, x, s.fy0, w) + 8;
    y = draw_scale_bar(c, spec.extent, x, y, std::min(w, 45 * kPtPerMm)) + 8;
    const Text view(cr, view_text(spec.view), TextStyle{7, false, true, int(w)});
    view.draw(x, y, pal.text);
    y += view.size().second + 6;
    const Text src(cr, sources_text(atlas, spec.date, result.projection), TextStyle{5, false, false, int(w)});
    src.draw(x, std::max(y, s.fy1 - src.size().second), pal.text);
}

std::string svg_text_layer(const MapResult& r) {
    std::string g = "<g id=\"kuril-names\" font-family=\"Noto Sans, IPAGothic\" fill=\"#000\" fill-opacity=\"0\">\n";
    for (const auto& l : r.labels) {
        g += fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" font-size=\"{:.2f}\">{}</text>\n", l.box.x0,
                         l.box.y1 - 0.3 * (l.box.y1 - l.box.y0), l.size, xml_escaped(l.text));
    }
    return g + "</g>\n";
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Cairo reports a failed write (a full disk) as CAIRO_STATUS_WRITE_ERROR only: errno, set by the failed
// write(2) under its stdio stream, says why.
std::string cairo_failure(cairo_status_t st, int os_error) {
    if (st == CAIRO_STATUS_WRITE_ERROR && os_error != 0) {
        return fmt::format("{} ({})", cairo_status_to_string(st), std::strerror(os_error));
    }
    return cairo_status_to_string(st);
}

void check_cairo(cairo_surface_t* surface, const fs::path& path, int os_error) {
    if (const cairo_status_t st = cairo_surface_status(surface); st != CAIRO_STATUS_SUCCESS) {
        throw OutputError(fmt::format("cannot write {}: {}", path.string(), cairo_failure(st, os_error)));
    }
}

void pin_pdf(cairo_surface_t* surface, const Date& today, const std::string& title) {
    const std::string stamp = today.iso() + "T00:00:00Z";
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, stamp.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Kuril Atlas");
}

std::string crs_of(const MapSpec& spec) {
    return spec.crs.empty() ? fitted_lcc(spec.extent.west, spec.extent.south, spec.extent.east, spec.extent.north)
                            : spec.crs;
}

void require_land(const SheetCache& cache, const MapData& data, const Extent& e) {
    const geom::Geom box = cache.ctx.box(e.west, e.south, e.east, e.north);
    for (const auto& f : data.islands->features) {
        if (cache.ctx.intersects(box, f.geometry)) return;
    }
    throw UsageError(fmt::format("--extent {},{},{},{}: the extent contains no land of the dataset", e.west, e.south,
                                 e.east, e.north));
}

std::string projection_text(const MapSpec& spec, const MapProjection& proj, const std::string& crs) {
    if (!spec.crs.empty()) return proj.name() + " (" + spec.crs + ")";
    const Extent& e = spec.extent;
    const double span = e.north - e.south;
    return fmt::format("Lambert conformal conic, standard parallels {:.1f}° and {:.1f}° N, central meridian {:.2f}° E, "
                       "WGS 84 ({})",
                       e.south + span / 6, e.north - span / 6, (e.west + e.east) / 2, crs);
}

Sheet page_sheet(const MapSpec& spec, const MapProjection& proj) {
    const double w = spec.paper_w_mm * kPtPerMm, h = spec.paper_h_mm * kPtPerMm;
    return fit_sheet(spec.extent, proj, w, h, 14 * kPtPerMm, 20 * kPtPerMm, w - 66 * kPtPerMm, h - 12 * kPtPerMm);
}

// The world file and GDAL's .aux.xml beside a PNG: pixel size and the centre of the top-left pixel, in the
// map's CRS (metres).
void write_georeference(const fs::path& png, const Sheet& s, double px_per_pt, const MapProjection& proj) {
    const double m_per_px = 1 / (s.scale * px_per_pt);
    const double x0 = s.minx - s.fx0 / s.scale + m_per_px / 2;
    const double y0 = s.miny + s.fy1 / s.scale - m_per_px / 2;
    write_file_atomic(fs::path(png).replace_extension(".pgw"),
                      fmt::format("{:.6f}\n0.000000\n0.000000\n{:.6f}\n{:.6f}\n{:.6f}\n", m_per_px, -m_per_px, x0, y0));
    write_file_atomic(fs::path(png.string() + ".aux.xml"),
                      "<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping=\"1,2\">" + proj.wkt() + "</SRS>\n</PAMDataset>\n");
}

}  // namespace

MapData map_data(const Atlas& atlas) {
    std::vector<Layer> layers;
    layers.push_back(atlas.context_land());
    layers.push_back(atlas.coastline());
    layers.push_back(atlas.views());
    layers.push_back(atlas.boundaries());
    layers.push_back(atlas.labels());
    layers.push_back(atlas.islands());
    layers.push_back(atlas.places());
    MapData data = map_data(layers);
    data.owned = std::move(layers);  // a vector's move keeps its elements where they are
    return data;
}

MapData map_data(const std::vector<Layer>& layers) {
    auto find = [&](const char* name) {
        const auto it = std::find_if(layers.begin(), layers.end(), [&](const Layer& l) { return l.name == name; });
        if (it == layers.end()) throw std::logic_error(std::string("the maps need the layer ") + name);
        return &*it;
    };
    MapData data;
    data.views = find("views"), data.boundaries = find("boundaries"), data.labels = find("labels");
    data.islands = find("islands"), data.places = find("places");
    data.context = find("context"), data.coastline = find("coastline");
    return data;
}

MapResult render_map(const Atlas& atlas, const MapData& data, SheetCache& cache, const MapSpec& spec,
                     const Palette& palette, const fs::path& out, const Date& today) {
    require_land(cache, data, spec.extent);
    const std::string crs = crs_of(spec);
    const MapProjection proj(crs);
    const Sheet sheet = page_sheet(spec, proj);
    MapResult result;
    result.projection = projection_text(spec, proj, crs);
    result.sheet_w_pt = sheet.w, result.sheet_h_pt = sheet.h;

    const OutputFormat format = format_of(out.string());
    StagingFile staged(out);
    cairo_surface_t* surface = nullptr;
    double px_per_pt = 1;
    std::string svg;  // an SVG is made in memory: its surface id is a process-wide counter, made stable below
    if (format == OutputFormat::pdf) {
        surface = cairo_pdf_surface_create(staged.path().c_str(), sheet.w, sheet.h);
        pin_pdf(surface, today, "Kuril Atlas, " + spec.date.iso());
    } else if (format == OutputFormat::svg) {
        surface = cairo_svg_surface_create_for_stream(append_to_string, &svg, sheet.w, sheet.h);
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
    } else {
        px_per_pt = spec.dpi / 72.0;
        // Whole pixels, rounded up as poppler and librsvg round a page: the rasters of the PDF and the SVG
        // then share this PNG's pixel grid and world file.
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, int(std::ceil(sheet.w * px_per_pt - 1e-6)),
                                             int(std::ceil(sheet.h * px_per_pt - 1e-6)));
    }
    check_cairo(surface, out, errno);
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, px_per_pt, px_per_pt);
    try {
        draw_sheet(cr, atlas, data, cache, spec, palette, proj, sheet, crs, result);
    } catch (...) {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
        throw;
    }
    cairo_destroy(cr);
    if (format == OutputFormat::png) {
        errno = 0;
        const cairo_status_t st = cairo_surface_write_to_png(surface, staged.path().c_str());
        const int os_error = errno;
        cairo_surface_destroy(surface);
        if (st != CAIRO_STATUS_SUCCESS) {
            throw OutputError(fmt::format("cannot write {}: {}", out.string(), cairo_failure(st, os_error)));
        }
        write_georeference(out, sheet, px_per_pt, proj);
    } else {
        errno = 0;
        cairo_surface_finish(surface);
        check_cairo(surface, out, errno);
        cairo_surface_destroy(surface);
    }
    if (format == OutputFormat::svg) {
        // Cairo numbers its SVG surfaces across the process ("surface24"): the same map drawn after other
        // maps, or on another thread, would differ by that id alone. Same inputs, same bytes.
        if (const auto at = svg.find("<g id=\"surface"); at != std::string::npos) {
            const auto end = svg.find('"', at + 7);
            svg.replace(at, end - at + 1, "<g id=\"kuril-map\"");
        }
        // Cairo draws SVG text as glyph outlines; the names go in again as text, transparent over their
        // glyphs, so that they can be searched and selected as in the PDF.
        if (const auto end = svg.rfind("</svg>"); end != std::string::npos) svg.insert(end, svg_text_layer(result));
        write_file(staged.path(), svg);
    }
    staged.commit();
    return result;
}

std::vector<MapResult> render_atlas(const Atlas& atlas, const MapData& data, SheetCache& cache,
                                    const std::vector<MapSpec>& pages, const Palette& palette, const fs::path& out,
                                    const Date& today) {
    if (pages.empty()) throw UsageError("the atlas needs at least one page");
    const MapSpec& first = pages.front();
    const std::string crs = crs_of(first);
    const MapProjection proj(crs);
    const Sheet sheet = page_sheet(first, proj);
    StagingFile staged(out);
    cairo_surface_t* surface = cairo_pdf_surface_create(staged.path().c_str(), sheet.w, sheet.h);
    pin_pdf(surface, today, "Kuril Atlas: the Kuril Islands and Sakhalin, 1855 to today");
    check_cairo(surface, out, errno);
    cairo_t* cr = cairo_create(surface);
    std::vector<MapResult> results;
    try {
        for (const auto& spec : pages) {
            MapResult r;
            r.projection = projection_text(spec, proj, crs);
            r.sheet_w_pt = sheet.w, r.sheet_h_pt = sheet.h;
            draw_sheet(cr, atlas, data, cache, spec, palette, proj, sheet, crs, r);
            cairo_show_page(cr);
            results.push_back(std::move(r));
        }
        // Small multiples: every page's map at one scale, three to a row, with one legend.
        set_colour(cr, palette.halo);
        cairo_paint(cr);
        const Text title(cr, "The Kuril Islands and Sakhalin, " + std::to_string(first.date.year()) + " to " +
                                 std::to_string(pages.back().date.year()) + ": who held the land",
                         TextStyle{14, false, true});
        title.draw(12 * kPtPerMm, 7 * kPtPerMm, palette.text);
        const int cols = 3, rows = int((pages.size() + cols - 1) / cols);
        const double x0 = 12 * kPtPerMm, y0 = 20 * kPtPerMm, gap = 5 * kPtPerMm;
        const double cw = (sheet.w - 2 * x0 - (cols - 1) * gap) / cols;
        const double ch = (sheet.h - y0 - 22 * kPtPerMm - (rows - 1) * gap) / rows;
        // One scale for every panel: the smallest that fits a panel.
        const Sheet fitted = fit_sheet(first.extent, proj, sheet.w, sheet.h, 0, 0, cw, ch - 12);
        Drawn drawn;
        for (std::size_t i = 0; i < pages.size(); ++i) {
            const double px = x0 + double(i % cols) * (cw + gap), py = y0 + double(i / cols) * (ch + gap);
            Sheet panel = fitted;
            const double fw = fitted.fx1 - fitted.fx0, fh = fitted.fy1 - fitted.fy0;
            panel.fx0 = px + (cw - fw) / 2, panel.fy0 = py + 12, panel.fx1 = panel.fx0 + fw, panel.fy1 = panel.fy0 + fh;
            SheetGeoms geoms(cache.ctx, proj, panel, cache.store, crs + "|panel");
            Canvas c{cr, cache.ctx, proj, panel, geoms, palette};
            cairo_save(cr);
            clip_frame(cr, panel);
            set_colour(cr, palette.sea);
            cairo_paint(cr);
            draw_land(c, data, pages[i], drawn);
            draw_lines(c, data, pages[i], drawn);
            cairo_restore(cr);
            cairo_new_path(cr);
            cairo_rectangle(cr, panel.fx0, panel.fy0, fw, fh);
            set_colour(cr, palette.text);
            cairo_set_line_width(cr, 0.5);
            cairo_stroke(cr);
            const std::string name = event_name(settlement_in_force(atlas.dataset(), pages[i].date), "en");
            const Text label(cr, long_date(pages[i].date) + (name.empty() ? "" : " — " + name) +
                                     (pages[i].view == "neutral" ? "" : " (" + pages[i].view + "'s view)"),
                             TextStyle{7.5, false, true, int(cw)});
            label.draw(panel.fx0, py, palette.text);
        }
        double lx = x0;
        for (const auto& h : drawn.holders) {
            cairo_new_path(cr);
            cairo_rectangle(cr, lx, sheet.h - 14 * kPtPerMm, 12, 8);
            set_colour(cr, palette.holders.count(h) ? palette.holders.at(h) : palette.land_unknown);
            cairo_fill(cr);
            const Text t(cr, holder_label(h), TextStyle{7});
            t.draw(lx + 15, sheet.h - 14 * kPtPerMm, palette.text);
            lx += 15 + t.size().first + 12;
        }
        if (drawn.differ) {
            cairo_new_path(cr);
            cairo_rectangle(cr, lx, sheet.h - 14 * kPtPerMm + 1, 12, 8);
            set_colour(cr, palette.halo);
            cairo_fill_preserve(cr);
            hatch(cr, sheet, 45, 2.6, palette.text, 0.4);
            cairo_new_path(cr);
            const Text t(cr, "Hatched: the Japanese and Russian views differ", TextStyle{7});
            t.draw(lx + 15, sheet.h - 14 * kPtPerMm, palette.text);
            lx += 15 + t.size().first + 12;
        }
        for (const auto& [kind, text] : {std::pair<std::string, std::string>{"de_jure", "Treaty boundary"},
                                         {"de_facto", "De facto line"}, {"claimed", "Claimed line"}}) {
            if (!drawn.lines.count(kind)) continue;
            cairo_new_path(cr);
            cairo_move_to(cr, lx, sheet.h - 14 * kPtPerMm + 5);
            cairo_line_to(cr, lx + 12, sheet.h - 14 * kPtPerMm + 5);
            line_style(cr, palette, kind);
            cairo_stroke(cr);
            cairo_set_dash(cr, nullptr, 0, 0);
            const Text t(cr, text, TextStyle{7});
            t.draw(lx + 15, sheet.h - 14 * kPtPerMm, palette.text);
            lx += 15 + t.size().first + 12;
        }
        const Text note(cr, "Neutral view: who held the land on each day, at one scale. Coastline: GSHHG 2.3.7 full "
                            "resolution (LGPL-3.0). Records and their sources: Kuril Atlas (docs/history.md).",
                        TextStyle{6});
        note.draw(x0, sheet.h - 9 * kPtPerMm, palette.text);
        cairo_show_page(cr);
    } catch (...) {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
        throw;
    }
    cairo_destroy(cr);
    errno = 0;
    cairo_surface_finish(surface);
    check_cairo(surface, out, errno);
    cairo_surface_destroy(surface);
    staged.commit();
    return results;
}

}  // namespace kuril::maps

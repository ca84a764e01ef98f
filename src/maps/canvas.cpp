#include "maps/sheet_parts.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace kuril::maps {

std::string long_date(const Date& d, const Messages& tr) {
    static const char* months[] = {
        NC_("month of a date", "January"), NC_("month of a date", "February"), NC_("month of a date", "March"),
        NC_("month of a date", "April"),   NC_("month of a date", "May"),      NC_("month of a date", "June"),
        NC_("month of a date", "July"),    NC_("month of a date", "August"),   NC_("month of a date", "September"),
        NC_("month of a date", "October"), NC_("month of a date", "November"), NC_("month of a date", "December")};
    return fmt::format(fmt::runtime(tr("{day} {month} {year}")), fmt::arg("day", d.day()),
                       fmt::arg("month", tr("month of a date", months[d.month() - 1])), fmt::arg("month_number", d.month()),
                       fmt::arg("year", d.year()));
}

bool in_force(const Feature& f, const Date& d) { return f.period && f.period->contains(d); }

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

void clip_frame(cairo_t* cr, const Sheet& s) {
    cairo_rectangle(cr, s.fx0, s.fy0, s.fx1 - s.fx0, s.fy1 - s.fy0);
    cairo_clip(cr);
}

std::string line_kind(const Layer& b, const Feature& f, const MapSpec& spec) {
    if (!in_force(f, spec.date)) return "";
    const std::string kind = b.text(f, "pov_" + spec.view);
    if (kind != "de_jure" && kind != "de_facto" && kind != "claimed") return "";  // hidden in this view
    // A treaty boundary is one both parties hold in law; a line one view alone holds so is set by no treaty.
    if (kind == "de_jure" && (b.text(f, "pov_japan") != "de_jure" || b.text(f, "pov_russia") != "de_jure")) {
        return "de_jure_view";
    }
    return kind;
}

void line_style(cairo_t* cr, const Palette& pal, const std::string& kind) {
    if (kind == "de_facto") cairo_set_dash(cr, kDashFacto, 2, 0);
    if (kind == "claimed") cairo_set_dash(cr, kDashClaim, 2, 0);
    if (kind == "de_jure_view") cairo_set_dash(cr, kDashViewOnly, 2, 0);
    const bool de_jure = kind == "de_jure" || kind == "de_jure_view";
    set_colour(cr, pal.boundary.at(de_jure ? "de_jure" : kind));
    cairo_set_line_width(cr, de_jure ? 1.3 : 1.1);
}

std::string line_words(const Messages& tr, const char* msgid, const std::string& view) {
    const std::string party = view == "japan" ? tr("Japan") : tr("Russia");
    return fmt::format(fmt::runtime(tr(msgid)), fmt::arg("party", party));
}

std::string holder_label(const std::string& h, const std::vector<std::string>& names, const Messages& tr) {
    std::string joined;
    for (const auto& n : names) joined += (joined.empty() ? "" : h == "japan;russia" ? tr(" and ") : tr(", ")) + n;
    if (h == "japan;russia") {
        return fmt::format(fmt::runtime(tr("{holders} jointly (condominium)")),
                           fmt::arg("holders", joined.empty() ? tr("Japan and Russia") : joined));
    }
    if (h == "undetermined") return tr("Undetermined (renounced by Japan, no beneficiary named)");
    if (h.empty()) return tr("No record");
    const std::string party = h == "japan" ? tr("Japan") : h == "russia" ? tr("Russia") : h;
    if (names.empty() || (names.size() == 1 && names.front() == party)) return party;
    return names.size() == 1 ? names.front() : party + tr(": ") + joined;
}

const PlaceStyle& place_style(PlaceRank r) {
    static const PlaceStyle kTerritory{7.6, 1.3, true, 1e6, N_("Seat of an oblast, agency or prefecture")};
    static const PlaceStyle kDistrict{6.8, 1.6, false, 1e5, N_("Seat of a district or subprefecture")};
    static const PlaceStyle kSettlement{6.0, 1.1, false, 0.5, N_("Other settlement")};
    return r == PlaceRank::territory_seat ? kTerritory : r == PlaceRank::district_seat ? kDistrict : kSettlement;
}

void draw_place_mark(cairo_t* cr, const Palette& pal, geom::XY at, PlaceRank r) {
    const PlaceStyle& s = place_style(r);
    cairo_new_path(cr);
    cairo_arc(cr, at.x, at.y, s.dot_pt, 0, 2 * M_PI);
    set_colour(cr, pal.halo);  // a white edge: the mark stays seen on the darkest fill
    cairo_set_line_width(cr, 0.8);
    cairo_stroke_preserve(cr);
    set_colour(cr, pal.text);
    cairo_fill(cr);
    if (!s.ring) return;
    cairo_new_path(cr);
    cairo_arc(cr, at.x, at.y, s.dot_pt + 1.2, 0, 2 * M_PI);
    set_colour(cr, pal.halo);
    cairo_set_line_width(cr, 1.2);
    cairo_stroke(cr);
    cairo_arc(cr, at.x, at.y, s.dot_pt + 1.3, 0, 2 * M_PI);
    set_colour(cr, pal.text);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
}

std::string regime_name_in(const Dataset& ds, const std::string& name_en, const std::string& lang) {
    if (lang != "ja" && lang != "ru") return name_en;
    const auto r = std::find_if(ds.regimes.begin(), ds.regimes.end(), [&](const Regime& x) { return x.names.en == name_en; });
    if (r == ds.regimes.end()) return name_en;
    const std::string& local = lang == "ja" ? r->names.ja : r->names.ru;
    return local.empty() ? name_en : local;
}

Drawn with_names_in(const Drawn& drawn, const Dataset& ds, const std::string& lang) {
    Drawn out = drawn;
    for (auto& [holder, names] : out.holder_names) {
        for (auto& name : names) name = regime_name_in(ds, name, lang);
    }
    return out;
}

void note_holder_names(Drawn& drawn, const std::string& holder, const std::string& holder_name) {
    auto& names = drawn.holder_names[holder];
    for (std::size_t a = 0; a < holder_name.size();) {
        const std::size_t b = std::min(holder_name.find("; ", a), holder_name.size());
        const std::string name = holder_name.substr(a, b - a);
        if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
        a = b + 2;
    }
}

}  // namespace kuril::maps

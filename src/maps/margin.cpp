#include "maps/sheet_parts.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>
#include <geodesic.h>

namespace kuril::maps {

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

// A scale bar of four alternating segments with the distance at 0, the middle and the end, then the ratio
// (1 : 6 000 000) and where both are true.
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
    double below = 0;
    for (const double at : {0.0, 0.5, 1.0}) {
        const Text tick(c.cr, at == 1.0 ? fmt::format(fmt::runtime(c.tr("{distance} km")), fmt::arg("distance", km)) : fmt::format("{:g}", km * at),
                        TextStyle{6});
        const double tx = at == 0.0 ? x : x + at * len - (at == 1.0 ? tick.size().first / 2 : tick.size().first / 2);
        tick.draw(tx, y + 4, c.pal.text);
        below = std::max(below, tick.size().second);
    }
    const geom::XY centre{(e.west + e.east) / 2, (e.south + e.north) / 2};
    const Text t(c.cr, fmt::format(fmt::runtime(c.tr("{scale}, true at {lat} N {lon} E")),
                                   fmt::arg("scale", scale_text(1e6 * kPtPerMm / per_km)),
                                   fmt::arg("lat", fmt::format("{:.1f}°", centre.y)), fmt::arg("lon", fmt::format("{:.1f}°", centre.x))),
                 TextStyle{6});
    t.draw(x, y + 5 + below, c.pal.text);
    return y + 5 + below + t.size().second;
}

// The works cited by the records in force on the day, then the coastline's and the projection's lines.
std::string sources_text(const Atlas& atlas, const Date& d, const std::string& projection, const Messages& tr) {
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
    int number = 0;
    for (const auto& k : keys) {
        const Source* s = atlas.dataset().source(k);
        if (s != nullptr) cited += fmt::format("\n[{}] {}", ++number, s->citation);  // numbered, in full
    }
    return fmt::format(fmt::runtime(tr("Projection: {projection}.")), fmt::arg("projection", projection)) + "\n" +
           tr("Coastline: GSHHG 2.3.7 full resolution, P. Wessel and W. H. F. Smith (LGPL-3.0).") + "\n" +
           tr("The records in force on this day cite:") + cited + "\n" +
           tr("Kuril Atlas: every record carries its sources; the history is told in the dataset's documentation.");
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

std::string view_text(const std::string& view, const Messages& tr) {
    if (view == "japan") return tr("Point of view: Japan's (its claims shown as held; renounced land undetermined)");
    if (view == "russia") return tr("Point of view: Russia's");
    return tr("Point of view: neutral (who held the land on the day)");
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

}  // namespace kuril::maps

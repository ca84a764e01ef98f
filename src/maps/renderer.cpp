#include "maps/renderer.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <fmt/format.h>
#include <geodesic.h>
#include <nlohmann/json.hpp>
#include <pango/pangocairo.h>

#include "maps/map_projection.hpp"
#include "util/atomic.hpp"
#include "util/error.hpp"

namespace kuril::maps {

namespace fs = std::filesystem;

namespace {

constexpr double kPtPerMm = 72.0 / 25.4;

Rgb hex(const std::string& s) {
    unsigned v = 0;
    if (s.size() != 7 || s[0] != '#' || std::sscanf(s.c_str() + 1, "%x", &v) != 1) {
        throw InputError(Location{}, fmt::format("palette colour '{}' is not #rrggbb", s));
    }
    return {((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0};
}

void set(cairo_t* cr, const Rgb& c, double alpha = 1) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }

std::string long_date(const Date& d) {
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    return fmt::format("{} {} {}", d.day(), months[d.month() - 1], d.year());
}

// The sheet: where the map frame is and how projected metres become points on it.
struct Sheet {
    double w = 0, h = 0;                  // points
    double fx0 = 0, fy0 = 0, fx1 = 0, fy1 = 0;  // map frame, points, y down
    double minx = 0, miny = 0, scale = 1;  // projected metres -> points
    [[nodiscard]] geom::XY at(geom::XY m) const { return {fx0 + (m.x - minx) * scale, fy1 - (m.y - miny) * scale}; }
};

Sheet fit_sheet(const MapSpec& spec, const MapProjection& proj) {
    Sheet s;
    s.w = spec.paper_w_mm * kPtPerMm;
    s.h = spec.paper_h_mm * kPtPerMm;
    const double left = 14 * kPtPerMm, right = 64 * kPtPerMm, top = 20 * kPtPerMm, bottom = 12 * kPtPerMm;
    double minx = 1e300, miny = 1e300, maxx = -1e300, maxy = -1e300;
    const Extent& e = spec.extent;
    for (int i = 0; i <= 64; ++i) {
        const double t = i / 64.0;
        for (geom::XY ll : {geom::XY{e.west + t * (e.east - e.west), e.south}, geom::XY{e.west + t * (e.east - e.west), e.north},
                            geom::XY{e.west, e.south + t * (e.north - e.south)}, geom::XY{e.east, e.south + t * (e.north - e.south)}}) {
            const geom::XY p = proj.forward(ll);
            minx = std::min(minx, p.x), maxx = std::max(maxx, p.x), miny = std::min(miny, p.y), maxy = std::max(maxy, p.y);
        }
    }
    const double fw = s.w - left - right, fh = s.h - top - bottom;
    s.scale = std::min(fw / (maxx - minx), fh / (maxy - miny));
    s.minx = minx, s.miny = miny;
    s.fx0 = left, s.fy0 = top, s.fx1 = left + (maxx - minx) * s.scale, s.fy1 = top + (maxy - miny) * s.scale;
    return s;
}

// Projected rings of a lon/lat (multi)polygon as a Cairo path on the sheet.
void polygon_path(cairo_t* cr, const geom::Context& ctx, const geom::Geom& g, const MapProjection& proj, const Sheet& s) {
    for (const auto& poly : ctx.polygons(g)) {
        for (const auto& ring : poly) {
            bool first = true;
            for (const auto& ll : ring) {
                const geom::XY p = s.at(proj.forward(ll));
                first ? cairo_move_to(cr, p.x, p.y) : cairo_line_to(cr, p.x, p.y);
                first = false;
            }
            cairo_close_path(cr);
        }
    }
}

// A pattern of parallel lines (hatching) that prints in greyscale: angle in degrees, spacing in points.
void hatch(cairo_t* cr, const Sheet& s, double angle_deg, double spacing, const Rgb& colour, double width) {
    cairo_save(cr);
    cairo_clip_preserve(cr);
    cairo_new_path(cr);
    const double a = angle_deg * M_PI / 180, diag = std::hypot(s.w, s.h);
    for (double d = -diag; d <= diag; d += spacing) {
        const double cx = s.w / 2 + d * std::cos(a + M_PI / 2), cy = s.h / 2 + d * std::sin(a + M_PI / 2);
        cairo_move_to(cr, cx - diag * std::cos(a), cy - diag * std::sin(a));
        cairo_line_to(cr, cx + diag * std::cos(a), cy + diag * std::sin(a));
    }
    set(cr, colour);
    cairo_set_line_width(cr, width);
    cairo_stroke(cr);
    cairo_restore(cr);
}

std::string pov_field(const std::string& view) { return "pov_" + view; }

// Text through Pango: one layout per label, fonts from fontconfig (Noto Sans, IPAGothic for kanji).
struct Text {
    cairo_t* cr;
    PangoLayout* layout;
    Text(cairo_t* c, const std::string& text, double size_pt, bool italic = false, bool bold = false, int width_pt = -1)
        : cr(c), layout(pango_cairo_create_layout(c)) {
        PangoFontDescription* fd = pango_font_description_from_string("Noto Sans, IPAGothic");
        pango_font_description_set_absolute_size(fd, size_pt * PANGO_SCALE);
        if (italic) pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
        if (bold) pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
        pango_layout_set_font_description(layout, fd);
        pango_font_description_free(fd);
        if (width_pt > 0) {
            pango_layout_set_width(layout, width_pt * PANGO_SCALE);
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        }
        pango_layout_set_text(layout, text.c_str(), -1);
    }
    Text(const Text&) = delete;
    Text& operator=(const Text&) = delete;
    ~Text() { g_object_unref(layout); }
    [[nodiscard]] std::pair<double, double> size() const {
        int w = 0, h = 0;
        pango_layout_get_size(layout, &w, &h);
        return {double(w) / PANGO_SCALE, double(h) / PANGO_SCALE};
    }
    void draw(double x, double y, const Rgb& colour, const Rgb* halo = nullptr) const {
        if (halo != nullptr) {
            cairo_move_to(cr, x, y);
            pango_cairo_layout_path(cr, layout);
            set(cr, *halo, 0.85);
            cairo_set_line_width(cr, 1.6);
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
            cairo_stroke(cr);
        }
        cairo_move_to(cr, x, y);
        set(cr, colour);
        pango_cairo_show_layout(cr, layout);
    }
};

// One label waiting for a place.
struct Candidate {
    std::string id;
    std::string text;
    geom::XY anchor;         // sheet points
    double size = 7;
    bool italic = false;
    std::string own_island;  // the land it may cover; "" = it may cover none (sea names)
    double priority = 0;
    bool dot = false;        // a settlement: a dot at the anchor
};

class Placer {
public:
    Placer(const geom::Context& ctx, const Sheet& s) : ctx_(ctx), sheet_(s) {}
    void add_land(const std::string& island, geom::Geom sheet_land) {
        boxes_.push_back({island, ctx_.clone(sheet_land)});
        (void)boxes_;
    }
    // Returns the placed box, or nothing.
    std::optional<PlacedLabel> place(const Candidate& c, double w, double h) {
        const double gap = c.dot ? 2.5 : 1.5;
        std::vector<std::pair<double, double>> offsets;  // top-left relative to the anchor
        if (!c.dot) offsets.push_back({-w / 2, -h / 2});
        for (double k : {1.0, 2.5, 4.5, 7.0}) {
            const double d = gap + (k - 1) * 6;
            offsets.push_back({d, -h / 2});
            offsets.push_back({-w - d, -h / 2});
            offsets.push_back({-w / 2, -h - d});
            offsets.push_back({-w / 2, d});
            offsets.push_back({d, -h - d * 0.6});
            offsets.push_back({-w - d, -h - d * 0.6});
            offsets.push_back({d, d * 0.6});
            offsets.push_back({-w - d, d * 0.6});
        }
        for (std::size_t i = 0; i < offsets.size(); ++i) {
            const Box b{c.anchor.x + offsets[i].first, c.anchor.y + offsets[i].second, c.anchor.x + offsets[i].first + w,
                        c.anchor.y + offsets[i].second + h};
            if (b.x0 < sheet_.fx0 + 1 || b.y0 < sheet_.fy0 + 1 || b.x1 > sheet_.fx1 - 1 || b.y1 > sheet_.fy1 - 1) continue;
            if (std::any_of(placed_.begin(), placed_.end(), [&](const PlacedLabel& p) { return p.box.overlaps(b); })) continue;
            if (covers_other_land(b, c.own_island)) continue;
            PlacedLabel p{c.id, c.text, b, c.anchor.x, c.anchor.y, i >= (c.dot ? 8u : 9u)};
            placed_.push_back(p);
            return p;
        }
        return std::nullopt;
    }
    void reserve(const Box& b) { placed_.push_back(PlacedLabel{"", "", b, 0, 0, false}); }
    [[nodiscard]] std::vector<PlacedLabel> labels() const {
        std::vector<PlacedLabel> out;
        for (const auto& p : placed_) {
            if (!p.id.empty()) out.push_back(p);
        }
        return out;
    }

private:
    bool covers_other_land(const Box& b, const std::string& own) const {
        const geom::Geom box = ctx_.box(b.x0, b.y0, b.x1, b.y1);
        for (const auto& [island, land] : boxes_) {
            if (island == own) continue;
            if (ctx_.intersects(box, land)) return true;
        }
        return false;
    }
    const geom::Context& ctx_;
    const Sheet& sheet_;
    std::vector<std::pair<std::string, geom::Geom>> boxes_;
    std::vector<PlacedLabel> placed_;
};

std::string island_text(const Layer& labels, const Feature& f, const std::string& lang) {
    const std::string en = labels.text(f, "name_en"), ja = labels.text(f, "name_ja"), ru = labels.text(f, "name_ru");
    auto with = [](const std::string& a, const std::string& b) { return b.empty() || a == b ? a : a + " (" + b + ")"; };
    if (lang == "ja") return ja.empty() ? en : with(ja, ru);
    if (lang == "ru") return ru.empty() ? en : with(ru, ja);
    if (lang == "ainu") {
        const std::string ai = labels.text(f, "name_ainu");
        return ai.empty() ? en : with(ai, en);
    }
    return en;
}

double island_size(double area_km2) {
    if (area_km2 > 5000) return 11;
    if (area_km2 > 500) return 8.5;
    if (area_km2 > 40) return 7;
    return 6;
}

bool in_force(const Feature& f, const Date& d) { return f.period && f.period->contains(d); }

}  // namespace

MapData map_data(const Atlas& atlas) {
    return MapData{atlas.views(), atlas.boundaries(), atlas.labels(), atlas.islands(), atlas.places()};
}

Palette read_palette(const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw InputError(Location{file.string(), 0, {}}, "cannot read the palette");
    nlohmann::json j;
    try {
        in >> j;
        Palette p;
        for (const auto& [k, v] : j.at("holders").items()) p.holders[k] = hex(v.get<std::string>());
        for (const auto& [k, v] : j.at("boundary").items()) p.boundary[k] = hex(v.get<std::string>());
        p.sea = hex(j.at("sea")), p.land_unknown = hex(j.at("land_unknown")), p.coast = hex(j.at("coast"));
        p.text = hex(j.at("text")), p.halo = hex(j.at("halo")), p.water_text = hex(j.at("water_text"));
        p.graticule = hex(j.at("graticule"));
        return p;
    } catch (const nlohmann::json::exception& e) {
        throw InputError(Location{file.string(), 0, {}}, fmt::format("palette: {}", e.what()));
    }
}

namespace {

struct Drawn {  // what the legend lists: only what the sheet shows
    std::set<std::string> holders;
    bool differ = false, condominium = false, undetermined = false, places = false;
    std::set<std::string> lines;
};

void draw_land(cairo_t* cr, const geom::Context& ctx, const MapData& data, const MapSpec& spec, const Palette& pal,
               const MapProjection& proj, const Sheet& s, Drawn& drawn) {
    const Layer& v = data.views;
    for (const auto& f : v.features) {
        if (!in_force(f, spec.date)) continue;
        const std::string holder = v.text(f, pov_field(spec.view));
        const auto colour = pal.holders.find(holder);
        polygon_path(cr, ctx, f.geometry, proj, s);
        set(cr, colour != pal.holders.end() ? colour->second : pal.land_unknown);
        cairo_fill_preserve(cr);
        drawn.holders.insert(holder);
        if (holder == "japan;russia") {
            hatch(cr, s, 0, 3.2, pal.holders.at("japan"), 0.9);
            drawn.condominium = true;
        } else if (holder == "undetermined") {
            hatch(cr, s, 90, 3.0, pal.coast, 0.35);
            drawn.undetermined = true;
        }
        if (v.text(f, "pov_japan") != v.text(f, "pov_russia")) {
            hatch(cr, s, 45, 2.6, Rgb{0.1, 0.1, 0.1}, 0.4);  // the points of view differ
            drawn.differ = true;
        }
        cairo_new_path(cr);
    }
    for (const auto& f : data.islands.features) {  // one coastline over the dated pieces
        polygon_path(cr, ctx, f.geometry, proj, s);
    }
    set(cr, pal.coast);
    cairo_set_line_width(cr, 0.3);
    cairo_stroke(cr);
}

void draw_lines(cairo_t* cr, const geom::Context& ctx, const MapData& data, const MapSpec& spec, const Palette& pal,
                const MapProjection& proj, const Sheet& s, Drawn& drawn) {
    const Layer& b = data.boundaries;
    for (const auto& f : b.features) {
        if (!in_force(f, spec.date)) continue;
        const std::string how = b.text(f, pov_field(spec.view));
        if (how == "hidden" || how.empty()) continue;
        for (const auto& line : ctx.lines(f.geometry)) {
            bool first = true;
            for (const auto& ll : line) {
                const geom::XY p = s.at(proj.forward(ll));
                first ? cairo_move_to(cr, p.x, p.y) : cairo_line_to(cr, p.x, p.y);
                first = false;
            }
        }
        const double dash_facto[] = {4, 2}, dash_claim[] = {1, 1.6};
        if (how == "de_facto") cairo_set_dash(cr, dash_facto, 2, 0);
        if (how == "claimed") cairo_set_dash(cr, dash_claim, 2, 0);
        set(cr, pal.boundary.count(how) ? pal.boundary.at(how) : pal.text);
        cairo_set_line_width(cr, how == "de_jure" ? 1.3 : 1.1);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
        drawn.lines.insert(how);
    }
}

void draw_graticule(cairo_t* cr, const MapSpec& spec, const Palette& pal, const MapProjection& proj, const Sheet& s,
                    double step) {
    const Extent& e = spec.extent;
    cairo_save(cr);
    cairo_rectangle(cr, s.fx0, s.fy0, s.fx1 - s.fx0, s.fy1 - s.fy0);
    cairo_clip(cr);
    for (double lon = std::ceil(e.west / step) * step; lon <= e.east + 1e-9; lon += step) {
        for (int i = 0; i <= 50; ++i) {
            const geom::XY p = s.at(proj.forward({lon, e.south - 1 + i * (e.north - e.south + 2) / 50}));
            i == 0 ? cairo_move_to(cr, p.x, p.y) : cairo_line_to(cr, p.x, p.y);
        }
    }
    for (double lat = std::ceil(e.south / step) * step; lat <= e.north + 1e-9; lat += step) {
        for (int i = 0; i <= 50; ++i) {
            const geom::XY p = s.at(proj.forward({e.west - 2 + i * (e.east - e.west + 4) / 50, lat}));
            i == 0 ? cairo_move_to(cr, p.x, p.y) : cairo_line_to(cr, p.x, p.y);
        }
    }
    set(cr, pal.graticule, 0.8);
    cairo_set_line_width(cr, 0.35);
    cairo_stroke(cr);
    cairo_restore(cr);
    // Degree labels where the lines meet the frame (bottom: meridians; left: parallels).
    auto crossing = [&](auto point_at, auto coord, double edge) -> std::optional<double> {
        geom::XY prev = point_at(0);
        for (int i = 1; i <= 400; ++i) {
            const geom::XY p = point_at(i / 400.0);
            if ((coord(prev) - edge) * (coord(p) - edge) <= 0) return i / 400.0;
            prev = p;
        }
        return std::nullopt;
    };
    for (double lon = std::ceil(e.west / step) * step; lon <= e.east + 1e-9; lon += step) {
        auto at = [&](double t) { return s.at(proj.forward({lon, e.south - 1 + t * (e.north - e.south + 2)})); };
        if (auto t = crossing(at, [](geom::XY p) { return p.y; }, s.fy1)) {
            const geom::XY p = at(*t);
            if (p.x < s.fx0 || p.x > s.fx1) continue;
            Text label(cr, fmt::format("{:g}°E", lon), 6.5);
            label.draw(p.x - label.size().first / 2, s.fy1 + 2, pal.text);
        }
    }
    for (double lat = std::ceil(e.south / step) * step; lat <= e.north + 1e-9; lat += step) {
        auto at = [&](double t) { return s.at(proj.forward({e.west - 2 + t * (e.east - e.west + 4), lat})); };
        if (auto t = crossing(at, [](geom::XY p) { return p.x; }, s.fx0)) {
            const geom::XY p = at(*t);
            if (p.y < s.fy0 || p.y > s.fy1) continue;
            Text label(cr, fmt::format("{:g}°N", lat), 6.5);
            label.draw(s.fx0 - label.size().first - 2, p.y - label.size().second / 2, pal.text);
        }
    }
}

std::vector<Candidate> candidates(const geom::Context& ctx, const Atlas& atlas, const MapData& data,
                                  const MapSpec& spec, const MapProjection& proj, const Sheet& s) {
    std::vector<Candidate> out;
    auto inside = [&](geom::XY p) { return p.x > s.fx0 && p.x < s.fx1 && p.y > s.fy0 && p.y < s.fy1; };
    for (const auto& w : atlas.dataset().waters) {
        const geom::XY a = s.at(proj.forward(w.point));
        if (!inside(a)) continue;
        const std::string name = spec.lang == "ja" ? w.names.ja : spec.lang == "ru" ? w.names.ru : w.names.en;
        out.push_back({w.id, name.empty() ? w.names.en : name, a, w.kind == "strait" ? 6.5 : 9, true, "", 1e9, false});
    }
    const Layer& l = data.labels;
    for (const auto& f : l.features) {
        const geom::XY a = s.at(proj.forward(ctx.point_xy(f.geometry)));
        if (!inside(a)) continue;
        const Value& area = l.value(f, "area_km2");
        const double km2 = std::holds_alternative<double>(area) ? std::get<double>(area) : 0;
        out.push_back({f.id, island_text(l, f, spec.lang), a, island_size(km2), false, f.id, km2, false});
    }
    const Layer& p = data.places;
    const std::string lang = spec.lang == "ainu" ? "en" : spec.lang;
    for (const auto& f : p.features) {
        if (!in_force(f, spec.date)) continue;
        const geom::XY a = s.at(proj.forward(ctx.point_xy(f.geometry)));
        if (!inside(a)) continue;
        std::string name = p.text(f, "name_" + lang);
        if (name.empty()) name = p.text(f, "name_en");
        out.push_back({f.id, name, a, 6.3, false, p.text(f, "island"), 0.5, true});
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate& x, const Candidate& y) { return x.priority > y.priority; });
    return out;
}

}  // namespace

namespace {

void draw_labels(cairo_t* cr, const geom::Context& ctx, const Atlas& atlas, const MapData& data, const MapSpec& spec,
                 const Palette& pal, const MapProjection& proj, const Sheet& s, MapResult& result, Drawn& drawn) {
    Placer placer(ctx, s);
    for (const auto& f : data.islands.features) {
        placer.add_land(f.id, ctx.transform(f.geometry, [&](geom::XY ll) { return s.at(proj.forward(ll)); }));
    }
    for (const auto& c : candidates(ctx, atlas, data, spec, proj, s)) {
        const Text t(cr, c.text, c.size, c.italic);
        const auto [w, h] = t.size();
        const auto placed = placer.place(c, w, h);
        if (!placed) {
            result.unplaced.push_back(c.id + ": " + c.text);
            continue;
        }
        if (c.dot) {
            cairo_new_path(cr);
            cairo_arc(cr, c.anchor.x, c.anchor.y, 1.4, 0, 2 * M_PI);
            set(cr, pal.text);
            cairo_fill(cr);
            drawn.places = true;
        }
        if (placed->leader) {
            cairo_new_path(cr);
            const Box& b = placed->box;
            const double tx = std::clamp(c.anchor.x, b.x0, b.x1), ty = std::clamp(c.anchor.y, b.y0, b.y1);
            cairo_move_to(cr, c.anchor.x, c.anchor.y);
            cairo_line_to(cr, tx, ty);
            set(cr, pal.text, 0.7);
            cairo_set_line_width(cr, 0.35);
            cairo_stroke(cr);
        }
        t.draw(placed->box.x0, placed->box.y0, c.italic ? pal.water_text : pal.text, &pal.halo);
    }
    result.labels = placer.labels();
}

void draw_scale_bar(cairo_t* cr, const MapSpec& spec, const Palette& pal, const MapProjection& proj, const Sheet& s,
                    double x, double y) {
    // True at the map's centre: the ground length of a short east-west step there (WGS 84 geodesic).
    const Extent& e = spec.extent;
    const geom::XY c{(e.west + e.east) / 2, (e.south + e.north) / 2}, c2{c.x + 0.05, c.y};
    geod_geodesic g;
    geod_init(&g, 6378137, 1 / 298.257223563);
    double metres = 0;
    geod_inverse(&g, c.y, c.x, c2.y, c2.x, &metres, nullptr, nullptr);
    const geom::XY p = s.at(proj.forward(c)), p2 = s.at(proj.forward(c2));
    const double pt_per_km = std::hypot(p2.x - p.x, p2.y - p.y) / (metres / 1000);
    double km = 1;
    for (double nice : {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000}) {
        if (nice * pt_per_km <= 45 * kPtPerMm) km = nice;
    }
    const double len = km * pt_per_km;
    for (int i = 0; i < 4; ++i) {
        cairo_rectangle(cr, x + i * len / 4, y, len / 4, 3);
        set(cr, i % 2 == 0 ? pal.text : pal.halo);
        cairo_fill_preserve(cr);
        set(cr, pal.text);
        cairo_set_line_width(cr, 0.4);
        cairo_stroke(cr);
    }
    const Text t(cr, fmt::format("0 – {:g} km (true at {:.1f}°N, {:.1f}°E)", km, c.y, c.x), 6);
    t.draw(x, y + 4, pal.text);
}

double legend_row(cairo_t* cr, double x, double y, const std::string& text, const Palette& pal,
                  const std::function<void(double, double)>& swatch) {
    swatch(x, y);
    const Text t(cr, text, 7);
    t.draw(x + 16, y, pal.text);
    return y + std::max(9.0, t.size().second + 1.5);
}

std::string holder_label(const std::string& h) {
    if (h == "japan") return "Japan";
    if (h == "russia") return "Russia / USSR";
    if (h == "japan;russia") return "Japan and Russia (condominium)";
    if (h == "undetermined") return "Undetermined (renounced by Japan)";
    return h.empty() ? "No record" : h;
}

void draw_panel(cairo_t* cr, const Atlas& atlas, const MapSpec& spec, const Palette& pal, const MapProjection& proj,
                const Sheet& s, const Drawn& drawn, const std::string& crs_text) {
    const double x = s.fx1 + 8 * kPtPerMm, w = s.w - x - 6 * kPtPerMm;
    double y = s.fy0;
    y = Text(cr, "Legend", 9, false, true).size().second + y;
    Text(cr, "Legend", 9, false, true).draw(x, s.fy0, pal.text);
    y += 3;
    for (const auto& h : drawn.holders) {
        y = legend_row(cr, x, y, holder_label(h), pal, [&](double sx, double sy) {
            cairo_rectangle(cr, sx, sy + 1, 12, 7);
            set(cr, pal.holders.count(h) ? pal.holders.at(h) : pal.land_unknown);
            cairo_fill_preserve(cr);
            set(cr, pal.coast);
            cairo_set_line_width(cr, 0.3);
            cairo_stroke(cr);
        });
    }
    if (drawn.differ) {
        y = legend_row(cr, x, y, "Hatched: the Japanese and Russian views differ", pal, [&](double sx, double sy) {
            cairo_rectangle(cr, sx, sy + 1, 12, 7);
            set(cr, pal.halo);
            cairo_fill_preserve(cr);
            hatch(cr, s, 45, 2.6, Rgb{0.1, 0.1, 0.1}, 0.4);
            cairo_new_path(cr);
        });
    }
    static const std::pair<const char*, const char*> kinds[] = {
        {"de_jure", "Treaty boundary"}, {"de_facto", "De facto line"}, {"claimed", "Claimed line"}};
    for (const auto& [kind, text] : kinds) {
        if (!drawn.lines.count(kind)) continue;
        y = legend_row(cr, x, y, text, pal, [&](double sx, double sy) {
            const double dash_facto[] = {4, 2}, dash_claim[] = {1, 1.6};
            if (std::string(kind) == "de_facto") cairo_set_dash(cr, dash_facto, 2, 0);
            if (std::string(kind) == "claimed") cairo_set_dash(cr, dash_claim, 2, 0);
            cairo_move_to(cr, sx, sy + 4.5);
            cairo_line_to(cr, sx + 12, sy + 4.5);
            set(cr, pal.boundary.at(kind));
            cairo_set_line_width(cr, 1.2);
            cairo_stroke(cr);
            cairo_set_dash(cr, nullptr, 0, 0);
        });
    }
    if (drawn.places) {
        y = legend_row(cr, x, y, "Settlement (name of the day)", pal, [&](double sx, double sy) {
            cairo_new_path(cr);
            cairo_arc(cr, sx + 6, sy + 4.5, 1.4, 0, 2 * M_PI);
            set(cr, pal.text);
            cairo_fill(cr);
        });
    }
    y += 6;
    draw_scale_bar(cr, spec, pal, proj, s, x, y);
    y += 22;
    const std::string view = spec.view == "neutral" ? "Point of view: neutral (who held the land)"
                             : spec.view == "japan" ? "Point of view: Japan's"
                                                    : "Point of view: Russia's";
    const Text v(cr, view, 7, false, true, int(w));
    v.draw(x, y, pal.text);
    y += v.size().second + 4;
    // Sources: the coastline and the works cited by the records in force that day.
    std::set<std::string> keys;
    for (const auto& r : atlas.dataset().records) {
        if (!r.period.contains(spec.date)) continue;
        for (std::size_t a = 0; a < r.source.size();) {
            const std::size_t b = std::min(r.source.find(';', a), r.source.size());
            std::string item = r.source.substr(a, b - a);
            item.erase(0, item.find_first_not_of(' '));
            keys.insert(item.substr(0, item.find(' ')));
            a = b + 1;
        }
    }
    std::string text = "Projection: " + crs_text +
                       "\nCoastline: GSHHG 2.3.7 full resolution, Wessel & Smith (LGPL-3.0).\nRecords in force: ";
    bool first = true;
    for (const auto& k : keys) {
        const Source* src = atlas.dataset().source(k);
        if (src == nullptr) continue;
        std::string cite = src->citation;
        if (cite.size() > 110) cite = cite.substr(0, cite.rfind(' ', 107)) + " …";
        text += (first ? "" : "; ") + cite;
        first = false;
    }
    text += ".\nKuril Atlas (docs/history.md tells the story, sources per record).";
    const Text src(cr, text, 5, false, false, int(w));
    src.draw(x, std::min(y, s.fy1 - src.size().second), pal.text);
}

const Event* settlement_in_force(const Dataset& ds, const Date& d) {
    const Event* best = nullptr;
    for (const Event* e : ds.epochs()) {
        if (!(d < *e->epoch)) best = e;
    }
    return best;
}

void draw_title(cairo_t* cr, const Atlas& atlas, const MapSpec& spec, const Palette& pal, const Sheet& s) {
    const Event* e = settlement_in_force(atlas.dataset(), spec.date);
    std::string name = e == nullptr ? "" : spec.lang == "ja" ? e->names.ja : spec.lang == "ru" ? e->names.ru : e->names.en;
    if (name.empty() && e != nullptr) name = e->names.en;
    const std::string title = long_date(spec.date) + (name.empty() ? "" : " — " + name);
    const Text t(cr, title, 15, false, true);
    t.draw(s.fx0, 6 * kPtPerMm, pal.text);
    const Text sub(cr, "The Kuril Islands and Sakhalin: who held the land", 8);
    sub.draw(s.fx0, 6 * kPtPerMm + t.size().second + 1, pal.text);
}

void draw_sheet(cairo_t* cr, const Atlas& atlas, const MapData& data, const MapSpec& spec, const Palette& pal,
                const MapProjection& proj, const Sheet& s, const std::string& crs_text, MapResult& result) {
    const geom::Context& ctx = atlas.context();
    set(cr, pal.halo);
    cairo_paint(cr);
    cairo_save(cr);
    cairo_rectangle(cr, s.fx0, s.fy0, s.fx1 - s.fx0, s.fy1 - s.fy0);
    cairo_clip(cr);
    set(cr, pal.sea);
    cairo_paint(cr);
    Drawn drawn;
    draw_land(cr, ctx, data, spec, pal, proj, s, drawn);
    draw_lines(cr, ctx, data, spec, pal, proj, s, drawn);
    cairo_restore(cr);
    const double span = std::max(spec.extent.east - spec.extent.west, spec.extent.north - spec.extent.south);
    draw_graticule(cr, spec, pal, proj, s, span > 8 ? 2 : span > 3 ? 1 : 0.5);
    draw_labels(cr, ctx, atlas, data, spec, pal, proj, s, result, drawn);
    cairo_rectangle(cr, s.fx0, s.fy0, s.fx1 - s.fx0, s.fy1 - s.fy0);
    set(cr, pal.text);
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);
    draw_title(cr, atlas, spec, pal, s);
    draw_panel(cr, atlas, spec, pal, proj, s, drawn, crs_text);
}

void check_cairo(cairo_surface_t* surface, const fs::path& path) {
    if (const cairo_status_t st = cairo_surface_status(surface); st != CAIRO_STATUS_SUCCESS) {
        throw OutputError(fmt::format("{}: {}", path.string(), cairo_status_to_string(st)));
    }
}

}  // namespace

MapResult render_map(const Atlas& atlas, const MapData& data, const MapSpec& spec, const Palette& palette,
                     const fs::path& out, const Date& today) {
    const std::string crs = spec.crs.empty()
                                ? fitted_lcc(spec.extent.west, spec.extent.south, spec.extent.east, spec.extent.north)
                                : spec.crs;
    const MapProjection proj(crs);
    const Sheet sheet = fit_sheet(spec, proj);
    MapResult result;
    result.projection = proj.name() + " (" + crs + ")";
    result.sheet_w_pt = sheet.w, result.sheet_h_pt = sheet.h;
    // Any land at all inside the extent?
    bool land = false;
    for (const auto& f : data.islands.features) {
        const geom::Geom box = atlas.context().box(spec.extent.west, spec.extent.south, spec.extent.east, spec.extent.north);
        if (atlas.context().intersects(box, f.geometry)) land = true;
    }
    if (!land) throw UsageError("--extent: the extent contains no land of the dataset");

    StagingFile staged(out);
    const OutputFormat format = format_of(out.string());
    cairo_surface_t* surface = nullptr;
    double px_per_pt = 1;
    if (format == OutputFormat::pdf) {
        surface = cairo_pdf_surface_create(staged.path().c_str(), sheet.w, sheet.h);
        const std::string stamp = today.iso() + "T00:00:00Z";
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp.c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, stamp.c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, ("Kuril Atlas, " + spec.date.iso()).c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Kuril Atlas (kuril map)");
    } else if (format == OutputFormat::svg) {
        surface = cairo_svg_surface_create(staged.path().c_str(), sheet.w, sheet.h);
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
    } else {
        px_per_pt = spec.dpi / 72.0;
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, int(std::lround(sheet.w * px_per_pt)),
                                             int(std::lround(sheet.h * px_per_pt)));
    }
    check_cairo(surface, out);
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, px_per_pt, px_per_pt);
    try {
        draw_sheet(cr, atlas, data, spec, palette, proj, sheet, result.projection, result);
    } catch (...) {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
        throw;
    }
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    if (format == OutputFormat::png) {
        check_cairo(surface, out);
        const cairo_status_t st = cairo_surface_write_to_png(surface, staged.path().c_str());
        cairo_surface_destroy(surface);
        if (st != CAIRO_STATUS_SUCCESS) throw OutputError(fmt::format("{}: {}", out.string(), cairo_status_to_string(st)));
        // World file: pixel size and the centre of the top-left pixel, in the map's CRS (metres).
        const double m_per_px = 1 / (sheet.scale * px_per_pt);
        const double x0 = sheet.minx - sheet.fx0 / sheet.scale + m_per_px / 2;
        const double y0 = sheet.miny + sheet.fy1 / sheet.scale - m_per_px / 2;
        write_file_atomic(fs::path(out).replace_extension(".pgw"),
                          fmt::format("{:.6f}\n0.000000\n0.000000\n{:.6f}\n{:.6f}\n{:.6f}\n", m_per_px, -m_per_px, x0, y0));
        write_file_atomic(fs::path(out.string() + ".aux.xml"),
                          "<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping=\"1,2\">" + proj.wkt() + "</SRS>\n</PAMDataset>\n");
    } else {
        cairo_surface_finish(surface);
        check_cairo(surface, out);
        cairo_surface_destroy(surface);
    }
    staged.commit();
    return result;
}

}  // namespace kuril::maps

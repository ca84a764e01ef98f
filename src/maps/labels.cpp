#include "maps/sheet_parts.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <memory>

#include <fmt/format.h>

namespace kuril::maps {

namespace {

std::string island_text(const Layer& l, const Feature& f, const std::string& lang, const Dataset& ds, const Date& d) {
    // A name of that day where it is not the present one (Ezo before 1869; the Habomai islets' Japanese names
    // before their Russian names of 1947).
    if (const IslandName* then = ds.island_name(f.id, lang == "ainu" ? "en" : lang, d)) return then->name;
    const std::string en = l.text(f, "name_en"), ja = l.text(f, "name_ja"), ru = l.text(f, "name_ru");
    auto with = [](const std::string& a, const std::string& b) { return b.empty() || a == b ? a : a + " (" + b + ")"; };
    // Japanese and Russian maps: the name in the map's own script alone. The other party's usage would come
    // in a third script (Cyrillic on a Japanese map, kanji on a Russian one) and nest its own alternatives.
    if (lang == "ja") return ja.empty() ? en : ja;
    if (lang == "ru") return ru.empty() ? en : ru;
    if (lang == "ainu") {
        const std::string ainu = l.text(f, "name_ainu");
        const std::string plain = en.substr(0, en.find(" ("));  // "Iturup (Etorofu)" -> "Iturup"
        return ainu.empty() ? en : with(ainu, plain);
    }
    return en;  // the English names carry the Japanese usage already: "Iturup (Etorofu)"
}

// A settlement's rank in a period of the places layer: the seat it was then.
PlaceRank rank_of(const Layer& places, const Feature& f) {
    const auto seat = parse_seat_level(places.text(f, "seat"));
    if (!seat) return PlaceRank::settlement;
    return *seat == SeatLevel::territory ? PlaceRank::territory_seat : PlaceRank::district_seat;
}

// A name in capitals, as a state's is lettered (Latin and Cyrillic; a script without case stays as it is).
std::string as_capitals(const std::string& name) {
    gchar* upper = g_utf8_strup(name.c_str(), -1);
    std::string out(upper);
    g_free(upper);
    return out;
}

double island_size(double area_km2) { return area_km2 > 5000 ? 11 : area_km2 > 500 ? 8.5 : area_km2 > 40 ? 7 : 6; }

// The groups named on a sheet: the middle of the Kuril chain for the islands as a whole (where every
// usage puts them: Japan's Chishima excludes the four southern islands, Russia's Kurils include them), the
// Lesser Kuril Chain, the Habomai islets. A group is named where its members spread at least 60 pt.
struct Group {
    const char* id;
    const char* words;
    bool (*member)(const Island&);
};
const Group kGroups[] = {
    {"kurils", N_("Kuril Islands"), [](const Island& i) { return i.group_ru == "middle"; }},
    {"lesser_kurils", N_("Lesser Kuril Chain"), [](const Island& i) { return i.group_ru == "lesser_kuril"; }},
    {"habomai", N_("Habomai islets"), [](const Island& i) { return i.subgroup_ru == "habomai"; }},
};

std::vector<Candidate> group_candidates(const Dataset& ds, const Canvas& c) {
    std::vector<Candidate> out;
    for (const Group& g : kGroups) {
        double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18, lon = 0, lat = 0;
        std::string members;
        int n = 0;
        for (const auto& island : ds.islands) {
            if (!g.member(island) || island.points.empty()) continue;
            const geom::XY a = c.sheet.at(c.proj.forward(island.points.front()));
            x0 = std::min(x0, a.x), y0 = std::min(y0, a.y), x1 = std::max(x1, a.x), y1 = std::max(y1, a.y);
            lon += island.points.front().x, lat += island.points.front().y, ++n;
            members += (members.empty() ? "" : ";") + island.id;
        }
        if (n == 0 || std::max(x1 - x0, y1 - y0) < 60) continue;
        const geom::XY lonlat{lon / n, lat / n};
        const geom::XY a = c.sheet.at(c.proj.forward(lonlat));
        if (!c.sheet.inside(a)) continue;
        out.push_back({std::string("group/") + g.id, c.tr(g.words), a, 8.5, false, members, -1, false, false, lonlat});
    }
    return out;
}

// The states whose land the sheet shows, each named once, in spaced capitals, inside the island (or part of
// it) where it held the most land in law that day (in the sheet's view and in the record alike): "EMPIRE OF
// JAPAN" across Hokkaido, "RUSSIAN EMPIRE" across North Sakhalin. Land held jointly, under occupation,
// claimed or renounced names no state, nor does the land around the record (the record says nothing of who
// held it). A state whose land on the sheet is too small for its name is not named. `lands` keeps the land
// each name goes in.
std::vector<Candidate> state_candidates(const MapData& data, const MapSpec& spec, const Canvas& c, const Dataset& ds,
                                        std::deque<geom::Geom>& lands) {
    struct Held {
        std::vector<const geom::Geom*> pieces;  // its territories on the island, on the sheet
        double area = 0;                 // shown on the sheet
        std::string name;                // the regime, as the views name it
    };
    std::map<std::string, std::map<std::string, Held>> held;  // by holder, then island
    const Layer& v = *data.views;
    const Sheet& s = c.sheet;
    for (const auto& f : v.features) {
        const std::string holder = v.text(f, "pov_" + spec.view), name = v.text(f, "holder_name");
        if (!in_force(f, spec.date) || holder != v.text(f, "pov_neutral") || v.text(f, "status_" + spec.view) != "de_jure" ||
            (holder != "japan" && holder != "russia") || name.empty() || name.find(';') != std::string::npos) {
            continue;
        }
        Held& h = held[holder][v.text(f, "island")];
        h.pieces.push_back(&c.geoms.get("atom/" + v.text(f, "territory"), f.geometry));
        h.area += c.ctx.area(c.ctx.clip_by_rect(*h.pieces.back(), s.fx0, s.fy0, s.fx1, s.fy1));
        h.name = name;
    }
    std::vector<Candidate> out;
    for (auto& [holder, islands] : held) {
        const auto& [island, most] = *std::max_element(islands.begin(), islands.end(), [](const auto& a, const auto& b) {
            return a.second.area < b.second.area;
        });
        if (most.area <= 0) continue;
        std::vector<geom::Geom> copies;
        for (const geom::Geom* piece : most.pieces) copies.push_back(c.ctx.clone(*piece));
        const geom::Geom& land = lands.emplace_back(c.ctx.unary_union(c.ctx.collect(std::move(copies), GEOS_GEOMETRYCOLLECTION)));
        const geom::Geom shown = c.ctx.clip_by_rect(land, s.fx0, s.fy0, s.fx1, s.fy1);
        const geom::XY a = c.ctx.coords(c.ctx.max_inscribed_circle(shown, 1.0)).front();
        std::string name = regime_name_in(ds, most.name, spec.lang);
        if (spec.lang != "ja") name = as_capitals(name);
        Candidate cand{"state/" + holder, name, a, 8.5, false, island, -2, false, false, c.proj.inverse(s.metres(a))};
        cand.area = &land;
        cand.letter_spacing = spec.lang == "ja" ? 2.5 : 2;
        out.push_back(std::move(cand));
    }
    return out;
}

// The part of a (Multi)LineString with the most vertices; none when it is empty.
std::vector<geom::XY> longest_part(const geom::Context& ctx, const geom::Geom& g) {
    std::vector<geom::XY> longest;
    for (auto& part : ctx.lines(g)) {
        if (part.size() > longest.size()) longest = std::move(part);
    }
    return longest;
}

// Each boundary line the view draws that day: its name and years, along the line beside it (else level beside
// the middle of its part on the sheet).
std::vector<Candidate> line_candidates(const MapData& data, const MapSpec& spec, const Canvas& c) {
    std::vector<Candidate> out;
    const Layer& b = *data.boundaries;
    const std::string lang = spec.lang == "ja" || spec.lang == "ru" ? spec.lang : "en";
    for (const auto& f : b.features) {
        if (line_kind(b, f, spec).empty()) continue;
        std::vector<std::pair<geom::XY, geom::XY>> inside;  // sheet point, longitude/latitude
        for (const auto& path : c.ctx.lines(f.geometry)) {
            for (const auto& p : path) {
                const geom::XY a = c.sheet.at(c.proj.forward(p));
                if (c.sheet.inside(a)) inside.emplace_back(a, p);
            }
        }
        if (inside.empty()) continue;
        const auto [anchor, lonlat] = inside[inside.size() / 2];
        std::string name = b.text(f, "name_" + lang);
        if (name.empty()) name = b.text(f, "name_en");
        const std::string text =
            f.period->to ? fmt::format(fmt::runtime(c.tr("{name}, {years}")), fmt::arg("name", name),
                                       fmt::arg("years", fmt::format("{}–{}", f.period->from.year(), f.period->to->year())))
                         : fmt::format(fmt::runtime(c.tr("{name}, since {first}")), fmt::arg("name", name),
                                       fmt::arg("first", f.period->from.year()));
        std::string crossed;  // the islands the line crosses: its name may lie on them, never on another
        for (const auto& island : data.islands->features) {
            if (c.ctx.intersects(f.geometry, island.geometry)) crossed += (crossed.empty() ? "" : ";") + island.id;
        }
        Candidate cand{"line/" + f.id, text, anchor, 5.6, false, crossed, 0.2, false, true, lonlat};
        cand.beside = true;
        cand.path = longest_part(c.ctx, c.geoms.get("boundaries/" + f.id, f.geometry));  // the name runs beside it
        out.push_back(std::move(cand));
    }
    return out;
}

// The waters the sheet shows: a sea whose open water is on the sheet (its name goes inside it; a sheet that
// shows too little of it to hold its name does not name it), a strait the middle of whose line is on the
// sheet (its name runs along it, its middle on the line).
std::vector<Candidate> water_candidates(const MapData& data, const MapSpec& spec, const Canvas& c) {
    std::vector<Candidate> out;
    const Extent& e = spec.extent;
    const double mx = (e.east - e.west) / 2, my = (e.north - e.south) / 2;
    const std::string clip = fmt::format("@{:g},{:g},{:g},{:g}", e.west, e.south, e.east, e.north);
    for (const auto& shape : data.waters) {
        const Water& w = *shape.water;
        const geom::Geom near = c.ctx.clip_by_rect(shape.shape, e.west - mx, e.south - my, e.east + mx, e.north + my);
        if (c.ctx.is_empty(near)) continue;
        const geom::Geom& on_sheet = c.geoms.get("waters/" + w.id + clip, near);
        std::string name = spec.lang == "ja" ? w.names.ja : spec.lang == "ru" ? w.names.ru : w.names.en;
        if (name.empty()) name = w.names.en;
        // Type size by rank: ocean > sea > strait (italic, as water names are).
        const double size = (w.kind == "ocean" ? 12 : w.kind == "sea" ? 9.5 : 6.5);
        Candidate cand{"water/" + w.id, name, c.sheet.at(c.proj.forward(w.point)), size, true, "", 1e9, false, false, w.point};
        if (w.kind == "strait") {
            const auto whole = longest_part(c.ctx, shape.shape);  // named when the middle of its line is on the sheet
            if (whole.empty() || !c.sheet.inside(c.sheet.at(c.proj.forward(whole[whole.size() / 2])))) continue;
            cand.path = longest_part(c.ctx, on_sheet);
            if (cand.path.size() < 2) continue;
            cand.leader_ok = true;  // too narrow for its name on the sheet: named beside its point, with a leader
            // Japanese maps set a strait that runs more north-south than east-west in a column.
            const geom::XY a = cand.path.front(), z = cand.path.back();
            cand.upright = spec.lang == "ja" && std::abs(z.y - a.y) > 1.2 * std::abs(z.x - a.x);
        } else {
            if (c.ctx.is_empty(on_sheet)) continue;
            cand.area = &on_sheet;
        }
        out.push_back(std::move(cand));
    }
    return out;
}

std::vector<Candidate> candidates(const Atlas& atlas, const MapData& data, const MapSpec& spec, const Canvas& c,
                                  NamePart part, std::deque<geom::Geom>& lands) {
    std::vector<Candidate> out;
    const std::string lang = spec.lang;
    for (auto& cand : water_candidates(data, spec, c)) out.push_back(std::move(cand));
    const Layer& l = *data.labels;
    for (const auto& f : l.features) {
        const geom::XY lonlat = c.ctx.point_xy(f.geometry);
        const geom::XY a = c.sheet.at(c.proj.forward(lonlat));
        if (!c.sheet.inside(a)) continue;
        const Value& area = l.value(f, "area_km2");
        const double km2 = std::holds_alternative<double>(area) ? std::get<double>(area) : 0;
        out.push_back({"island/" + f.id, island_text(l, f, lang, atlas.dataset(), spec.date), a, island_size(km2), false, f.id, km2, false, true, lonlat});
    }
    for (auto& cand : line_candidates(data, spec, c)) out.push_back(std::move(cand));
    for (auto& cand : group_candidates(atlas.dataset(), c)) out.push_back(std::move(cand));
    if (part == NamePart::main_map) {
        for (auto& cand : state_candidates(data, spec, c, atlas.dataset(), lands)) out.push_back(std::move(cand));
    }
    const Layer& p = *data.places;
    const std::string place_lang = lang == "ainu" ? "en" : lang;
    for (const auto& f : p.features) {
        if (!in_force(f, spec.date)) continue;
        const geom::XY lonlat = c.ctx.point_xy(f.geometry);
        const geom::XY a = c.sheet.at(c.proj.forward(lonlat));
        if (!c.sheet.inside(a)) continue;
        std::string name = p.text(f, "name_" + place_lang);
        if (name.empty()) name = p.text(f, "name_en");
        const PlaceStyle& style = place_style(rank_of(p, f));
        out.push_back({"place/" + p.text(f, "place"), name, a, style.type_pt, false, p.text(f, "island"), style.priority, true, true, lonlat});
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate& x, const Candidate& y) { return x.priority > y.priority; });
    return out;
}

// The SVG layer a name is drawn on: water names in theirs, every other name in the names layer.
SheetLayer layer_of(const Candidate& cand) {
    return cand.id.starts_with("water/") ? SheetLayer::water_names : SheetLayer::names;
}

// A placed name, turned round its centre when it runs along a strait.
void draw_placed(cairo_t* cr, const Canvas& c, const Text& t, const PlacedLabel& p, const Rgb& colour) {
    if (p.angle == 0) {
        t.draw(p.box.x0, p.box.y0, colour, &c.pal.halo);
        return;
    }
    const auto [w, h] = t.size();
    cairo_save(cr);
    cairo_translate(cr, (p.box.x0 + p.box.x1) / 2, (p.box.y0 + p.box.y1) / 2);
    cairo_rotate(cr, p.angle * M_PI / 180);
    t.draw(-w / 2, -h / 2, colour, &c.pal.halo);
    cairo_restore(cr);
}

// A strait's name spread along its line, as water names are lettered: its letters spaced (to at most half
// their size) until the name covers three fifths of the strait's length on the sheet; none where the name
// already does, or is a single letter.
std::unique_ptr<Text> spread_along(cairo_t* cr, const Candidate& cand, double w) {
    if (!cand.italic || cand.path.size() < 2) return nullptr;
    double length = 0;
    for (std::size_t i = 1; i < cand.path.size(); ++i) {
        length += std::hypot(cand.path[i].x - cand.path[i - 1].x, cand.path[i].y - cand.path[i - 1].y);
    }
    const auto letters = static_cast<double>(g_utf8_strlen(cand.text.c_str(), -1));
    if (letters < 2 || 0.6 * length <= w * 1.1) return nullptr;
    const double spacing = std::min(0.5 * cand.size, (0.6 * length - w) / (letters - 1));
    return std::make_unique<Text>(cr, cand.text, TextStyle{cand.size, cand.italic, false, -1, spacing, cand.upright});
}

// A name's other layouts, to try in turn where it has no room on one line: a line's name wrapped at a little
// over half its width, then at a little over a third (along the line); a state's broken at the space nearest
// its middle; an island's other name in parentheses under its name; the lines centred. None for other names.
std::vector<std::unique_ptr<Text>> other_layouts(cairo_t* cr, const Candidate& cand, double w) {
    std::vector<std::unique_ptr<Text>> out;
    if (cand.id.starts_with("line/")) {
        for (const double share : {0.55, 0.36}) {
            out.push_back(std::make_unique<Text>(cr, cand.text, TextStyle{cand.size, cand.italic, false, int(w * share) + 1}));
        }
        return out;
    }
    std::size_t best = std::string::npos;
    if (cand.id.starts_with("island/")) {
        best = cand.text.find(" (");  // "Signalny (Kaigara)": the other party's name under the name
    } else if (cand.id.starts_with("state/")) {
        for (std::size_t i = cand.text.find(' '); i != std::string::npos; i = cand.text.find(' ', i + 1)) {
            const auto off = [&](std::size_t k) { return std::abs(double(k) - double(cand.text.size()) / 2); };
            if (best == std::string::npos || off(i) < off(best)) best = i;
        }
    }
    if (best == std::string::npos) return out;
    std::string text = cand.text;
    text[best] = '\n';
    TextStyle style{cand.size, cand.italic, false, -1, cand.letter_spacing, false};
    style.centred = true;
    out.push_back(std::make_unique<Text>(cr, text, style));
    return out;
}

// Places a name in the first of its other layouts that finds room; that layout becomes its text.
bool place_otherwise(LabelPlacer& placer, const Candidate& cand, std::vector<std::unique_ptr<Text>>& layouts,
                     std::unique_ptr<Text>& text, Effort effort) {
    for (auto& layout : layouts) {
        if (placer.place(cand, layout->size().first, layout->size().second, effort)) {
            text = std::move(layout);
            return true;
        }
    }
    return false;
}

// The rank of each settlement in force on `d`, by its label's id.
std::map<std::string, PlaceRank> place_ranks(const Layer& places, const Date& d) {
    std::map<std::string, PlaceRank> out;
    for (const auto& f : places.features) {
        if (in_force(f, d)) out["place/" + places.text(f, "place")] = rank_of(places, f);
    }
    return out;
}

// Whether a name is already on the sheet (the inset, drawn before the main map, names the southern islets).
bool named_before(const MapResult& result, const std::string& id) {
    return std::any_of(result.labels.begin(), result.labels.end(), [&](const PlacedLabel& l) { return l.id == id; });
}

// A placed name drawn: its leader line, then the name in its layer (water names in theirs), turned where it
// runs along a strait.
void draw_label(const Canvas& c, const Candidate& cand, const Text& t, const PlacedLabel& placed) {
    if (placed.leader) {  // from the point it was placed beside: a line's name may stand beside another of its points
        const geom::XY end = leader_end(placed.anchor, placed.box);
        cairo_new_path(c.cr);
        cairo_move_to(c.cr, placed.anchor.x, placed.anchor.y);
        cairo_line_to(c.cr, end.x, end.y);
        set_colour(c.cr, c.pal.text, 0.7);
        cairo_set_line_width(c.cr, 0.35);
        cairo_stroke(c.cr);
    }
    draw_placed(layer_cr(c, layer_of(cand)), c, t, placed, cand.italic ? c.pal.water_text : c.pal.text);
}

}  // namespace

// Places every candidate of the sheet, then draws them where they stand (a name may move another that was
// placed before it); the settlements' dots are obstacles from the start. Returns the labels that found no
// place on this sheet.
std::vector<std::string> draw_labels(Canvas& c, const Atlas& atlas, const MapData& data, const MapSpec& spec,
                                     NamePart part, const std::vector<Box>& reserved, MapResult& result, Drawn& drawn) {
    std::vector<std::string> unplaced;
    use_layer(c, SheetLayer::names);
    LabelPlacer placer(c.ctx, c.sheet);
    for (const auto& f : data.islands->features) placer.add_land(f.id, c.geoms.get("islands/" + f.id, f.geometry), kMinIslandPt);
    for (const Box& b : reserved) placer.reserve(b);
    for (const auto& f : data.boundaries->features) {  // the lines the sheet draws: no name crosses them
        if (!line_kind(*data.boundaries, f, spec).empty()) placer.add_line(c.geoms.get("boundaries/" + f.id, f.geometry));
    }
    std::deque<geom::Geom> state_lands;
    const auto all = candidates(atlas, data, spec, c, part, state_lands);
    std::vector<std::unique_ptr<Text>> texts;
    std::map<std::string, std::size_t> by_id;
    const std::map<std::string, PlaceRank> ranks = place_ranks(*data.places, spec.date);
    for (const auto& cand : all) {
        if (!cand.dot) continue;
        const PlaceStyle& s = place_style(ranks.at(cand.id));
        const double r = s.dot_pt + (s.ring ? 1.6 : 0.2);  // the mark, its ring with it
        placer.reserve({cand.anchor.x - r, cand.anchor.y - r, cand.anchor.x + r, cand.anchor.y + r});
    }
    for (const auto& cand : all) {
        by_id[cand.id] = texts.size();
        cairo_t* cr = layer_cr(c, layer_of(cand));
        const Text& t = *texts.emplace_back(std::make_unique<Text>(cr, cand.text, TextStyle{cand.size, cand.italic, false, -1, cand.letter_spacing, cand.upright}));
        const auto [w, h] = t.size();
        if (cand.dot) {
            draw_place_mark(c.cr, c.pal, cand.anchor, ranks.at(cand.id));
            drawn.places.insert(ranks.at(cand.id));
        }
        if (auto spread = spread_along(cr, cand, w); spread && placer.place(cand, spread->size().first, spread->size().second)) {
            texts.back() = std::move(spread);
            continue;
        }
        if (placer.place(cand, w, h)) continue;
        auto layouts = other_layouts(cr, cand, w);
        if (place_otherwise(placer, cand, layouts, texts.back(), Effort::usual)) continue;
        if (cand.id.starts_with("state/")) continue;  // a state is named where its land has room left among the names
        if (cand.area != nullptr && !placer.room_in(cand, w, h)) continue;  // too little of the sea shown to name it
        if (!named_before(result, cand.id) && (placer.place(cand, w, h, Effort::utmost) ||
                                               place_otherwise(placer, cand, layouts, texts.back(), Effort::utmost))) {
            continue;
        }
        unplaced.push_back(cand.id + ": " + cand.text);
    }
    for (const PlacedLabel& placed : placer.placed()) {
        const std::size_t i = by_id.at(placed.id);
        draw_label(c, all[i], *texts[i], placed);
        PlacedLabel kept = placed;
        const auto earth = [&](geom::XY a, geom::XY b) { return c.proj.inverse(c.sheet.metres({(a.x + b.x) / 2, (a.y + b.y) / 2})); };
        if (placed.anchor != all[i].anchor) kept.lonlat = earth(placed.anchor, placed.anchor);  // another point of its line
        if (placed.id.starts_with("water/")) {  // a water's name: anchored where it is written
            kept.lonlat = earth(kept.quad[0], kept.quad[2]);
            kept.ends = std::array<geom::XY, 2>{earth(kept.quad[0], kept.quad[3]), earth(kept.quad[1], kept.quad[2])};
        }
        result.labels.push_back(kept);
    }
    return unplaced;
}

}  // namespace kuril::maps

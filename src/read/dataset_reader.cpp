#include "read/dataset_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "read/csv.hpp"
#include "read/fields.hpp"
#include "read/land_reader.hpp"

namespace kuril {

namespace {

Names names_of(const CsvRecord& r) {
    Names n;
    n.en = required(r, "name_en");
    auto opt = [&](std::string_view c) { return r.get(c); };
    n.ja = opt("name_ja");
    n.ru = opt("name_ru");
    return n;
}

std::vector<geom::XY> points_field(const CsvRecord& r) {
    std::vector<geom::XY> pts;
    for (const auto& item : list_field(r, "points")) {
        const auto ll = split(item, ' ');
        double lat = 0;
        double lon = 0;
        if (ll.size() != 2 || std::sscanf(ll[0].c_str(), "%lf", &lat) != 1 ||
            std::sscanf(ll[1].c_str(), "%lf", &lon) != 1 || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw r.error(fmt::format("points item '{}' is not 'lat lon' in degrees", item));
        }
        pts.push_back({lon, lat});
    }
    if (pts.empty()) {
        throw r.error("points is empty");
    }
    return pts;
}

Island read_island(const CsvRecord& r) {
    Island i;
    i.id = required(r, "id");
    i.kind = required(r, "kind");
    if (i.kind != "island" && i.kind != "context" && i.kind != "mainland") {
        throw r.error(fmt::format("kind '{}' is not island, context or mainland", i.kind));
    }
    i.names = names_of(r);
    i.names.ja_latn = r.get("name_ja_latn");
    i.names.ru_latn = r.get("name_ru_latn");
    i.names.ainu = r.get("name_ainu");
    i.group_ru = r.get("group_ru");
    i.subgroup_ru = r.get("subgroup_ru");
    i.group_ja = r.get("group_ja");
    i.points = points_field(r);
    const std::string checked = required(r, "point_checked");
    if (checked != "yes" && checked != "no") {
        throw r.error(fmt::format("point_checked '{}' is not yes or no", checked));
    }
    i.point_checked = checked == "yes";
    i.source = required(r, "source");
    i.where = r.where();
    return i;
}

Territory read_territory(const CsvRecord& r) {
    Territory t;
    t.id = required(r, "id");
    t.kind = required(r, "kind");
    if (t.kind != "part" && t.kind != "group") {
        throw r.error(fmt::format("kind '{}' is not part or group", t.kind));
    }
    t.members = list_field(r, "members");
    if (t.members.empty()) {
        throw r.error("members is empty");
    }
    t.lat_min = optional_number(r, "lat_min", -90, 90);
    t.lat_max = optional_number(r, "lat_max", -90, 90);
    if (t.kind == "part" && t.members.size() != 1) {
        throw r.error("a part has exactly one member island");
    }
    if (t.kind == "part" && !t.lat_min && !t.lat_max) {
        throw r.error("a part needs lat_min or lat_max");
    }
    if (t.lat_min && t.lat_max && !(*t.lat_min < *t.lat_max)) {
        throw r.error(fmt::format("lat_min {} is not below lat_max {}", *t.lat_min, *t.lat_max));
    }
    t.names = names_of(r);
    t.source = required(r, "source");
    t.where = r.where();
    return t;
}

Event read_event(const CsvRecord& r) {
    Event e;
    e.id = required(r, "id");
    e.names = names_of(r);
    e.signed_on = date_field(r, "signed");
    e.signed_julian = r.get("signed_julian");
    e.in_force = optional_date(r, "in_force");
    e.in_force_julian = r.get("in_force_julian");
    if (e.in_force && *e.in_force < e.signed_on) {
        throw r.error(fmt::format("in_force {} is before signed {}", e.in_force->iso(), e.signed_on.iso()));
    }
    e.ratifications_exchanged = optional_date(r, "ratifications_exchanged");
    e.ratifications_exchanged_julian = r.get("ratifications_exchanged_julian");
    if (e.ratifications_exchanged && *e.ratifications_exchanged < e.signed_on) {
        throw r.error(fmt::format("ratifications_exchanged {} is before signed {}", e.ratifications_exchanged->iso(),
                                  e.signed_on.iso()));
    }
    for (const auto* julian : {&e.signed_julian, &e.in_force_julian, &e.ratifications_exchanged_julian}) {
        // Julian calendar days such as 1700-02-29 exist there but not in the Gregorian calendar: only the form
        // is checked.
        if (!julian->empty() && julian->size() != 10) {
            throw r.error(fmt::format("Julian date '{}' is not YYYY-MM-DD", *julian));
        }
    }
    e.parties = list_field(r, "parties");
    for (const auto& p : e.parties) {
        if (!is_holder(p)) {
            throw r.error(fmt::format("unknown party '{}' (japan or russia)", p));
        }
    }
    e.effect = required(r, "effect");
    e.source = required(r, "source");
    e.note = r.get("note");
    if (const std::string epoch = r.get("epoch"); epoch == "signed") {
        e.epoch = e.signed_on;
    } else if (epoch == "in_force") {
        if (!e.in_force) throw r.error("epoch is in_force but in_force is blank");
        e.epoch = e.in_force;
    } else if (!epoch.empty()) {
        throw r.error(fmt::format("epoch '{}' is not signed or in_force", epoch));
    }
    e.where = r.where();
    return e;
}

Source read_source(const CsvRecord& r) {
    Source s;
    s.id = required(r, "id");
    s.kind = choice_field(r, "kind", {"treaty", "official", "scholarly", "reference"});
    s.citation = required(r, "citation");
    s.url = r.get("url");
    if (!s.url.empty() && s.url.rfind("https://", 0) != 0 && s.url.rfind("http://", 0) != 0) {
        throw r.error(fmt::format("url '{}' is not an http(s) URL", s.url));
    }
    s.where = r.where();
    return s;
}

Place read_place(const CsvRecord& r) {
    Place p;
    p.id = required(r, "id");
    p.kind = choice_field(r, "kind", {"admin_centre", "port", "town"});
    p.island = required(r, "island");
    p.point = lonlat_field(r);
    p.valid_from = date_field(r, "valid_from");
    p.source = required(r, "source");
    p.note = r.get("note");
    p.where = r.where();
    return p;
}

Water read_water(const CsvRecord& r) {
    Water w;
    w.id = required(r, "id");
    w.kind = choice_field(r, "kind", {"sea", "ocean", "strait"});
    w.names = names_of(r);
    w.point = lonlat_field(r);
    if (w.kind == "strait") {
        w.side_a = required(r, "side_a");
        w.side_b = required(r, "side_b");
        w.reach_km = number_field(r, "reach_km", 1, 500);
    } else if (!r.get("side_a").empty() || !r.get("side_b").empty() || !r.get("reach_km").empty()) {
        throw r.error(fmt::format("a {} has no sides: side_a, side_b and reach_km are for straits", w.kind));
    }
    w.source = required(r, "source");
    w.where = r.where();
    return w;
}

// The `lang` column: one of the languages places and islands are named in.
std::string language_field(const CsvRecord& r) {
    std::string lang = required(r, "lang");
    if (std::find(kPlaceLanguages.begin(), kPlaceLanguages.end(), lang) == kPlaceLanguages.end()) {
        throw r.error(fmt::format("lang '{}' is not one of {}", lang, fmt::join(kPlaceLanguages, ", ")));
    }
    return lang;
}

PlaceName read_place_name(const CsvRecord& r) {
    PlaceName n;
    n.id = required(r, "id");
    n.place = required(r, "place");
    n.lang = language_field(r);
    n.name = required(r, "name");
    n.period = interval_field(r, "valid_from", "valid_to");
    n.basis = r.get("basis");
    n.source = required(r, "source");
    n.note = r.get("note");
    n.where = r.where();
    return n;
}

PlaceSeat read_place_seat(const CsvRecord& r) {
    PlaceSeat s;
    s.id = required(r, "id");
    s.place = required(r, "place");
    const std::string level = required(r, "level");
    const auto parsed = parse_seat_level(level);
    if (!parsed) throw r.error(fmt::format("unknown level '{}' (territory or district)", level));
    s.level = *parsed;
    s.period = interval_field(r, "valid_from", "valid_to");
    s.basis = r.get("basis");
    s.source = required(r, "source");
    s.note = r.get("note");
    s.where = r.where();
    return s;
}

IslandName read_island_name(const CsvRecord& r) {
    IslandName n;
    n.id = required(r, "id");
    n.island = required(r, "island");
    n.lang = language_field(r);
    n.name = required(r, "name");
    n.period = interval_field(r, "valid_from", "valid_to");
    n.source = required(r, "source");
    n.note = r.get("note");
    n.where = r.where();
    return n;
}

Regime read_regime(const CsvRecord& r) {
    Regime g;
    g.id = required(r, "id");
    g.holder = required(r, "holder");
    if (!is_holder(g.holder)) {
        throw r.error(fmt::format("unknown holder '{}' (japan or russia)", g.holder));
    }
    g.names = names_of(r);
    g.period = interval_field(r, "valid_from", "valid_to");
    g.source = required(r, "source");
    g.where = r.where();
    return g;
}

SovereigntyRecord read_record(const CsvRecord& r) {
    SovereigntyRecord s;
    s.id = required(r, "id");
    s.territory = required(r, "territory");
    s.holders = list_field(r, "holder");
    s.regimes = list_field(r, "regime");
    if (s.holders.empty()) {
        throw r.error("holder is empty");
    }
    for (const auto& h : s.holders) {
        if (!is_holder(h)) {
            throw r.error(fmt::format("unknown holder '{}' (japan or russia)", h));
        }
    }
    if (s.regimes.size() != s.holders.size()) {
        throw r.error(fmt::format("{} regime(s) for {} holder(s)", s.regimes.size(), s.holders.size()));
    }
    const std::string status = required(r, "status");
    const auto st = parse_status(status);
    if (!st) {
        throw r.error(fmt::format("status '{}' is not one the model knows: de_jure, de_facto, condominium or occupied "
                                  "(held lane), claimed or renounced (claim lane)",
                                  status));
    }
    s.status = *st;
    if ((s.status == Status::condominium) != (s.holders.size() == 2)) {
        throw r.error("a condominium has exactly two holders, every other status one");
    }
    s.period = interval_field(r, "valid_from", "valid_to");
    s.basis = required(r, "basis");
    s.source = required(r, "source");
    s.note = r.get("note");
    s.where = r.where();
    return s;
}

std::string pov_field(const CsvRecord& r, std::string_view column) {
    std::string v = required(r, column);
    if (v != "de_jure" && v != "de_facto" && v != "claimed" && v != "hidden") {
        throw r.error(fmt::format("{} '{}' is not de_jure, de_facto, claimed or hidden", column, v));
    }
    return v;
}

BoundaryDef read_boundary(const CsvRecord& r) {
    BoundaryDef b;
    b.id = required(r, "id");
    b.names = names_of(r);
    b.kind = required(r, "kind");
    if (b.kind != "de_jure" && b.kind != "de_facto" && b.kind != "claimed") {
        throw r.error(fmt::format("kind '{}' is not de_jure, de_facto or claimed", b.kind));
    }
    b.basis = required(r, "basis");
    b.period = interval_field(r, "valid_from", "valid_to");
    const std::string method = required(r, "method");
    b.side_a = required(r, "side_a");
    if (method == "median") {
        b.method = BoundaryMethod::median;
        b.side_b = required(r, "side_b");
        b.reach_km = number_field(r, "reach_km", 1, 500);
    } else if (method == "parallel") {
        b.method = BoundaryMethod::parallel;
        b.latitude = number_field(r, "latitude", -90, 90);
    } else {
        throw r.error(fmt::format("method '{}' is not median or parallel", method));
    }
    b.pov_neutral = pov_field(r, "pov_neutral");
    b.pov_japan = pov_field(r, "pov_japan");
    b.pov_russia = pov_field(r, "pov_russia");
    b.source = required(r, "source");
    b.where = r.where();
    return b;
}

// Reads every record of one table with `read_one`, reporting bad records and duplicate ids.
template <typename T, typename F>
std::vector<T> read_table(const std::filesystem::path& path, const std::vector<std::string_view>& columns,
                          F read_one, Diagnostics& diag) {
    std::vector<T> out;
    try {
        const CsvTable table = CsvTable::read_file(path);
        table.require_columns(columns);
        for (const auto& bad : table.bad_rows()) {
            diag.add(bad);
        }
        std::set<std::string> seen;
        for (const auto& rec : table.records()) {
            try {
                T item = read_one(rec);
                if (!seen.insert(item.id).second) {
                    throw rec.error(fmt::format("duplicate id '{}'", item.id));
                }
                out.push_back(std::move(item));
            } catch (const InputError& e) {
                diag.add(e);
            }
        }
        if (table.records().empty() && table.bad_rows().empty()) {
            diag.add(Location{path.string(), 0, {}}, "no records");
        }
    } catch (const InputError& e) {
        diag.add(e);
    }
    return out;
}

}  // namespace

Dataset read_dataset(const geom::Context& ctx, const GeodataFiles& files, Diagnostics& diag) {
    Dataset ds;
    ds.islands = read_table<Island>(files.gazetteer(),
                                    {"id", "kind", "name_en", "name_ja", "name_ja_latn", "name_ru", "name_ru_latn",
                                     "name_ainu", "group_ru", "subgroup_ru", "group_ja", "points", "point_checked",
                                     "source"},
                                    read_island, diag);
    ds.territories = read_table<Territory>(
        files.territories(), {"id", "kind", "members", "lat_min", "lat_max", "name_en", "name_ja", "name_ru", "source"},
        read_territory, diag);
    ds.events = read_table<Event>(files.events(),
                                  {"id", "name_en", "name_ja", "name_ru", "signed", "signed_julian", "in_force",
                                   "in_force_julian", "ratifications_exchanged", "ratifications_exchanged_julian",
                                   "parties", "effect", "source", "note", "epoch"},
                                  read_event, diag);
    ds.regimes = read_table<Regime>(files.regimes(),
                                    {"id", "holder", "name_en", "name_ja", "name_ru", "valid_from", "valid_to", "source"},
                                    read_regime, diag);
    ds.records = read_table<SovereigntyRecord>(files.sovereignty(),
                                               {"id", "territory", "holder", "regime", "status", "valid_from",
                                                "valid_to", "basis", "source", "note"},
                                               read_record, diag);
    ds.boundaries = read_table<BoundaryDef>(
        files.boundaries(),
        {"id", "name_en", "name_ja", "name_ru", "kind", "basis", "valid_from", "valid_to", "method", "side_a", "side_b",
         "reach_km", "latitude", "pov_neutral", "pov_japan", "pov_russia", "source"},
        read_boundary, diag);
    ds.sources = read_table<Source>(files.sources(), {"id", "kind", "citation", "url"}, read_source, diag);
    ds.places = read_table<Place>(files.places(), {"id", "kind", "island", "lat", "lon", "valid_from", "source", "note"},
                                  read_place, diag);
    ds.place_names = read_table<PlaceName>(
        files.place_names(), {"id", "place", "lang", "name", "valid_from", "valid_to", "basis", "source", "note"},
        read_place_name, diag);
    if (std::filesystem::exists(files.place_seats())) {
        ds.place_seats = read_table<PlaceSeat>(
            files.place_seats(), {"id", "place", "level", "valid_from", "valid_to", "basis", "source", "note"},
            read_place_seat, diag);
    }
    if (std::filesystem::exists(files.island_names())) {
        ds.island_names = read_table<IslandName>(
            files.island_names(), {"id", "island", "lang", "name", "valid_from", "valid_to", "source", "note"},
            read_island_name, diag);
    }
    ds.waters = read_table<Water>(files.waters(), {"id", "kind", "name_en", "name_ja", "name_ru", "lat", "lon", "side_a", "side_b", "reach_km", "source"},
                                  read_water, diag);
    // Mainland entries name land the record does not cover: their land goes to the context layer.
    const auto mainland = std::stable_partition(ds.islands.begin(), ds.islands.end(),
                                                [](const Island& i) { return i.kind != "mainland"; });
    ds.mainland.assign(std::make_move_iterator(mainland), std::make_move_iterator(ds.islands.end()));
    ds.islands.erase(mainland, ds.islands.end());
    ds.land = read_land(ctx, files.land(), diag);
    if (std::filesystem::exists(files.context())) ds.context = read_land(ctx, files.context(), diag);
    if (std::filesystem::exists(files.locator())) ds.locator = read_land(ctx, files.locator(), diag);
    return ds;
}

}  // namespace kuril

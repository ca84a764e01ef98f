#include "derive/atlas.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "derive/boundaries.hpp"
#include "derive/labels.hpp"
#include "derive/validate.hpp"
#include "geom/projection.hpp"

namespace kuril {

Atlas::Atlas(const geom::Context& ctx, const GeodataFiles& files, const Region& region, const Date& today,
             const Progress& progress)
    : ctx_(ctx), region_(region), today_(today) {
    Diagnostics diag;
    progress.step("reading " + files.dir.string());
    ds_ = read_dataset(ctx, files, diag);
    index_ = std::make_unique<TerritoryIndex>(ds_, diag);
    progress.step("checking references and the timeline");
    validate_references(ds_, *index_, diag);
    validate_lanes(ds_, *index_, today_, diag);
    validate_geography(ctx, ds_, region_, diag);
    validate_sources(ds_, diag);
    validate_places(ds_, region_, today_, diag);
    validate_island_names(ds_, diag);
    validate_place_seats(ds_, diag);
    if (!diag.empty()) {
        throw InvalidInputs(std::move(diag));
    }
    progress.step(fmt::format("joining {} land polygons to {} islands", ds_.land.size(), ds_.islands.size()));
    geo_ = std::make_unique<Geography>(ctx, ds_, *index_, region_, diag);
    if (!diag.empty()) {
        throw InvalidInputs(std::move(diag));
    }
    timeline_ = std::make_unique<Timeline>(ds_, *index_);
}

namespace {

// The holders of a territory on a day in each point of view; where its atoms differ, each distinct
// value is listed.
std::array<std::string, 3> views_of(const Timeline& tl, const TerritoryIndex& index, const std::string& territory,
                                    const Date& d) {
    std::array<std::string, 3> out;
    for (std::size_t p = 0; p < 3; ++p) {
        std::vector<std::string> seen;
        for (const auto& atom : index.atoms_of(territory)) {
            const std::string h = tl.view(atom, d, kPovs[p]).holder;
            if (std::find(seen.begin(), seen.end(), h) == seen.end()) {
                seen.push_back(h);
            }
        }
        out[p] = join(seen, " / ");
    }
    return out;
}

const std::vector<Field> kNameFields = {{"name_en", FieldType::string},     {"name_ja", FieldType::string},
                                        {"name_ja_latn", FieldType::string}, {"name_ru", FieldType::string},
                                        {"name_ru_latn", FieldType::string}, {"name_ainu", FieldType::string}};

void set_names(Row& row, const Names& n) {
    row.set("name_en", n.en).set("name_ja", n.ja).set("name_ja_latn", n.ja_latn);
    row.set("name_ru", n.ru).set("name_ru_latn", n.ru_latn).set("name_ainu", n.ainu);
}

void set_views(Row& row, const std::array<std::string, 3>& views) {
    row.set("pov_neutral", views[0]).set("pov_japan", views[1]).set("pov_russia", views[2]);
}

}  // namespace

Layer Atlas::islands() const {
    Layer layer{"islands", "Islands and context land, GSHHG full resolution, joined to the gazetteer",
                GeometryKind::multipolygon, kNameFields, false};
    for (const auto& f : std::vector<Field>{{"kind", FieldType::string},        {"group_ru", FieldType::string},
                                            {"subgroup_ru", FieldType::string}, {"group_ja", FieldType::string},
                                            {"area_km2", FieldType::real},      {"land_polygons", FieldType::integer},
                                            {"pov_neutral", FieldType::string}, {"pov_japan", FieldType::string},
                                            {"pov_russia", FieldType::string},  {"source", FieldType::string}}) {
        layer.fields.push_back(f);
    }
    for (const auto& island : ds_.islands) {
        const auto& land = geo_->islands().at(island.id);
        if (ctx_.is_empty(land.lonlat)) {
            continue;
        }
        Row row(layer);
        set_names(row, island.names);
        row.set("kind", island.kind).set("group_ru", island.group_ru).set("subgroup_ru", island.subgroup_ru);
        row.set("group_ja", island.group_ja).set("area_km2", Value{areas_.km2(ctx_, land.lonlat)});
        row.set("land_polygons", Value{static_cast<long long>(land.pieces.size())});
        set_views(row, views_of(*timeline_, *index_, island.id, today_));
        row.set("source", island.source);
        layer.add(island.id, ctx_.clone(land.lonlat), std::move(row));
    }
    return layer;
}

Layer Atlas::labels() const {
    Layer layer{"labels", "One label point per island, at its pole of inaccessibility", GeometryKind::point,
                kNameFields, false};
    for (const auto& f : std::vector<Field>{{"kind", FieldType::string},
                                            {"group_ru", FieldType::string},
                                            {"group_ja", FieldType::string},
                                            {"area_km2", FieldType::real},
                                            {"label_radius_km", FieldType::real},
                                            {"position", FieldType::string},
                                            {"pov_neutral", FieldType::string},
                                            {"pov_japan", FieldType::string},
                                            {"pov_russia", FieldType::string}}) {
        layer.fields.push_back(f);
    }
    for (const auto& island : ds_.islands) {
        const auto& land = geo_->islands().at(island.id);
        // A named rock that GSHHG full does not resolve is still labelled, at its gazetteer point.
        const bool has_land = !ctx_.is_empty(land.lonlat);
        const auto m = has_land ? measure_island(ctx_, geo_->projection(), land.lonlat)
                                : IslandMeasures{0, island.points.front(), 0};
        Row row(layer);
        set_names(row, island.names);
        row.set("kind", island.kind).set("group_ru", island.group_ru).set("group_ja", island.group_ja);
        row.set("area_km2", Value{m.area_km2}).set("label_radius_km", Value{m.label_radius_km});
        row.set("position", has_land ? "gshhg_full" : "gazetteer_point");
        set_views(row, views_of(*timeline_, *index_, island.id, today_));
        layer.add(island.id, ctx_.point(m.label), std::move(row));
    }
    return layer;
}

Layer Atlas::territories() const {
    Layer layer{"territories", "Territories: islands, parts of Sakhalin and island groups", GeometryKind::multipolygon,
                {{"kind", FieldType::string},
                 {"name_en", FieldType::string},
                 {"name_ja", FieldType::string},
                 {"name_ru", FieldType::string},
                 {"atoms", FieldType::string},
                 {"area_km2", FieldType::real},
                 {"pov_neutral", FieldType::string},
                 {"pov_japan", FieldType::string},
                 {"pov_russia", FieldType::string},
                 {"source", FieldType::string}},
                false};
    auto add = [&](const std::string& id, const Names& names, const std::string& source) {
        geom::Geom land = geo_->territory_land(*index_, id);
        if (ctx_.is_empty(land)) {
            return;
        }
        Row row(layer);
        row.set("kind", index_->kind_of(id)).set("name_en", names.en).set("name_ja", names.ja);
        row.set("name_ru", names.ru).set("atoms", join(index_->atoms_of(id), ";"));
        row.set("area_km2", Value{areas_.km2(ctx_, land)});
        set_views(row, views_of(*timeline_, *index_, id, today_));
        row.set("source", source);
        layer.add(id, std::move(land), std::move(row));
    };
    for (const auto& i : ds_.islands) {
        add(i.id, i.names, i.source);
    }
    for (const auto& t : ds_.territories) {
        add(t.id, t.names, t.source);
    }
    return layer;
}

Layer Atlas::sovereignty() const {
    Layer layer{"sovereignty", "Sovereignty records: who held or claimed each territory, with dates",
                GeometryKind::multipolygon,
                {{"territory", FieldType::string},
                 {"territory_kind", FieldType::string},
                 {"lane", FieldType::string},
                 {"holder", FieldType::string},
                 {"holder_name", FieldType::string},
                 {"regime", FieldType::string},
                 {"status", FieldType::string},
                 {"basis", FieldType::string},
                 {"basis_name", FieldType::string},
                 {"source", FieldType::string},
                 {"note", FieldType::string}},
                true};
    std::map<std::string, geom::Geom> land_cache;
    for (const auto& r : ds_.records) {
        auto it = land_cache.find(r.territory);
        if (it == land_cache.end()) {
            it = land_cache.emplace(r.territory, geo_->territory_land(*index_, r.territory)).first;
        }
        const Event* basis = ds_.event(r.basis);
        Row row(layer);
        row.set("territory", r.territory).set("territory_kind", index_->kind_of(r.territory));
        row.set("lane", std::string(to_string(r.lane()))).set("holder", join(r.holders, ";"));
        row.set("holder_name", timeline_->holder_name(r)).set("regime", join(r.regimes, ";"));
        row.set("status", std::string(to_string(r.status))).set("basis", r.basis);
        row.set("basis_name", basis != nullptr ? basis->names.en : "").set("source", r.source).set("note", r.note);
        layer.add(r.id, ctx_.clone(it->second), std::move(row), r.period);
    }
    return layer;
}

namespace {

// A stretch of days over which nothing about an atom changes: the holder in each view and the record held.
struct Span {
    Date from;
    std::array<View, 3> views;
    const SovereigntyRecord* held;
};

// The atom's spans, from the start of the timeline: a new one on every day something about it changes.
std::vector<Span> spans_of(const Dataset& ds, const TerritoryIndex& index, const Timeline& tl, const std::string& atom) {
    std::set<Date> cuts{kTimelineStart};
    for (const auto& r : ds.records) {
        const auto& atoms = index.atoms_of(r.territory);
        if (std::find(atoms.begin(), atoms.end(), atom) == atoms.end()) continue;
        cuts.insert(r.period.from);
        if (r.period.to) cuts.insert(*r.period.to);
    }
    std::vector<Span> spans;
    for (const Date& d : cuts) {
        std::array<View, 3> v{tl.view(atom, d, Pov::neutral), tl.view(atom, d, Pov::japan), tl.view(atom, d, Pov::russia)};
        const auto* held = tl.held(atom, d);
        if (!spans.empty() && spans.back().views == v && spans.back().held == held) continue;
        spans.push_back(Span{d, v, held});
    }
    return spans;
}

}  // namespace

Layer Atlas::views() const {
    Layer layer{"views", "Who holds each territory in the neutral, Japanese and Russian views, by period",
                GeometryKind::multipolygon,
                {{"territory", FieldType::string},
                 {"island", FieldType::string},
                 {"holder_name", FieldType::string},
                 {"pov_neutral", FieldType::string},
                 {"status_neutral", FieldType::string},
                 {"pov_japan", FieldType::string},
                 {"status_japan", FieldType::string},
                 {"pov_russia", FieldType::string},
                 {"status_russia", FieldType::string},
                 {"basis", FieldType::string}},
                true};
    for (const auto& atom : index_->atoms()) {
        const std::vector<Span> spans = spans_of(ds_, *index_, *timeline_, atom.id);
        const geom::Geom& land = geo_->atom_land(atom.id);
        if (ctx_.is_empty(land)) {
            continue;
        }
        for (std::size_t i = 0; i < spans.size(); ++i) {
            const auto& s = spans[i];
            Interval period{s.from, i + 1 < spans.size() ? std::optional<Date>(spans[i + 1].from) : std::nullopt};
            Row row(layer);
            row.set("territory", atom.id).set("island", atom.island);
            row.set("holder_name", s.held != nullptr ? timeline_->holder_name(*s.held) : "");
            row.set("pov_neutral", s.views[0].holder).set("status_neutral", s.views[0].status);
            row.set("pov_japan", s.views[1].holder).set("status_japan", s.views[1].status);
            row.set("pov_russia", s.views[2].holder).set("status_russia", s.views[2].status);
            row.set("basis", s.held != nullptr ? s.held->basis : "");
            layer.add(fmt::format("{}-{}", atom.id, s.from.iso()), ctx_.clone(land), std::move(row), period);
        }
    }
    return layer;
}

Layer Atlas::epochs() const {
    Layer layer{"epochs", "The days the maps show: each settlement's epoch (events.csv) and today", GeometryKind::multipolygon,
                {{"date", FieldType::string},
                 {"event", FieldType::string},
                 {"name_en", FieldType::string},
                 {"name_ja", FieldType::string},
                 {"name_ru", FieldType::string},
                 {"page", FieldType::integer}},
                false};
    const geom::Geom frame = ctx_.box(region_.west, region_.south, region_.east, region_.north);
    auto add = [&](const Date& day, const Event* e) {
        Row row(layer);
        row.set("date", day.iso()).set("page", Value{static_cast<long long>(layer.features.size() + 1)});
        if (e != nullptr) {
            row.set("event", e->id).set("name_en", e->names.en).set("name_ja", e->names.ja).set("name_ru", e->names.ru);
        } else {
            row.set("name_en", "Today").set("name_ja", "現在").set("name_ru", "Сегодня");
        }
        std::vector<geom::Geom> parts;
        parts.push_back(ctx_.clone(frame));
        layer.add("epoch-" + day.iso(), ctx_.collect(std::move(parts), GEOS_MULTIPOLYGON), std::move(row));
    };
    for (const Event* e : ds_.epochs()) add(*e->epoch, e);
    add(today_, nullptr);
    return layer;
}

Layer Atlas::places() const {
    Layer layer{"places", "Settlements named as a map of the day names them (en, ja, ru), and the seat of government "
                          "each was (territory, district or none), by period",
                GeometryKind::point,
                {{"place", FieldType::string},
                 {"kind", FieldType::string},
                 {"seat", FieldType::string},
                 {"island", FieldType::string},
                 {"name_en", FieldType::string},
                 {"name_ja", FieldType::string},
                 {"name_ru", FieldType::string},
                 {"basis", FieldType::string},
                 {"basis_name", FieldType::string},
                 {"source", FieldType::string},
                 {"note", FieldType::string}},
                true};
    for (const auto& place : ds_.places) {
        std::vector<const PlaceName*> names;
        std::set<Date> cuts{place.valid_from};
        for (const auto& n : ds_.place_names) {
            if (n.place != place.id) continue;
            names.push_back(&n);
            cuts.insert(n.period.from);
            if (n.period.to) cuts.insert(*n.period.to);
        }
        for (const auto& s : ds_.place_seats) {
            if (s.place != place.id) continue;
            cuts.insert(s.period.from);
            if (s.period.to) cuts.insert(*s.period.to);
        }
        for (auto cut = cuts.begin(); cut != cuts.end(); ++cut) {
            const auto next = std::next(cut);
            Row row(layer);
            const PlaceSeat* seat = ds_.seat(place.id, *cut);
            row.set("place", place.id).set("kind", place.kind).set("island", place.island);
            row.set("seat", seat == nullptr ? "" : std::string(to_string(seat->level)));
            std::vector<std::string> sources;
            std::string basis;
            for (const auto* n : names) {
                if (!n->period.contains(*cut)) continue;
                row.set("name_" + n->lang, n->name);
                if (std::find(sources.begin(), sources.end(), n->source) == sources.end()) sources.push_back(n->source);
                if (n->period.from == *cut && !n->basis.empty()) basis = n->basis;
            }
            if (seat != nullptr && std::find(sources.begin(), sources.end(), seat->source) == sources.end()) sources.push_back(seat->source);
            if (basis.empty() && seat != nullptr && seat->period.from == *cut) basis = seat->basis;
            const Event* event = ds_.event(basis);
            row.set("basis", basis).set("basis_name", event != nullptr ? event->names.en : "");
            row.set("source", join(sources, "; ")).set("note", place.note);
            Interval period{*cut, next != cuts.end() ? std::optional<Date>(*next) : std::nullopt};
            layer.add(fmt::format("{}-{}", place.id, cut->iso()), ctx_.point(place.point), std::move(row), period);
        }
    }
    return layer;
}

Layer Atlas::boundaries(Diagnostics* diag) const {
    Layer layer{"boundaries", "Treaty, de facto and claimed boundary lines derived from the coastline",
                GeometryKind::multilinestring,
                {{"name_en", FieldType::string},
                 {"name_ja", FieldType::string},
                 {"name_ru", FieldType::string},
                 {"kind", FieldType::string},
                 {"basis", FieldType::string},
                 {"basis_name", FieldType::string},
                 {"method", FieldType::string},
                 {"side_a", FieldType::string},
                 {"side_b", FieldType::string},
                 {"length_km", FieldType::real},
                 {"pov_neutral", FieldType::string},
                 {"pov_japan", FieldType::string},
                 {"pov_russia", FieldType::string},
                 {"source", FieldType::string}},
                true};
    std::vector<BoundaryDeriver::Derived> lines = BoundaryDeriver(ctx_, *geo_, *index_, region_).derive_all(ds_.boundaries);
    for (std::size_t i = 0; i < ds_.boundaries.size(); ++i) {
        const auto& b = ds_.boundaries[i];
        if (lines[i].error) {
            if (diag == nullptr) throw *lines[i].error;
            diag->add(*lines[i].error);
            continue;
        }
        geom::Geom line = std::move(lines[i].line);
        const double km = ctx_.length(geo_->projection().forward(ctx_, line)) / 1000;
        const Event* basis = ds_.event(b.basis);
        Row row(layer);
        row.set("name_en", b.names.en).set("name_ja", b.names.ja).set("name_ru", b.names.ru).set("kind", b.kind);
        row.set("basis", b.basis).set("basis_name", basis != nullptr ? basis->names.en : "");
        row.set("method", b.method == BoundaryMethod::median ? "median" : "parallel");
        row.set("side_a", b.side_a).set("side_b", b.side_b).set("length_km", Value{km});
        set_views(row, {b.pov_neutral, b.pov_japan, b.pov_russia});
        row.set("source", b.source);
        layer.add(b.id, std::move(line), std::move(row), b.period);
    }
    return layer;
}

Layer Atlas::snapshot(const Date& d, const std::string& name) const {
    Layer layer{name, "Land on " + d.iso() + ", dissolved per holder, status and points of view",
                GeometryKind::multipolygon,
                {{"date", FieldType::string},
                 {"holder", FieldType::string},
                 {"holder_name", FieldType::string},
                 {"status", FieldType::string},
                 {"pov_neutral", FieldType::string},
                 {"pov_japan", FieldType::string},
                 {"pov_russia", FieldType::string},
                 {"territories", FieldType::string},
                 {"area_km2", FieldType::real}},
                false};
    struct Group {
        std::vector<std::string> atoms;
        std::string holder_name;
    };
    std::map<std::array<View, 3>, Group> groups;
    for (const auto& atom : index_->atoms()) {
        std::array<View, 3> key{timeline_->view(atom.id, d, Pov::neutral), timeline_->view(atom.id, d, Pov::japan),
                                timeline_->view(atom.id, d, Pov::russia)};
        auto& g = groups[key];
        g.atoms.push_back(atom.id);
        if (const auto* h = timeline_->held(atom.id, d)) {
            g.holder_name = timeline_->holder_name(*h);
        }
    }
    for (const auto& [key, g] : groups) {
        geom::Geom land = geo_->land_of_atoms(ctx_, *index_, g.atoms);
        if (ctx_.is_empty(land)) {
            continue;
        }
        const double area = areas_.km2(ctx_, land);
        const std::string id = fmt::format("{}-{}", d.iso(), key[0].holder.empty() ? "none" : key[0].holder) +
                               fmt::format("-{}-{}-{}", key[0].status, key[1].holder, key[2].holder);
        Row row(layer);
        row.set("date", d.iso()).set("holder", key[0].holder).set("holder_name", g.holder_name);
        row.set("status", key[0].status);
        set_views(row, {key[0].holder, key[1].holder, key[2].holder});
        row.set("territories", join(g.atoms, ";")).set("area_km2", Value{area});
        layer.add(id, std::move(land), std::move(row));
    }
    return layer;
}

}  // namespace kuril

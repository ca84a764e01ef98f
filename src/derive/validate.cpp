#include "derive/validate.hpp"

#include <algorithm>
#include <map>
#include <regex>

#include <fmt/format.h>

namespace kuril {

namespace {

void check_regimes(const Dataset& ds, const SovereigntyRecord& r, Diagnostics& diag) {
    for (std::size_t i = 0; i < r.regimes.size(); ++i) {
        const Regime* g = ds.regime(r.regimes[i]);
        if (g == nullptr) {
            diag.add(r.where, fmt::format("unknown regime '{}'", r.regimes[i]));
            continue;
        }
        if (g->holder != r.holders[i]) {
            diag.add(r.where, fmt::format("regime '{}' belongs to {}, not to holder {}", g->id, g->holder, r.holders[i]));
        }
        const bool starts_inside = g->period.from <= r.period.from;
        const bool ends_inside = !g->period.to || (r.period.to && *r.period.to <= *g->period.to);
        if (!starts_inside || !ends_inside) {
            diag.add(r.where, fmt::format("period {} is not within regime '{}' {}", r.period.str(), g->id, g->period.str()));
        }
    }
}

// The keys a `source` field cites.
std::vector<std::string> cited_keys(std::string_view field) {
    std::vector<std::string> keys;
    std::size_t start = 0;
    while (start <= field.size()) {
        const std::size_t end = std::min(field.find(';', start), field.size());
        std::string_view item = field.substr(start, end - start);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        keys.emplace_back(item.substr(0, item.find(' ')));
        start = end + 1;
    }
    return keys;
}

void check_cited(const Dataset& ds, const std::string& field, const Location& where, Diagnostics& diag) {
    for (const auto& key : cited_keys(field)) {
        if (key.empty()) {
            diag.add(where, fmt::format("source '{}' has an empty item", field));
        } else if (ds.source(key) == nullptr) {
            diag.add(where, fmt::format("source cites '{}', which is not a key of sources.csv", key));
        }
    }
}

}  // namespace

namespace {

// A citation that a reader can find without a URL: who and what (at least two comma-separated parts) and
// when (a year from 1600 on).
bool full_reference(const std::string& citation) {
    static const std::regex year(R"((^|[^0-9])(1[6-9][0-9][0-9]|20[0-9][0-9])([^0-9]|$))");
    return citation.find(',') != std::string::npos && std::regex_search(citation, year);
}

}  // namespace

void validate_sources(const Dataset& ds, Diagnostics& diag) {
    for (const auto& s : ds.sources) {
        if (s.url.empty() && !full_reference(s.citation)) {
            diag.add(s.where, fmt::format("no url, and the citation '{}' is not a full reference: name who issued or "
                                          "wrote it, its title, and its date or year (a year such as 1951)",
                                          s.citation));
        }
    }
    auto each = [&](const auto& records) {
        for (const auto& r : records) check_cited(ds, r.source, r.where, diag);
    };
    each(ds.islands);
    each(ds.mainland);
    each(ds.territories);
    each(ds.events);
    each(ds.regimes);
    each(ds.records);
    each(ds.boundaries);
    each(ds.places);
    each(ds.place_names);
    each(ds.island_names);
    each(ds.place_seats);
    each(ds.waters);
}

void validate_island_names(const Dataset& ds, Diagnostics& diag) {
    for (std::size_t i = 0; i < ds.island_names.size(); ++i) {
        const IslandName& n = ds.island_names[i];
        if (ds.island(n.island) == nullptr) diag.add(n.where, fmt::format("unknown island '{}'", n.island));
        for (std::size_t j = 0; j < i; ++j) {
            const IslandName& m = ds.island_names[j];
            if (m.island == n.island && m.lang == n.lang && m.period.overlaps(n.period)) {
                diag.add(n.where, fmt::format("{} overlaps '{}' ({}), another name of '{}' in '{}'", n.period.str(), m.id,
                                              m.period.str(), n.island, n.lang));
            }
        }
    }
}

void validate_place_seats(const Dataset& ds, Diagnostics& diag) {
    for (std::size_t i = 0; i < ds.place_seats.size(); ++i) {
        const PlaceSeat& s = ds.place_seats[i];
        const Place* p = ds.place(s.place);
        if (p == nullptr) {
            diag.add(s.where, fmt::format("unknown place '{}'", s.place));
        } else if (s.period.from < p->valid_from) {
            diag.add(s.where, fmt::format("{} starts before '{}' is named ({})", s.period.str(), s.place, p->valid_from.iso()));
        }
        if (!s.basis.empty() && ds.event(s.basis) == nullptr) diag.add(s.where, fmt::format("unknown basis event '{}'", s.basis));
        for (std::size_t j = 0; j < i; ++j) {
            const PlaceSeat& o = ds.place_seats[j];
            if (o.place == s.place && o.period.overlaps(s.period)) {
                diag.add(s.where, fmt::format("{} overlaps '{}' ({}), another seat of '{}': a place is a seat of one "
                                              "level at a time", s.period.str(), o.id, o.period.str(), s.place));
            }
        }
    }
}

void validate_places(const Dataset& ds, const Region& region, const Date& today, Diagnostics& diag) {
    std::map<std::pair<std::string, std::string>, std::vector<const PlaceName*>> lanes;
    for (const auto& p : ds.places) {
        if (ds.island(p.island) == nullptr) {
            diag.add(p.where, fmt::format("unknown island '{}'", p.island));
        }
        if (!region.contains(p.point)) {
            diag.add(p.where, fmt::format("point ({} {}) lies outside the region", p.point.y, p.point.x));
        }
        if (today < p.valid_from) {
            diag.add(p.where, fmt::format("valid_from {} is after today ({})", p.valid_from.iso(), today.iso()));
        }
        for (const auto& lang : kPlaceLanguages) lanes[{p.id, lang}];
    }
    for (const auto& n : ds.place_names) {
        if (ds.place(n.place) == nullptr) {
            diag.add(n.where, fmt::format("unknown place '{}'", n.place));
            continue;
        }
        if (!n.basis.empty() && ds.event(n.basis) == nullptr) {
            diag.add(n.where, fmt::format("unknown basis event '{}'", n.basis));
        }
        lanes[{n.place, n.lang}].push_back(&n);
    }
    for (auto& [key, names] : lanes) {
        const Place* place = ds.place(key.first);
        std::stable_sort(names.begin(), names.end(),
                         [](const auto* a, const auto* b) { return a->period.from < b->period.from; });
        if (names.empty()) {
            diag.add(place->where, fmt::format("place '{}' has no name in '{}'", key.first, key.second));
            continue;
        }
        Date covered = place->valid_from;
        for (const auto* n : names) {
            if (n->period.from < covered) {
                diag.add(n->where, fmt::format("{} overlaps the names of '{}' in '{}' before {}", n->period.str(),
                                               key.first, key.second, covered.iso()));
            } else if (covered < n->period.from) {
                diag.add(n->where, fmt::format("gap in the '{}' names of '{}': nothing from {} to {}", key.second,
                                               key.first, covered.iso(), n->period.from.iso()));
            }
            if (!n->period.to) {
                covered = Date{9999, 12, 31};
            } else if (covered < *n->period.to) {
                covered = *n->period.to;
            }
        }
        if (covered < Date{9999, 12, 31}) {
            diag.add(names.back()->where, fmt::format("gap in the '{}' names of '{}': nothing from {} to today",
                                                      key.second, key.first, covered.iso()));
        }
    }
}

void validate_references(const Dataset& ds, const TerritoryIndex& index, Diagnostics& diag) {
    for (const auto& r : ds.records) {
        if (!index.known(r.territory)) {
            diag.add(r.where, fmt::format("unknown territory '{}' (not an island, part or group)", r.territory));
        }
        if (ds.event(r.basis) == nullptr) {
            diag.add(r.where, fmt::format("unknown basis event '{}'", r.basis));
        }
        check_regimes(ds, r, diag);
    }
    for (const auto& b : ds.boundaries) {
        if (ds.event(b.basis) == nullptr) {
            diag.add(b.where, fmt::format("unknown basis event '{}'", b.basis));
        }
        for (const auto* side : {&b.side_a, &b.side_b}) {
            if (!side->empty() && !index.known(*side)) {
                diag.add(b.where, fmt::format("unknown territory '{}'", *side));
            }
        }
    }
    for (const auto& i : ds.islands) {
        if (i.kind == "island" && i.group_ru.empty()) {
            diag.add(i.where, "an island of the chain needs group_ru");
        }
    }
}

void validate_lanes(const Dataset& ds, const TerritoryIndex& index, const Date& today, Diagnostics& diag) {
    // atom -> lane -> records
    std::map<std::string, std::map<Lane, std::vector<const SovereigntyRecord*>>> lanes;
    for (const auto& r : ds.records) {
        if (r.period.from < kTimelineStart) {
            diag.add(r.where, fmt::format("valid_from {} is before the timeline opens on {}", r.period.from.iso(),
                                          kTimelineStart.iso()));
        }
        if (today < r.period.from) {
            diag.add(r.where, fmt::format("valid_from {} is after today ({})", r.period.from.iso(), today.iso()));
        }
        for (const auto& atom : index.atoms_of(r.territory)) {
            lanes[atom][r.lane()].push_back(&r);
        }
    }
    for (const auto& atom : index.atoms()) {
        auto& held = lanes[atom.id][Lane::held];
        if (held.empty()) {
            const Island* isl = ds.island(atom.island);
            diag.add(isl != nullptr ? isl->where : Location{},
                     fmt::format("'{}' has no held-lane sovereignty record (no holder from {})", atom.id,
                                 kTimelineStart.iso()));
        }
        for (auto& [lane, recs] : lanes[atom.id]) {
            std::stable_sort(recs.begin(), recs.end(),
                             [](const auto* a, const auto* b) { return a->period.from < b->period.from; });
            for (std::size_t i = 1; i < recs.size(); ++i) {
                const auto* prev = recs[i - 1];
                const auto* cur = recs[i];
                if (!prev->period.to || cur->period.from < *prev->period.to) {
                    diag.add(cur->where, fmt::format("{} overlaps record '{}' {} on '{}' in the {} lane", cur->period.str(),
                                                     prev->id, prev->period.str(), atom.id, to_string(lane)));
                } else if (lane == Lane::held && *prev->period.to < cur->period.from) {
                    diag.add(cur->where, fmt::format("gap on '{}' in the held lane: nothing from {} (end of '{}') to {}",
                                                     atom.id, prev->period.to->iso(), prev->id, cur->period.from.iso()));
                }
            }
            if (lane != Lane::held || recs.empty()) {
                continue;
            }
            if (kTimelineStart < recs.front()->period.from) {
                diag.add(recs.front()->where,
                         fmt::format("gap on '{}' in the held lane: nothing from {} to {}", atom.id,
                                     kTimelineStart.iso(), recs.front()->period.from.iso()));
            }
            if (const auto* last = recs.back(); last->period.to) {
                diag.add(last->where, fmt::format("gap on '{}' in the held lane: nothing from {} to today", atom.id,
                                                  last->period.to->iso()));
            }
        }
    }
}

void validate_geography(const geom::Context& ctx, const Dataset& ds, const Region& region, Diagnostics& diag) {
    auto inside = [&](geom::XY p) {
        return p.x >= region.west && p.x <= region.east && p.y >= region.south && p.y <= region.north;
    };
    for (const auto& i : ds.islands) {
        for (const auto& p : i.points) {
            if (!inside(p)) {
                diag.add(i.where, fmt::format("point ({} {}) lies outside the region", p.y, p.x));
            }
        }
    }
    auto first_outside = [&](const geom::Geom& g) -> std::optional<geom::XY> {
        for (const auto& poly : ctx.polygons(g)) {
            for (const auto& ring : poly) {
                auto it = std::find_if(ring.begin(), ring.end(), [&](geom::XY p) { return !inside(p); });
                if (it != ring.end()) {
                    return *it;
                }
            }
        }
        return std::nullopt;
    };
    for (const auto& piece : ds.land) {
        if (const auto p = first_outside(piece.geometry)) {
            diag.add(piece.where, fmt::format("position ({}, {}) lies outside the region", p->x, p->y));
        }
    }
}

}  // namespace kuril

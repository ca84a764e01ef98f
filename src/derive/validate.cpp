#include "derive/validate.hpp"

#include <algorithm>
#include <map>

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

}  // namespace

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

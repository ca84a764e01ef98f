#include "derive/geography.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

namespace kuril {

namespace {
// A source coordinate ("src" in the reference) may sit in the sea just off its rock: accept the nearest
// land polygon within this distance.
constexpr double kSnapMetres = 1500;
}  // namespace

geom::Geom collect_polygons(const geom::Context& ctx, const std::vector<const geom::Geom*>& parts) {
    std::vector<geom::Geom> polys;
    for (const auto* g : parts) {
        for (auto& p : ctx.parts(*g)) {
            if (ctx.type(p) == GEOS_POLYGON && !ctx.is_empty(p)) {
                polys.push_back(std::move(p));
            }
        }
    }
    return ctx.collect(std::move(polys), GEOS_MULTIPOLYGON);
}

Geography::Geography(const geom::Context& ctx, const Dataset& ds, const TerritoryIndex& index, const Region& region,
                     Diagnostics& diag)
    : ctx_(ctx),
      projection_(geom::Projection::local({(region.west + region.east) / 2, (region.south + region.north) / 2})) {
    const std::size_t n = ds.land.size();
    std::vector<geom::Geom> projected;
    projected.reserve(n);
    for (const auto& piece : ds.land) {
        projected.push_back(projection_.forward(ctx, piece.geometry));
    }
    std::vector<geom::Context::Prepared> prepared;
    prepared.reserve(n);
    for (const auto& g : projected) {
        prepared.push_back(ctx.prepare(g));
    }
    std::vector<const Island*> owner(n, nullptr);

    // 1. Pieces that contain an island's point. Two islands on one piece is an error in the gazetteer.
    struct Pending {
        const Island* island;
        geom::XY lonlat;
    };
    std::vector<Pending> pending;
    std::map<std::string, std::size_t> found;
    for (const auto& island : ds.islands) {
        for (const auto& ll : island.points) {
            const geom::Geom pt = ctx.point(projection_.forward(ll));
            std::size_t hit = n;
            for (std::size_t i = 0; i < n && hit == n; ++i) {
                if (prepared[i].contains(pt)) {
                    hit = i;
                }
            }
            if (hit == n) {
                pending.push_back({&island, ll});
                continue;
            }
            if (owner[hit] != nullptr && owner[hit] != &island) {
                diag.add(island.where, fmt::format("point ({} {}) falls on land piece '{}' that island '{}' already owns",
                                                   ll.y, ll.x, ds.land[hit].id, owner[hit]->id));
                continue;
            }
            owner[hit] = &island;
            ++found[island.id];
        }
    }
    // 1b. Points in the sea (source coordinates of rocks): the nearest unowned piece within kSnapMetres,
    // closest pairs first, so two nearby rocks never take the same polygon.
    struct Candidate {
        double metres;
        std::size_t pending;
        std::size_t piece;
    };
    std::vector<Candidate> candidates;
    for (std::size_t k = 0; k < pending.size(); ++k) {
        const geom::Geom pt = ctx.point(projection_.forward(pending[k].lonlat));
        for (std::size_t i = 0; i < n; ++i) {
            const double d = prepared[i].distance(pt);
            if (d <= kSnapMetres && owner[i] == nullptr) {
                candidates.push_back({d, k, i});
            }
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return a.metres != b.metres ? a.metres < b.metres : a.piece < b.piece;
    });
    std::vector<bool> resolved(pending.size(), false);
    for (const auto& c : candidates) {
        if (resolved[c.pending] || owner[c.piece] != nullptr) {
            continue;
        }
        resolved[c.pending] = true;
        owner[c.piece] = pending[c.pending].island;
        ++found[pending[c.pending].island->id];
    }
    for (const auto& island : ds.islands) {
        islands_[island.id].named_pieces = found[island.id];
        if (found[island.id] == 0) {
            no_land_.push_back(island.id);
        }
    }

    // 2. Unnamed islets: the nearest island that owns land.
    std::vector<std::size_t> owned;
    for (std::size_t i = 0; i < n; ++i) {
        if (owner[i] != nullptr) {
            owned.push_back(i);
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (owner[i] != nullptr) {
            continue;
        }
        double best_d = std::numeric_limits<double>::infinity();
        const Island* best = nullptr;
        for (std::size_t j : owned) {
            const double d = prepared[j].distance(projected[i]);
            if (d < best_d) {
                best_d = d;
                best = owner[j];
            }
        }
        owner[i] = best;
    }

    // 3. Island and atom land.
    std::map<std::string, std::vector<const geom::Geom*>> parts;
    for (std::size_t i = 0; i < n; ++i) {
        if (owner[i] != nullptr) {
            parts[owner[i]->id].push_back(&ds.land[i].geometry);
            islands_[owner[i]->id].pieces.push_back(ds.land[i].id);
        }
    }
    for (const auto& island : ds.islands) {
        islands_[island.id].lonlat = collect_polygons(ctx, parts[island.id]);
    }
    for (const auto& atom : index.atoms()) {
        const geom::Geom& land = islands_[atom.island].lonlat;
        if (!atom.lat_min && !atom.lat_max) {
            atoms_.emplace(atom.id, ctx.clone(land));
            continue;
        }
        const geom::Geom band = ctx.box(region.west - 1, atom.lat_min.value_or(-90), region.east + 1, atom.lat_max.value_or(90));
        const geom::Geom cut = ctx.intersection(land, band);
        atoms_.emplace(atom.id, collect_polygons(ctx, {&cut}));
    }
}

const geom::Geom& Geography::atom_land(std::string_view atom) const {
    auto it = atoms_.find(atom);
    if (it == atoms_.end()) {
        throw Error(fmt::format("no land for territory atom '{}'", atom));
    }
    return it->second;
}

geom::Geom Geography::territory_land(const TerritoryIndex& index, std::string_view territory) const {
    // Parts of one island touch along their cut: where a territory holds every part of an island, take
    // the island's land whole, so the result stays a valid MultiPolygon (OGC: parts meet only at points).
    const auto& atoms = index.atoms_of(territory);
    std::vector<const geom::Geom*> parts;
    std::vector<std::string> whole_islands;
    for (const auto& a : atoms) {
        const Atom* atom = index.atom(a);
        const bool is_part = atom != nullptr && atom->island != atom->id;
        if (!is_part) {
            parts.push_back(&atom_land(a));
            continue;
        }
        const auto& siblings = index.atoms_of(atom->island);
        const bool all = std::all_of(siblings.begin(), siblings.end(), [&](const std::string& s) {
            return std::find(atoms.begin(), atoms.end(), s) != atoms.end();
        });
        if (!all) {
            parts.push_back(&atom_land(a));
        } else if (std::find(whole_islands.begin(), whole_islands.end(), atom->island) == whole_islands.end()) {
            whole_islands.push_back(atom->island);
            parts.push_back(&islands_.at(atom->island).lonlat);
        }
    }
    return collect_polygons(ctx_, parts);
}

}  // namespace kuril

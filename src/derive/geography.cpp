#include "derive/geography.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "util/error.hpp"

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

namespace {

// The land pieces in the region's local projection, prepared for point-in-polygon and distance tests.
struct ProjectedLand {
    std::vector<geom::Geom> pieces;
    std::vector<geom::Context::Prepared> prepared;
};

ProjectedLand project_land(const geom::Context& ctx, const geom::Projection& projection, const Dataset& ds) {
    ProjectedLand out;
    out.pieces.reserve(ds.land.size());
    for (const auto& piece : ds.land) {
        out.pieces.push_back(projection.forward(ctx, piece.geometry));
    }
    out.prepared.reserve(ds.land.size());
    for (const auto& g : out.pieces) {
        out.prepared.push_back(ctx.prepare(g));
    }
    return out;
}

// Which island owns each land piece (nullptr: none yet), and how many pieces each island's points found.
struct Ownership {
    std::vector<const Island*> owner;
    std::map<std::string, std::size_t> found;
};

struct SeaPoint {
    const Island* island;
    geom::XY lonlat;
};

// 1. Pieces that contain an island's point. Two islands on one piece is an error in the gazetteer. Returns
// the points that fall in the sea.
std::vector<SeaPoint> own_by_points(const geom::Context& ctx, const geom::Projection& projection, const Dataset& ds,
                                    const ProjectedLand& land, Ownership& own, Diagnostics& diag) {
    const std::size_t n = land.pieces.size();
    std::vector<SeaPoint> sea;
    std::vector<const Island*> entries;
    for (const auto& island : ds.islands) entries.push_back(&island);
    for (const auto& m : ds.mainland) entries.push_back(&m);
    for (const Island* entry : entries) {
        const Island& island = *entry;
        for (const auto& ll : island.points) {
            const geom::Geom pt = ctx.point(projection.forward(ll));
            std::size_t hit = n;
            for (std::size_t i = 0; i < n && hit == n; ++i) {
                if (land.prepared[i].contains(pt)) hit = i;
            }
            if (hit == n) {
                sea.push_back({&island, ll});
                continue;
            }
            if (own.owner[hit] != nullptr && own.owner[hit] != &island) {
                diag.add(island.where, fmt::format("point ({} {}) falls on land piece '{}' that island '{}' already owns",
                                                   ll.y, ll.x, ds.land[hit].id, own.owner[hit]->id));
                continue;
            }
            own.owner[hit] = &island;
            ++own.found[island.id];
        }
    }
    return sea;
}

// 1b. Points in the sea (source coordinates of rocks): the nearest unowned piece within kSnapMetres,
// closest pairs first, so two nearby rocks never take the same polygon.
void own_by_sea_points(const geom::Context& ctx, const geom::Projection& projection, const ProjectedLand& land,
                       const std::vector<SeaPoint>& sea, Ownership& own) {
    struct Candidate {
        double metres;
        std::size_t point;
        std::size_t piece;
    };
    std::vector<Candidate> candidates;
    for (std::size_t k = 0; k < sea.size(); ++k) {
        const geom::Geom pt = ctx.point(projection.forward(sea[k].lonlat));
        for (std::size_t i = 0; i < land.pieces.size(); ++i) {
            const double d = land.prepared[i].distance(pt);
            if (d <= kSnapMetres && own.owner[i] == nullptr) candidates.push_back({d, k, i});
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return a.metres != b.metres ? a.metres < b.metres : a.piece < b.piece;
    });
    std::vector<bool> resolved(sea.size(), false);
    for (const auto& c : candidates) {
        if (resolved[c.point] || own.owner[c.piece] != nullptr) continue;
        resolved[c.point] = true;
        own.owner[c.piece] = sea[c.point].island;
        ++own.found[sea[c.point].island->id];
    }
}

// 2. Unnamed islets: the nearest island that owns land.
void own_islets(const ProjectedLand& land, Ownership& own) {
    const std::size_t n = land.pieces.size();
    std::vector<std::size_t> owned;
    for (std::size_t i = 0; i < n; ++i) {
        if (own.owner[i] != nullptr) owned.push_back(i);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (own.owner[i] != nullptr) continue;
        double best_d = std::numeric_limits<double>::infinity();
        const Island* best = nullptr;
        for (std::size_t j : owned) {
            const double d = land.prepared[j].distance(land.pieces[i]);
            if (d < best_d) {
                best_d = d;
                best = own.owner[j];
            }
        }
        own.owner[i] = best;
    }
}

}  // namespace

Geography::Geography(const geom::Context& ctx, const Dataset& ds, const TerritoryIndex& index, const Region& region,
                     Diagnostics& diag)
    : ctx_(ctx),
      projection_(geom::Projection::local(kProjectionCentre)) {
    const ProjectedLand land = project_land(ctx, projection_, ds);
    Ownership own{std::vector<const Island*>(ds.land.size(), nullptr), {}};
    const std::vector<SeaPoint> sea = own_by_points(ctx, projection_, ds, land, own, diag);
    own_by_sea_points(ctx, projection_, land, sea, own);
    for (const auto& island : ds.islands) {
        islands_[island.id].named_pieces = own.found[island.id];
        if (own.found[island.id] == 0) no_land_.push_back(island.id);
    }
    for (const auto& m : ds.mainland) {
        if (own.found[m.id] == 0) no_land_.push_back(m.id);
    }
    own_islets(land, own);
    build_land(ds, index, region, own.owner);
    build_mainland(ds, region, own.owner);
}

// 4. The mainland's land, for a strait along its coast: its pieces in the record frame united with the context
// land that continues them outside it (GSHHG high, cut at the frame: the seam dissolves), clipped to 1° round
// the frame. The clip's edges lie farther from the record's land than any strait's reach.
void Geography::build_mainland(const Dataset& ds, const Region& region, const std::vector<const Island*>& owner) {
    const double margin = 1;
    for (const auto& m : ds.mainland) {
        std::vector<geom::Geom> mine;
        for (std::size_t i = 0; i < owner.size(); ++i) {
            if (owner[i] != nullptr && owner[i]->id == m.id) mine.push_back(ctx_.clone(ds.land[i].geometry));
        }
        if (mine.empty()) continue;
        const geom::Geom own = ctx_.collect(std::move(mine), GEOS_GEOMETRYCOLLECTION);
        std::vector<geom::Geom> parts;
        parts.push_back(ctx_.clone(own));
        for (const auto& piece : ds.context) {
            geom::Geom near = ctx_.clip_by_rect(piece.geometry, region.west - margin, region.south - margin,
                                                region.east + margin, region.north + margin);
            if (!ctx_.is_empty(near) && ctx_.distance(near, own) < 1e-6) parts.push_back(std::move(near));
        }
        mainland_land_.emplace(m.id, ctx_.unary_union(ctx_.collect(std::move(parts), GEOS_GEOMETRYCOLLECTION)));
    }
}

// 3. Island and atom land. A geometry failure names the island or the atom and its band of latitude.
void Geography::build_land(const Dataset& ds, const TerritoryIndex& index, const Region& region,
                           const std::vector<const Island*>& owner) {
    std::map<std::string, std::vector<const geom::Geom*>> parts;
    for (std::size_t i = 0; i < owner.size(); ++i) {
        if (owner[i] != nullptr && owner[i]->kind == "mainland") {
            mainland_.push_back(&ds.land[i].geometry);
        } else if (owner[i] != nullptr) {
            parts[owner[i]->id].push_back(&ds.land[i].geometry);
            islands_[owner[i]->id].pieces.push_back(ds.land[i].id);
        }
    }
    for (const auto& island : ds.islands) {
        try {
            islands_[island.id].lonlat = collect_polygons(ctx_, parts[island.id]);
        } catch (const GeometryError& e) {
            throw GeometryError(fmt::format("island '{}' ({} land pieces): {}", island.id, parts[island.id].size(), e.what()));
        }
    }
    for (const auto& atom : index.atoms()) {
        const geom::Geom& land = islands_[atom.island].lonlat;
        if (!atom.lat_min && !atom.lat_max) {
            atoms_.emplace(atom.id, ctx_.clone(land));
            continue;
        }
        const double south = atom.lat_min.value_or(-90), north = atom.lat_max.value_or(90);
        try {
            const geom::Geom band = ctx_.box(region.west - 1, south, region.east + 1, north);
            const geom::Geom cut = ctx_.intersection(land, band);
            atoms_.emplace(atom.id, collect_polygons(ctx_, {&cut}));
        } catch (const GeometryError& e) {
            throw GeometryError(fmt::format("territory atom '{}' (island '{}' between {}°N and {}°N): {}", atom.id,
                                            atom.island, south, north, e.what()));
        }
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
    return territory_land(ctx_, index, territory);
}

geom::Geom Geography::territory_land(const geom::Context& ctx, const TerritoryIndex& index,
                                     std::string_view territory) const {
    if (const auto m = mainland_land_.find(territory); m != mainland_land_.end()) return ctx.clone(m->second);
    return land_of_atoms(ctx, index, index.atoms_of(territory));
}

geom::Geom Geography::land_of_atoms(const geom::Context& ctx, const TerritoryIndex& index,
                                    const std::vector<std::string>& atoms) const {
    // Parts of one island touch along their cut, so they are never collected side by side (OGC: the parts of a
    // MultiPolygon meet only at points): all of an island's parts give the island's land whole, some of them
    // their union, one of them itself — in the place of the island's first part. Distinct islands never
    // touch (GSHHG's polygons are disjoint), so no overlay is needed for them.
    std::map<std::string, std::vector<const geom::Geom*>> pieces;  // of the islands cut into parts
    for (const auto& a : atoms) {
        const Atom* atom = index.atom(a);
        if (atom != nullptr && atom->island != atom->id) pieces[atom->island].push_back(&atom_land(a));
    }
    std::vector<const geom::Geom*> parts;
    std::vector<geom::Geom> unions;
    unions.reserve(pieces.size());
    for (const auto& a : atoms) {
        const Atom* atom = index.atom(a);
        if (atom == nullptr || atom->island == atom->id) {
            parts.push_back(&atom_land(a));
            continue;
        }
        const auto it = pieces.find(atom->island);
        if (it == pieces.end()) continue;  // the island is in already
        if (it->second.size() == index.atoms_of(atom->island).size()) {
            parts.push_back(&islands_.at(atom->island).lonlat);
        } else if (it->second.size() == 1) {
            parts.push_back(it->second.front());
        } else {
            unions.push_back(ctx.unary_union(collect_polygons(ctx, it->second)));
            parts.push_back(&unions.back());
        }
        pieces.erase(it);
    }
    return collect_polygons(ctx, parts);
}

}  // namespace kuril

#include "derive/territory_index.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace kuril {

TerritoryIndex::TerritoryIndex(const Dataset& ds, Diagnostics& diag) {
    add_islands_and_parts(ds, diag);
    // Groups, resolved recursively with cycle detection.
    Groups groups;
    for (const auto& t : ds.territories) {
        if (t.kind == "group" && ds.island(t.id) == nullptr) {
            groups[t.id] = &t;
        }
    }
    std::set<std::string> visiting;
    for (const auto& [id, g] : groups) {
        resolve_group(*g, groups, visiting, diag);
    }
    std::sort(atoms_.begin(), atoms_.end(), [](const Atom& a, const Atom& b) { return a.id < b.id; });
}

// The atoms: each part of an island (a band of latitude), and each island without parts, whole.
void TerritoryIndex::add_islands_and_parts(const Dataset& ds, Diagnostics& diag) {
    std::map<std::string, std::vector<std::string>> parts_of;  // island -> its parts
    for (const auto& t : ds.territories) {
        if (ds.island(t.id) != nullptr) {
            diag.add(t.where, fmt::format("id '{}' is already an island id in the gazetteer", t.id));
            continue;
        }
        if (t.kind != "part") continue;
        if (ds.island(t.members.front()) == nullptr) {
            diag.add(t.where, fmt::format("unknown island '{}'", t.members.front()));
            continue;
        }
        parts_of[t.members.front()].push_back(t.id);
        atoms_.push_back(Atom{t.id, t.members.front(), t.lat_min, t.lat_max});
        resolved_[t.id] = {t.id};
        kinds_[t.id] = "part";
    }
    for (const auto& i : ds.islands) {
        kinds_[i.id] = "island";
        if (auto it = parts_of.find(i.id); it != parts_of.end()) {
            resolved_[i.id] = it->second;
        } else {
            atoms_.push_back(Atom{i.id, i.id, std::nullopt, std::nullopt});
            resolved_[i.id] = {i.id};
        }
    }
}

// A group's atoms, through its member groups; false (and a problem in `diag`) where a member is unknown or
// the group contains itself.
bool TerritoryIndex::resolve_group(const Territory& g, const Groups& groups, std::set<std::string>& visiting,
                                   Diagnostics& diag) {
    if (resolved_.count(g.id) > 0) {
        return true;
    }
    if (!visiting.insert(g.id).second) {
        diag.add(g.where, fmt::format("group '{}' contains itself", g.id));
        return false;
    }
    std::vector<std::string> atoms;
    bool ok = true;
    for (const auto& m : g.members) {
        if (auto r = resolved_.find(m); r != resolved_.end()) {
            atoms.insert(atoms.end(), r->second.begin(), r->second.end());
        } else if (auto gi = groups.find(m); gi != groups.end()) {
            if (resolve_group(*gi->second, groups, visiting, diag)) {
                const auto& sub = resolved_[m];
                atoms.insert(atoms.end(), sub.begin(), sub.end());
            } else {
                ok = false;
            }
        } else {
            diag.add(g.where, fmt::format("unknown member '{}'", m));
            ok = false;
        }
    }
    visiting.erase(g.id);
    std::sort(atoms.begin(), atoms.end());
    if (std::adjacent_find(atoms.begin(), atoms.end()) != atoms.end()) {
        diag.add(g.where, "a member is listed twice (directly or through a group)");
    }
    atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
    if (ok) {
        resolved_[g.id] = std::move(atoms);
        kinds_[g.id] = "group";
    }
    return ok;
}

const std::vector<std::string>& TerritoryIndex::atoms_of(std::string_view territory) const {
    static const std::vector<std::string> none;
    auto it = resolved_.find(std::string(territory));
    return it == resolved_.end() ? none : it->second;
}

const Atom* TerritoryIndex::atom(std::string_view id) const {
    auto it = std::lower_bound(atoms_.begin(), atoms_.end(), id, [](const Atom& a, std::string_view v) { return a.id < v; });
    return it != atoms_.end() && it->id == id ? &*it : nullptr;
}

std::string TerritoryIndex::kind_of(std::string_view territory) const {
    auto it = kinds_.find(std::string(territory));
    return it == kinds_.end() ? "" : it->second;
}

}  // namespace kuril

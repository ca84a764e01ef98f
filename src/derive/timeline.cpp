#include "derive/timeline.hpp"

#include <algorithm>

namespace kuril {

std::string_view to_string(Pov p) {
    switch (p) {
        case Pov::neutral: return "neutral";
        case Pov::japan: return "japan";
        case Pov::russia: return "russia";
    }
    return "?";
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i > 0) {
            out += sep;
        }
        out += v[i];
    }
    return out;
}

Timeline::Timeline(const Dataset& ds, const TerritoryIndex& index) : ds_(ds) {
    for (const auto& r : ds.records) {
        for (const auto& atom : index.atoms_of(r.territory)) {
            by_atom_[atom].push_back(&r);
        }
    }
}

const SovereigntyRecord* Timeline::held(std::string_view atom, const Date& d) const {
    auto it = by_atom_.find(atom);
    if (it == by_atom_.end()) {
        return nullptr;
    }
    for (const auto* r : it->second) {
        if (r->lane() == Lane::held && r->period.contains(d)) {
            return r;
        }
    }
    return nullptr;
}

const SovereigntyRecord* Timeline::claim(std::string_view atom, const Date& d, std::string_view party) const {
    auto it = by_atom_.find(atom);
    if (it == by_atom_.end()) {
        return nullptr;
    }
    for (const auto* r : it->second) {
        if (r->lane() == Lane::claim && r->period.contains(d) && r->holders.front() == party) {
            return r;
        }
    }
    return nullptr;
}

View Timeline::view(std::string_view atom, const Date& d, Pov pov) const {
    if (pov != Pov::neutral) {
        const std::string_view party = pov == Pov::japan ? "japan" : "russia";
        if (const auto* c = claim(atom, d, party)) {
            if (c->status == Status::renounced) {
                return View{"undetermined", "undetermined"};
            }
            return View{std::string(party), "claimed"};
        }
    }
    const auto* h = held(atom, d);
    if (h == nullptr) {
        return View{};
    }
    return View{join(h->holders, ";"), std::string(to_string(h->status))};
}

std::string Timeline::holder_name(const SovereigntyRecord& r) const {
    std::vector<std::string> names;
    for (const auto& id : r.regimes) {
        const Regime* g = ds_.regime(id);
        names.push_back(g != nullptr ? g->names.en : id);
    }
    return join(names, "; ");
}

}  // namespace kuril

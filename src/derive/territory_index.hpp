#pragma once
// Resolves every territory id (an island, a part of an island, or a group) to its atoms: the smallest
// units that sovereignty is checked on. An island with parts (Sakhalin) resolves to its parts.
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "model/dataset.hpp"
#include "util/diagnostics.hpp"

namespace kuril {

struct Atom {
    std::string id;      // the island id, or the part's id
    std::string island;  // the gazetteer island the land comes from
    std::optional<double> lat_min;
    std::optional<double> lat_max;
};

class TerritoryIndex {
public:
    // Reports unknown members, cycles and ids used twice to `diag`.
    TerritoryIndex(const Dataset& ds, Diagnostics& diag);

    [[nodiscard]] bool known(std::string_view territory) const { return resolved_.count(std::string(territory)) > 0; }
    // The atom ids of a territory (sorted); empty for an unknown id.
    [[nodiscard]] const std::vector<std::string>& atoms_of(std::string_view territory) const;
    [[nodiscard]] const std::vector<Atom>& atoms() const noexcept { return atoms_; }
    [[nodiscard]] const Atom* atom(std::string_view id) const;
    // The territory kind: island | part | group.
    [[nodiscard]] std::string kind_of(std::string_view territory) const;

private:
    using Groups = std::map<std::string, const Territory*>;
    void add_islands_and_parts(const Dataset& ds, Diagnostics& diag);
    bool resolve_group(const Territory& g, const Groups& groups, std::set<std::string>& visiting, Diagnostics& diag);

    std::vector<Atom> atoms_;
    std::map<std::string, std::vector<std::string>> resolved_;
    std::map<std::string, std::string> kinds_;
};

}  // namespace kuril

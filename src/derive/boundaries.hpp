#pragma once
// Treaty and de facto boundary lines, derived from the land geometry:
// - median: the equidistant line between the coasts of two sides within a strait. The coasts are
//   sampled densely, a Voronoi diagram of the samples is built (GEOS), and the line is where cells of
//   one side meet cells of the other, kept where both sides are within `reach` of it.
// - parallel: a parallel of latitude across one side's land, coast to coast.
#include <optional>
#include <string>
#include <vector>

#include "derive/geography.hpp"
#include "derive/territory_index.hpp"
#include "geom/geos.hpp"
#include "model/dataset.hpp"
#include "model/region.hpp"
#include "util/error.hpp"

namespace kuril {

// Derives lines, each distinct (method, sides, reach, latitude) once — several records share a line (the
// Iturup-Urup median is the 1855 treaty line and Japan's claimed line since 1952) — the distinct lines on
// all cores, each thread with a GEOS context and a PROJ projection of its own.
class BoundaryDeriver {
public:
    BoundaryDeriver(const geom::Context& ctx, const Geography& geo, const TerritoryIndex& index, const Region& region)
        : ctx_(ctx), geo_(geo), index_(index), region_(region) {}

    // A definition's line: a (Multi)LineString in lon/lat, owned by the deriver's context; or, where the
    // sides have no water between them within reach, the InputError (at the definition's location).
    struct Derived {
        geom::Geom line;
        std::optional<InputError> error;
    };
    // One result per definition, in their order. Other failures (GEOS, PROJ) are thrown.
    [[nodiscard]] std::vector<Derived> derive_all(const std::vector<BoundaryDef>& defs) const;
    // One definition's line; throws its InputError.
    [[nodiscard]] geom::Geom derive(const BoundaryDef& def) const;

private:
    const geom::Context& ctx_;
    const Geography& geo_;
    const TerritoryIndex& index_;
    const Region& region_;
};

}  // namespace kuril

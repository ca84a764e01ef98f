#pragma once
// Treaty and de facto boundary lines, derived from the land geometry:
// - median: the equidistant line between the coasts of two sides within a strait. The coasts are
//   sampled densely, a Voronoi diagram of the samples is built (GEOS), and the line is where cells of
//   one side meet cells of the other, kept where both sides are within `reach` of it.
// - parallel: a parallel of latitude across one side's land, coast to coast.
#include <map>
#include <string>

#include "derive/geography.hpp"
#include "derive/territory_index.hpp"
#include "geom/geos.hpp"
#include "model/dataset.hpp"
#include "model/region.hpp"

namespace kuril {

// Derives lines, each distinct (method, sides, reach, latitude) once: several records share a line
// (the Iturup-Urup median is the 1855 treaty line and Japan's claimed line since 1952).
class BoundaryDeriver {
public:
    BoundaryDeriver(const geom::Context& ctx, const Geography& geo, const TerritoryIndex& index, const Region& region)
        : ctx_(ctx), geo_(geo), index_(index), region_(region) {}

    // A (Multi)LineString in lon/lat. Throws InputError (at the definition's location) when the sides
    // have no water between them within reach.
    [[nodiscard]] geom::Geom derive(const BoundaryDef& def);

private:
    const geom::Context& ctx_;
    const Geography& geo_;
    const TerritoryIndex& index_;
    const Region& region_;
    std::map<std::string, geom::Geom> cache_;
};

}  // namespace kuril

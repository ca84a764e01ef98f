#pragma once
// The area a feature's rings enclose, rebuilt as valid polygons on the tile's integer grid by a
// scanline polygon clipper (Clipper 6, Vatti's algorithm on integer coordinates): each ring's own
// area under the non-zero rule (a ring twisted into lobes keeps every lobe), the exteriors' union
// minus the holes' union; no ring passes through a vertex twice, and rings touch each other only at
// vertices they share (never a vertex inside another's edge).
// Crossings are noded at points rounded to the grid, which can, rarely, leave a new crossing: callers
// test the result (PolygonRepair does, with GEOS) before trusting it.
#include <vector>

#include "tiles/mvt/builder.hpp"

namespace kuril::tiles {

using IPolygon = std::vector<IRing>;  // exterior first (positive area, y down), then holes (negative)

// Oriented as MVT 2.1 §4.3.4.4 wants; each polygon's exterior first, then its holes. Empty when the
// rings enclose no area, or when the clipper reports a failure (never a part of the area left out).
[[nodiscard]] std::vector<IPolygon> grid_union(const std::vector<IPolygon>& polys);

}  // namespace kuril::tiles

#pragma once
// The area a feature's rings enclose, rebuilt as valid polygons on the tile's integer grid by a
// scanline polygon clipper (Clipper 6, Vatti's algorithm on integer coordinates): each ring's own
// area under the non-zero rule (a ring twisted into lobes keeps every lobe), the exteriors' union
// minus the holes' union; no ring passes through a vertex twice, and rings touch each other only at
// vertices they share (never a vertex inside another's edge).
// Crossings are noded at points rounded to the grid, which can, rarely, leave a new crossing: callers
// test the result (PolygonRepair does, with GEOS) before trusting it.
#include <optional>
#include <vector>

#include "tiles/mvt/builder.hpp"

namespace kuril::tiles {

using IPolygon = std::vector<IRing>;  // exterior first (positive area, y down), then holes (negative)

// Oriented as MVT 2.1 §4.3.4.4 wants; each polygon's exterior first, then its holes. Empty when the
// rings enclose no area, or when the clipper reports a failure (never a part of the area left out).
[[nodiscard]] std::vector<IPolygon> grid_union(const std::vector<IPolygon>& polys);

// The polygons with their touches made valid, as grid_union leaves its result: every vertex that lies
// inside an edge made a vertex of it, and every ring that passes through a vertex twice cut there into
// loops (an exterior's loops of its own orientation become polygons, the others its holes). What OGC
// validity forbids and snapping most often makes (a ring touching itself at a point), mended without
// the clipper. Crossings and overlaps stay as they were: callers test the result. Nullopt when a part
// with area would be left out (a loop whose lobes cancel out, a hole outside every exterior, a
// polygon with no exterior left): no area is ever dropped on this path.
[[nodiscard]] std::optional<std::vector<IPolygon>> cut_touches(std::vector<IPolygon> polys);

}  // namespace kuril::tiles

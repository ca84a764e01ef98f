#pragma once
// A quick proof that a feature's polygons on a tile's integer grid are valid (OGC Simple Features
// polygon validity, which MVT 2.1 §4.3.4.4 asks of polygon geometry), in exact integer arithmetic.
// It proves the plain case only — no two edges meet except neighbours in a ring at their shared
// point, every hole inside its shell and outside the other holes, no shell inside another polygon's
// interior — and says "not proven" for everything else (rings that touch, spikes, anything over its
// work budget), which GEOS then decides. So it never calls an invalid feature valid: what it passes,
// GEOS passes (tests/tiles/engine/validity_test.cpp checks that on random polygons).
#include <vector>

#include "tiles/engine/grid_union.hpp"  // IPolygon

namespace kuril::tiles {

// True when the polygons (each an exterior followed by its holes, rings closed, any orientation) are
// certainly valid as one multipolygon; false when that is not proven here.
[[nodiscard]] bool proven_valid(const std::vector<IPolygon>& polys);

}  // namespace kuril::tiles

#pragma once
// The orientation test on a tile's integer grid, exact: the one cross product of the engine's integer
// geometry (validity proofs, the cuts and point-in-ring tests of grid_union).
#include <cstdint>

#include "tiles/mvt/builder.hpp"  // IPt

namespace kuril::tiles {

// Twice the signed area of o, p, q: positive when q is left of o→p (y up), zero when the three are on one
// line. Exact for coordinates within ±2^30 (each product below 2^62).
[[nodiscard]] inline std::int64_t cross(const IPt& o, const IPt& p, const IPt& q) {
    return (std::int64_t{p.x} - o.x) * (std::int64_t{q.y} - o.y) - (std::int64_t{p.y} - o.y) * (std::int64_t{q.x} - o.x);
}

}  // namespace kuril::tiles

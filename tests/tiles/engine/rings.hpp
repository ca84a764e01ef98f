#pragma once
// Rings on a tile's grid for the engine's tests: the points given, closed.
#include <initializer_list>

#include "tiles/mvt/builder.hpp"

namespace kuril::tiles::test {

inline IRing closed_ring(std::initializer_list<IPt> pts) {
    IRing r(pts);
    r.push_back(r.front());
    return r;
}

}  // namespace kuril::tiles::test

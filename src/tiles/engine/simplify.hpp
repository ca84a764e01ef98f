#pragma once
// Douglas–Peucker simplification in tile units that never moves or drops a fixed point, and picks
// among equally distant points by coordinates, not by direction: a border shared by two features
// (the same points between the same fixed ends, one way or the other) simplifies identically on both.
#include "tiles/engine/source.hpp"

namespace kuril::tiles {

void simplify_line(Path& line, double tolerance);
void simplify_ring(Path& ring, double tolerance);  // closed ring in, closed ring out

}  // namespace kuril::tiles

#pragma once
// Geometry that crosses the antimeridian. RFC 7946 §3.1.9 asks writers to split such geometry at
// ±180°, but inputs often draw it the short way across (an edge from 179.5° to −179.5°). Read naively,
// that edge runs 359° the other way round the world. In the Web Mercator unit square an edge longer
// than half the width (0.5) is taken to cross the antimeridian, as ogr2ogr -wrapdateline does: the
// geometry is unwrapped into one continuous piece, cut at x = 0 and x = 1, and each part shifted back.
#include <vector>

#include "tiles/engine/source.hpp"

namespace kuril::tiles {

// True when a consecutive pair of points is more than half the world apart in x.
[[nodiscard]] bool crosses_antimeridian(const Path& path);

// The polygon split into parts inside [0, 1]; the cut edges are marked fixed. A ring that does not close
// after unwrapping goes round a pole (a polar cap, an Antarctica drawn as one ring): it is closed along
// the pole, at the edge of Web Mercator's range (y = 0 or 1), and then split like any other.
[[nodiscard]] std::vector<PolygonPaths> split_polygon_at_antimeridian(const PolygonPaths& polygon);

// The line split into parts inside [0, 1].
[[nodiscard]] std::vector<Path> split_line_at_antimeridian(const Path& line);

}  // namespace kuril::tiles

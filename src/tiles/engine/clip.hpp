#pragma once
// Clipping to an axis-aligned box (Sutherland–Hodgman, one box edge at a time). Points created on the
// box edges are marked fixed. Intersections are computed from the segment's endpoints in a canonical
// order, so two features sharing a segment get bit-identical clip points.
#include <cstdint>
#include <vector>

#include "tiles/engine/source.hpp"

namespace kuril::tiles {

struct Box {
    double x0, y0, x1, y1;
};

// A closed ring clipped to the box: closed, or empty when nothing of it is inside.
[[nodiscard]] Path clip_ring(const Path& ring, const Box& box);
// A line clipped to the box: the parts inside it.
[[nodiscard]] std::vector<Path> clip_line(const Path& line, const Box& box);
// A polygon (exterior + holes) clipped: empty when its exterior is outside the box.
[[nodiscard]] PolygonPaths clip_polygon(const PolygonPaths& polygon, const Box& box);
// Any geometry clipped: the points inside, the parts of lines and polygons inside.
[[nodiscard]] Geometry clip_geometry(const Geometry& geometry, const Box& box);

// Tile z/x/y in the unit square, grown by `buffer` tile units (of `extent` across) on every side.
[[nodiscard]] Box tile_box(int z, std::uint32_t x, std::uint32_t y, std::uint32_t buffer, std::uint32_t extent);

}  // namespace kuril::tiles

#pragma once
// What the tiler takes: layers of features whose geometry is already projected, once, to the Web
// Mercator unit square (x east from -180°, y south from the north edge, both 0..1), and whose
// attributes are MVT values.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "tiles/attribute.hpp"

namespace kuril::tiles {

struct Pt {
    double x = 0;
    double y = 0;
    bool fixed = false;  // kept by simplification: ends of borders shared with another feature, clip points
};
using Path = std::vector<Pt>;          // a line, or a closed ring (first == last)
using PolygonPaths = std::vector<Path>;  // exterior ring first, then holes

enum class GeomKind { point, line, polygon };

// A feature's geometry: points, lines or polygons (one kind is filled).
struct Geometry {
    std::vector<Pt> points;
    std::vector<Path> lines;
    std::vector<PolygonPaths> polygons;
    [[nodiscard]] bool empty() const { return points.empty() && lines.empty() && polygons.empty(); }
};

struct SourceFeature : Geometry {
    std::uint64_t id = 0;
    GeomKind kind = GeomKind::polygon;
    std::vector<Attribute> attributes;
    std::uint32_t seq = 0;     // a point feature's number in the input (tiles/engine/thinning.hpp)
    std::uint8_t minzoom = 0;  // a point feature's first zoom: not in the tiles of lower zooms
};

struct SourceLayer {
    std::string name;
    std::string description;
    int minzoom = 0;
    int maxzoom = 14;
    std::vector<SourceFeature> features;
};

// Web Mercator (EPSG:3857) in the unit square; latitudes are limited to ±85.0511287798°.
[[nodiscard]] Pt mercator(double lon, double lat);
[[nodiscard]] double mercator_lat(double y);  // inverse, for bounds

// Marks as fixed every vertex where a border shared by two or more of the layer's features starts or
// ends, so that simplification keeps both sides of a shared border identical. `distinct` lists the
// features to look at, each geometry once: copies of one geometry (a dated layer's periods of one
// island) are tiled once, and counted as neighbours they would share every vertex, hiding the ends of
// the borders they share with others. Only the listed features are marked.
void mark_shared_borders(SourceLayer& layer, const std::vector<std::size_t>& distinct);

}  // namespace kuril::tiles

#pragma once
// Where the record's land comes from: GSHHG full resolution inside the record frame (a union of rectangles
// round the Kuril chain, Hokkaido and Sakhalin), and the context land around it, at GSHHG high resolution,
// inside the context region less the record frame. A polygon edge that lies on one of these frames is a
// clip edge, never a coast.
#include <vector>

#include "geom/geos.hpp"

namespace kuril {

struct Region {
    double west = 0;
    double east = 0;
    double south = 0;
    double north = 0;

    [[nodiscard]] bool contains(geom::XY p) const { return p.x >= west && p.x <= east && p.y >= south && p.y <= north; }
};

// A union of rectangles (they may share edges, not overlap).
struct Frame {
    std::vector<Region> parts;

    [[nodiscard]] Region bounds() const;
    [[nodiscard]] bool contains(geom::XY p) const;
    // True when the segment p–q lies along the boundary of one of the rectangles (within `tolerance` degrees).
    [[nodiscard]] bool on_edge(geom::XY p, geom::XY q, double tolerance = 1e-7) const;
};

// The chain (141–157.5° E, 41.3–51.5° N), western Hokkaido with Okushiri (139–141° E, 41.3–46° N), and
// northern Sakhalin to Cape Elizabeth (141–145° E, 51.5–54.5° N).
inline const Frame kRecordFrame{{{141.0, 157.5, 41.3, 51.5}, {139.0, 141.0, 41.3, 46.0}, {141.0, 145.0, 51.5, 54.5}}};

// The record frame's bounding box: the region the product covers.
inline constexpr Region kKurilRegion{139.0, 157.5, 41.3, 54.5};

// The centre of the local projection in which land is joined to the gazetteer and lines are derived: the
// chain's centre (149.25° E, 46.4° N).
inline constexpr geom::XY kProjectionCentre{149.25, 46.4};

// The context land: the Asian mainland from Korea and Manchuria to the Sea of Okhotsk's northern shore, all of
// Kamchatka, Hokkaido and northern Honshu.
inline constexpr Region kContextRegion{120.0, 178.0, 33.0, 64.0};

// The locator maps' western Pacific: from the South China Sea and the Philippines to the Bering Sea and Chukotka.
inline constexpr Region kLocatorRegion{105.0, 180.0, 12.0, 66.0};

}  // namespace kuril

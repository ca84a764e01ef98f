#pragma once
// The region the product covers: the whole Kuril chain, eastern Hokkaido, Sakhalin, the tip of Kamchatka.

#include "geom/geos.hpp"

namespace kuril {

struct Region {
    double west = 0;
    double east = 0;
    double south = 0;
    double north = 0;

    [[nodiscard]] bool contains(geom::XY p) const { return p.x >= west && p.x <= east && p.y >= south && p.y <= north; }
};

inline constexpr Region kKurilRegion{141.0, 157.5, 41.3, 51.5};

}  // namespace kuril

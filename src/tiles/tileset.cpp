#include "tiles/tileset.hpp"

#include <map>

namespace kuril::tiles {

std::vector<ZoomReduction> TileSet::reductions() const {
    std::map<int, ZoomReduction> by_zoom;
    for (const auto& t : tiles) {
        if (!t.reduction.any()) continue;
        auto& r = by_zoom[t.address.z];
        r.zoom = t.address.z;
        ++r.tiles;
        if (t.reduction.dropped > 0) ++r.tiles_with_drops;
        r.features_dropped += t.reduction.dropped;
    }
    std::vector<ZoomReduction> out;
    for (const auto& [z, r] : by_zoom) out.push_back(r);
    return out;
}

}  // namespace kuril::tiles

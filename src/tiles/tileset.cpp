#include "tiles/tileset.hpp"

#include "tiles/tile_store.hpp"

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

std::string_view TileSet::gz(const Tile& t, std::string& buffer) const {
    if (t.stored.length == 0) return t.gz;
    store->read(t.stored, buffer);
    return buffer;
}

std::string_view TileSet::content_key(const Tile& t) {
    if (t.stored.length == 0) return t.gz;
    return {reinterpret_cast<const char*>(&t.stored.offset), sizeof t.stored.offset};
}

}  // namespace kuril::tiles

namespace kuril::tiles {

std::uint64_t PointThinningReport::kept(int z) const {
    std::uint64_t n = 0;
    for (int i = 0; i <= z && i < static_cast<int>(first_zooms.size()); ++i) n += first_zooms[static_cast<std::size_t>(i)];
    return n;
}

}  // namespace kuril::tiles

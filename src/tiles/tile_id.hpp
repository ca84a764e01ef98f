#pragma once
// Tile addresses: z/x/y (XYZ, y down from the north), the TMS row of MBTiles 1.3, and the Hilbert
// tile id of PMTiles v3 (ids count all tiles of lower zooms first, then the Hilbert index within z).
#include <compare>
#include <cstdint>

namespace kuril::tiles {

struct TileAddress {
    std::uint8_t z = 0;
    std::uint32_t x = 0;
    std::uint32_t y = 0;
    friend auto operator<=>(const TileAddress&, const TileAddress&) = default;
};

// PMTiles v3 §"TileID": sum of 4^i for i < z, plus the Hilbert curve index of (x, y) at zoom z.
[[nodiscard]] std::uint64_t pmtiles_id(const TileAddress& t);
[[nodiscard]] TileAddress from_pmtiles_id(std::uint64_t id);
// MBTiles 1.3: tile_row counts from the south (TMS).
[[nodiscard]] inline std::uint32_t tms_row(const TileAddress& t) { return ((1U << t.z) - 1U) - t.y; }

}  // namespace kuril::tiles

#include <catch2/catch.hpp>

#include "tiles/tile_id.hpp"

using namespace kuril::tiles;

TEST_CASE("PMTiles v3 tile ids follow the Hilbert curve, zoom by zoom", "[tiles][pmtiles]") {
    CHECK(pmtiles_id({0, 0, 0}) == 0);
    // Zoom 1 in Hilbert order (PMTiles v3 spec): (0,0), (0,1), (1,1), (1,0).
    CHECK(pmtiles_id({1, 0, 0}) == 1);
    CHECK(pmtiles_id({1, 0, 1}) == 2);
    CHECK(pmtiles_id({1, 1, 1}) == 3);
    CHECK(pmtiles_id({1, 1, 0}) == 4);
    CHECK(pmtiles_id({2, 0, 0}) == 5);
    for (std::uint8_t z = 0; z <= 14; ++z) {
        const std::uint32_t n = 1U << z;
        for (std::uint32_t k = 0; k < 50; ++k) {
            const TileAddress t{z, (k * 7919U) % n, (k * 104729U) % n};
            CHECK(from_pmtiles_id(pmtiles_id(t)) == t);
        }
    }
}

TEST_CASE("MBTiles rows count from the south (TMS)", "[tiles][mbtiles]") {
    CHECK(tms_row({0, 0, 0}) == 0);
    CHECK(tms_row({3, 5, 0}) == 7);
    CHECK(tms_row({14, 0, 16383}) == 0);
}

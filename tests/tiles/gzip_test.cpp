// gzip (RFC 1952) of tiles with libdeflate (tiles/gzip).
#include <catch2/catch.hpp>

#include "tiles/gzip.hpp"

using namespace kuril::tiles;

TEST_CASE("gzip: round trip, and the result holds no more memory than its bytes", "[tiles][gzip]") {
    std::string mvt;
    for (int i = 0; i < 20000; ++i) mvt += "feature " + std::to_string(i % 50) + ";";
    const std::string z = gzip(mvt);
    CHECK(is_gzip(z));
    CHECK(z.size() < mvt.size() / 10);
    CHECK(gunzip(z) == mvt);
    // The compressor's bound is about the input's size; a set of tiles keeps only the compressed bytes
    // (a world z0-10 run: 77 MB of them, where the bounds would have held three times that).
    CHECK(z.capacity() < z.size() + 64);
}

#include "tiles/tile_id.hpp"

#include <utility>

namespace kuril::tiles {

namespace {
void rotate(std::uint64_t n, std::uint64_t& x, std::uint64_t& y, std::uint64_t rx, std::uint64_t ry) {
    if (ry == 0) {
        if (rx == 1) {
            x = n - 1 - x;
            y = n - 1 - y;
        }
        std::swap(x, y);
    }
}
}  // namespace

std::uint64_t pmtiles_id(const TileAddress& t) {
    std::uint64_t acc = 0;
    for (std::uint8_t i = 0; i < t.z; ++i) {
        acc += (1ULL << i) * (1ULL << i);
    }
    const std::uint64_t n = 1ULL << t.z;
    std::uint64_t x = t.x;
    std::uint64_t y = t.y;
    std::uint64_t d = 0;
    for (std::uint64_t s = n / 2; s > 0; s /= 2) {
        const std::uint64_t rx = (x & s) > 0 ? 1 : 0;
        const std::uint64_t ry = (y & s) > 0 ? 1 : 0;
        d += s * s * ((3 * rx) ^ ry);
        rotate(n, x, y, rx, ry);
    }
    return acc + d;
}

TileAddress from_pmtiles_id(std::uint64_t id) {
    std::uint64_t acc = 0;
    std::uint8_t z = 0;
    while (true) {
        const std::uint64_t count = (1ULL << z) * (1ULL << z);
        if (acc + count > id) {
            break;
        }
        acc += count;
        ++z;
    }
    const std::uint64_t n = 1ULL << z;
    std::uint64_t t = id - acc;
    std::uint64_t x = 0;
    std::uint64_t y = 0;
    for (std::uint64_t s = 1; s < n; s *= 2) {
        const std::uint64_t rx = 1 & (t / 2);
        const std::uint64_t ry = 1 & (t ^ rx);
        rotate(s, x, y, rx, ry);
        x += s * rx;
        y += s * ry;
        t /= 4;
    }
    return TileAddress{z, static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y)};
}

}  // namespace kuril::tiles

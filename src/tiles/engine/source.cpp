#include "tiles/engine/source.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace kuril::tiles {

Pt mercator(double lon, double lat) {
    constexpr double kMaxLat = 85.0511287798066;
    const double phi = std::clamp(lat, -kMaxLat, kMaxLat) * M_PI / 180;
    return Pt{(lon + 180) / 360, (1 - std::log(std::tan(phi) + 1 / std::cos(phi)) / M_PI) / 2, false};
}

double mercator_lat(double y) { return std::atan(std::sinh(M_PI * (1 - 2 * y))) * 180 / M_PI; }

namespace {

// A vertex's position as one 64-bit key (the bits of x and y, mixed). Two positions that differ share a
// key with a chance of about one in 2^64 per pair; if they did, one more vertex would be kept by
// simplification, nothing worse.
std::uint64_t vertex_key(const Pt& p) {
    std::uint64_t x = 0;
    std::uint64_t y = 0;
    std::memcpy(&x, &p.x, sizeof x);
    std::memcpy(&y, &p.y, sizeof y);
    std::uint64_t h = x * 0x9E3779B97F4A7C15ULL;
    h ^= (y + 0x632BE59BD9B4E019ULL + (h << 6U) + (h >> 2U)) * 0xC2B2AE3D27D4EB4FULL;
    return h ^ (h >> 29U);
}

struct VertexUse {
    std::uint64_t key;
    std::uint32_t feature;
    bool operator<(const VertexUse& o) const { return key != o.key ? key < o.key : feature < o.feature; }
};

template <typename F>
void each_path(SourceFeature& f, F fn) {
    for (auto& l : f.lines) {
        fn(l);
    }
    for (auto& poly : f.polygons) {
        for (auto& r : poly) {
            fn(r);
        }
    }
}

// The vertices used by two or more features, found by sorting (key, feature) pairs: 16 bytes a vertex,
// where a hash map of positions took about 64 (and was the peak memory of a world run).
std::vector<std::uint64_t> shared_vertices(SourceLayer& layer, const std::vector<std::size_t>& distinct) {
    std::vector<VertexUse> uses;
    for (const std::size_t fi : distinct) {
        each_path(layer.features[fi], [&](Path& p) {
            for (const auto& pt : p) uses.push_back({vertex_key(pt), static_cast<std::uint32_t>(fi)});
        });
    }
    std::sort(uses.begin(), uses.end());
    std::vector<std::uint64_t> shared;
    for (std::size_t i = 0; i < uses.size();) {
        std::size_t j = i + 1;
        bool several = false;
        for (; j < uses.size() && uses[j].key == uses[i].key; ++j) several = several || uses[j].feature != uses[i].feature;
        if (several) shared.push_back(uses[i].key);
        i = j;
    }
    return shared;
}

}  // namespace

void mark_shared_borders(SourceLayer& layer, const std::vector<std::size_t>& distinct) {
    if (distinct.size() < 2) return;
    const std::vector<std::uint64_t> users = shared_vertices(layer, distinct);
    if (users.empty()) return;
    for (const std::size_t fi : distinct) {
        each_path(layer.features[fi], [&](Path& p) {
            const std::size_t n = p.size();
            if (n < 2) {
                return;
            }
            const bool closed = p.front().x == p.back().x && p.front().y == p.back().y;
            const std::size_t m = closed ? n - 1 : n;
            auto shared = [&](std::size_t i) { return std::binary_search(users.begin(), users.end(), vertex_key(p[i])); };
            for (std::size_t i = 0; i < m; ++i) {
                if (!shared(i)) {
                    continue;
                }
                const bool has_prev = closed || i > 0;
                const bool has_next = closed || i + 1 < m;
                const bool prev_shared = has_prev && shared((i + m - 1) % m);
                const bool next_shared = has_next && shared((i + 1) % m);
                if (!prev_shared || !next_shared) {
                    p[i].fixed = true;
                }
            }
            if (closed) {
                p.back().fixed = p.front().fixed;
            }
        });
    }
}

}  // namespace kuril::tiles

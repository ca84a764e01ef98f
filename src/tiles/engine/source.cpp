#include "tiles/engine/source.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace kuril::tiles {

Pt mercator(double lon, double lat) {
    constexpr double kMaxLat = 85.0511287798066;
    const double phi = std::clamp(lat, -kMaxLat, kMaxLat) * M_PI / 180;
    return Pt{(lon + 180) / 360, (1 - std::log(std::tan(phi) + 1 / std::cos(phi)) / M_PI) / 2, false};
}

double mercator_lat(double y) { return std::atan(std::sinh(M_PI * (1 - 2 * y))) * 180 / M_PI; }

namespace {
struct Key {
    double x;
    double y;
    bool operator==(const Key& o) const { return x == o.x && y == o.y; }
};
struct KeyHash {
    std::size_t operator()(const Key& k) const {
        return std::hash<double>()(k.x) * 31 + std::hash<double>()(k.y);
    }
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
}  // namespace

void mark_shared_borders(SourceLayer& layer) {
    // How many features use each vertex.
    std::unordered_map<Key, std::pair<std::size_t, std::size_t>, KeyHash> users;  // count, last feature
    for (std::size_t fi = 0; fi < layer.features.size(); ++fi) {
        each_path(layer.features[fi], [&](Path& p) {
            for (const auto& pt : p) {
                auto& u = users[Key{pt.x, pt.y}];
                if (u.first == 0 || u.second != fi) {
                    ++u.first;
                    u.second = fi;
                }
            }
        });
    }
    for (auto& f : layer.features) {
        each_path(f, [&](Path& p) {
            const std::size_t n = p.size();
            if (n < 2) {
                return;
            }
            const bool closed = p.front().x == p.back().x && p.front().y == p.back().y;
            const std::size_t m = closed ? n - 1 : n;
            auto shared = [&](std::size_t i) { return users[Key{p[i].x, p[i].y}].first >= 2; };
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

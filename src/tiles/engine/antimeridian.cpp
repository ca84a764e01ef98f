#include "tiles/engine/antimeridian.hpp"

#include <algorithm>
#include <cmath>

#include "tiles/engine/clip.hpp"

namespace kuril::tiles {

namespace {

constexpr double kHalfWorld = 0.5;

// Each point moved by whole widths so that no step is longer than half the world.
Path unwrap(const Path& path) {
    Path out = path;
    double shift = 0;
    for (std::size_t i = 1; i < out.size(); ++i) {
        const double step = path[i].x - path[i - 1].x;
        if (step > kHalfWorld) shift -= 1;
        if (step < -kHalfWorld) shift += 1;
        out[i].x = path[i].x + shift;
    }
    return out;
}

// A ring round a pole ends, unwrapped, a whole world east or west of where it starts. It is closed along
// the pole: along the edge of Web Mercator's square nearest it (y = 0 for the north pole, y = 1 for the
// south), from its last point's meridian back to its first's. Which pole: the one of the hemisphere the
// ring lies in (the mean of its y), since rings drawn round a pole do not agree on a winding order.
void close_round_pole(Path& r) {
    double sum_y = 0;
    for (const auto& p : r) sum_y += p.y;
    const double pole_y = sum_y / static_cast<double>(r.size()) < 0.5 ? 0.0 : 1.0;
    const Pt first = r.front();
    const Pt last = r.back();
    r.push_back(Pt{last.x, pole_y, true});
    r.push_back(Pt{first.x, pole_y, true});
    r.push_back(first);
}

void shift_x(Path& path, double dx) {
    for (auto& p : path) p.x += dx;
}

struct Span {
    double lo = 0;
    double hi = 0;
};

Span span(const std::vector<Path>& paths) {
    Span s{paths.front().front().x, paths.front().front().x};
    for (const auto& p : paths) {
        for (const auto& pt : p) {
            s.lo = std::min(s.lo, pt.x);
            s.hi = std::max(s.hi, pt.x);
        }
    }
    return s;
}

}  // namespace

bool crosses_antimeridian(const Path& path) {
    for (std::size_t i = 1; i < path.size(); ++i) {
        if (std::abs(path[i].x - path[i - 1].x) > kHalfWorld) return true;
    }
    return false;
}

std::vector<PolygonPaths> split_polygon_at_antimeridian(const PolygonPaths& polygon) {
    PolygonPaths unwrapped;
    double centre = 0;  // of the exterior
    for (const auto& ring : polygon) {
        Path r = unwrap(ring);
        if (r.front().x != r.back().x) {
            close_round_pole(r);
        }
        if (unwrapped.empty()) {
            const Span s = span({r});
            centre = (s.lo + s.hi) / 2;
        } else {
            // A hole lies inside the exterior: bring it to the same copy of the world.
            shift_x(r, std::round(centre - r.front().x));
        }
        unwrapped.push_back(std::move(r));
    }
    const Span s = span(unwrapped);
    std::vector<PolygonPaths> parts;
    for (double k = std::floor(s.lo); k < s.hi; k += 1) {
        PolygonPaths part = clip_polygon(unwrapped, Box{k, -1, k + 1, 2});
        if (part.empty()) continue;
        for (auto& r : part) shift_x(r, -k);
        parts.push_back(std::move(part));
    }
    return parts;
}

std::vector<Path> split_line_at_antimeridian(const Path& line) {
    const Path unwrapped = unwrap(line);
    const Span s = span({unwrapped});
    std::vector<Path> parts;
    for (double k = std::floor(s.lo); k < s.hi; k += 1) {
        for (auto& part : clip_line(unwrapped, Box{k, -1, k + 1, 2})) {
            shift_x(part, -k);
            parts.push_back(std::move(part));
        }
    }
    return parts;
}

}  // namespace kuril::tiles

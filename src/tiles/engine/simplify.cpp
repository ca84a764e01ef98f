#include "tiles/engine/simplify.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace kuril::tiles {

namespace {

double seg_dist2(const Pt& p, const Pt& a, const Pt& b) {
    double x = a.x;
    double y = a.y;
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    if (dx != 0 || dy != 0) {
        const double t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy);
        if (t > 1) {
            x = b.x;
            y = b.y;
        } else if (t > 0) {
            x += dx * t;
            y += dy * t;
        }
    }
    const double ex = p.x - x;
    const double ey = p.y - y;
    return ex * ex + ey * ey;
}

bool before(const Pt& a, const Pt& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }

// Marks in `keep` the points of idx[first..last] that Douglas–Peucker keeps (the ends are kept).
void dp(const Path& p, const std::vector<std::size_t>& idx, std::vector<bool>& keep, double tol2) {
    std::vector<std::pair<std::size_t, std::size_t>> stack{{0, idx.size() - 1}};
    while (!stack.empty()) {
        const auto [first, last] = stack.back();
        stack.pop_back();
        double max_d = -1;
        std::size_t best = 0;
        const Pt& a = p[idx[first]];
        const Pt& b = p[idx[last]];
        // The segment measured the same way in both directions: from its smaller end.
        const bool flip = before(b, a);
        for (std::size_t k = first + 1; k < last; ++k) {
            const Pt& q = p[idx[k]];
            const double d = flip ? seg_dist2(q, b, a) : seg_dist2(q, a, b);
            if (d > max_d || (d == max_d && before(q, p[idx[best]]))) {
                max_d = d;
                best = k;
            }
        }
        if (max_d > tol2) {
            keep[idx[best]] = true;
            stack.emplace_back(first, best);
            stack.emplace_back(best, last);
        }
    }
}

}  // namespace

void simplify_line(Path& line, double tolerance) {
    const std::size_t n = line.size();
    if (n < 3) {
        return;
    }
    std::vector<bool> keep(n, false);
    keep[0] = keep[n - 1] = true;
    std::vector<std::size_t> anchors{0};
    for (std::size_t i = 1; i + 1 < n; ++i) {
        if (line[i].fixed) {
            keep[i] = true;
            anchors.push_back(i);
        }
    }
    anchors.push_back(n - 1);
    std::vector<std::size_t> idx;
    for (std::size_t a = 0; a + 1 < anchors.size(); ++a) {
        idx.clear();
        for (std::size_t i = anchors[a]; i <= anchors[a + 1]; ++i) {
            idx.push_back(i);
        }
        dp(line, idx, keep, tolerance * tolerance);
    }
    Path out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (keep[i]) {
            out.push_back(line[i]);
        }
    }
    line = std::move(out);
}

void simplify_ring(Path& ring, double tolerance) {
    if (ring.size() < 5) {
        return;
    }
    const std::size_t m = ring.size() - 1;  // distinct points
    std::vector<bool> keep(m, false);
    std::vector<std::size_t> anchors;
    for (std::size_t i = 0; i < m; ++i) {
        if (ring[i].fixed) {
            anchors.push_back(i);
        }
    }
    if (anchors.size() < 2) {
        // No shared border here: anchor at the first point and the point farthest from it.
        const std::size_t a0 = anchors.empty() ? 0 : anchors.front();
        std::size_t far = a0;
        double best = -1;
        for (std::size_t i = 0; i < m; ++i) {
            const double dx = ring[i].x - ring[a0].x;
            const double dy = ring[i].y - ring[a0].y;
            if (dx * dx + dy * dy > best) {
                best = dx * dx + dy * dy;
                far = i;
            }
        }
        anchors = {std::min(a0, far), std::max(a0, far)};
        if (anchors[0] == anchors[1]) {
            return;
        }
    }
    for (auto a : anchors) {
        keep[a] = true;
    }
    std::vector<std::size_t> idx;
    for (std::size_t a = 0; a < anchors.size(); ++a) {
        const std::size_t from = anchors[a];
        const std::size_t to = anchors[(a + 1) % anchors.size()];
        idx.clear();
        for (std::size_t i = from;; i = (i + 1) % m) {
            idx.push_back(i);
            if (i == to && idx.size() > 1) {
                break;
            }
        }
        dp(ring, idx, keep, tolerance * tolerance);
    }
    Path out;
    out.reserve(m + 1);
    for (std::size_t i = 0; i < m; ++i) {
        if (keep[i]) {
            out.push_back(ring[i]);
        }
    }
    out.push_back(out.front());
    ring = std::move(out);
}

}  // namespace kuril::tiles

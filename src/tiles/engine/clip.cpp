#include "tiles/engine/clip.hpp"

#include <algorithm>

namespace kuril::tiles {

namespace {

// One box edge: keep points with coord(axis) >= c (keep_above) or <= c.
struct Edge {
    int axis;
    double c;
    bool keep_above;
    [[nodiscard]] bool inside(const Pt& p) const {
        const double v = axis == 0 ? p.x : p.y;
        return keep_above ? v >= c : v <= c;
    }
    [[nodiscard]] Pt cut(Pt a, Pt b) const {
        if (b.x < a.x || (b.x == a.x && b.y < a.y)) {
            std::swap(a, b);  // canonical order: same result for a->b and b->a
        }
        Pt p;
        if (axis == 0) {
            const double t = (c - a.x) / (b.x - a.x);
            p = Pt{c, a.y + t * (b.y - a.y), true};
        } else {
            const double t = (c - a.y) / (b.y - a.y);
            p = Pt{a.x + t * (b.x - a.x), c, true};
        }
        return p;
    }
};

Path clip_ring_edge(const Path& in, const Edge& e) {
    Path out;
    if (in.size() < 4) {
        return out;
    }
    out.reserve(in.size() + 4);
    for (std::size_t i = 0; i + 1 < in.size(); ++i) {
        const Pt& a = in[i];
        const Pt& b = in[i + 1];
        const bool ia = e.inside(a);
        const bool ib = e.inside(b);
        if (ia) {
            out.push_back(a);
        }
        if (ia != ib) {
            out.push_back(e.cut(a, b));
        }
    }
    if (out.size() < 3) {
        return {};
    }
    out.push_back(out.front());
    return out;
}

std::vector<Path> clip_line_edge(const std::vector<Path>& lines, const Edge& e) {
    std::vector<Path> out;
    for (const auto& in : lines) {
        Path cur;
        for (std::size_t i = 0; i + 1 < in.size(); ++i) {
            const Pt& a = in[i];
            const Pt& b = in[i + 1];
            const bool ia = e.inside(a);
            const bool ib = e.inside(b);
            if (ia) {
                cur.push_back(a);
            }
            if (ia && !ib) {
                cur.push_back(e.cut(a, b));
                if (cur.size() >= 2) {
                    out.push_back(std::move(cur));
                }
                cur.clear();
            } else if (!ia && ib) {
                cur.push_back(e.cut(a, b));
            }
        }
        if (!in.empty() && e.inside(in.back())) {
            cur.push_back(in.back());
        }
        if (cur.size() >= 2) {
            out.push_back(std::move(cur));
        }
    }
    return out;
}

struct Bounds {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
};
Bounds bounds_of(const Path& p) {
    Bounds b;
    for (const auto& q : p) {
        b.x0 = std::min(b.x0, q.x);
        b.y0 = std::min(b.y0, q.y);
        b.x1 = std::max(b.x1, q.x);
        b.y1 = std::max(b.y1, q.y);
    }
    return b;
}
bool within(const Bounds& b, const Box& box) { return b.x0 >= box.x0 && b.x1 <= box.x1 && b.y0 >= box.y0 && b.y1 <= box.y1; }
bool disjoint(const Bounds& b, const Box& box) { return b.x1 < box.x0 || b.x0 > box.x1 || b.y1 < box.y0 || b.y0 > box.y1; }

const Edge* edges_of(const Box& box, Edge (&e)[4]) {
    e[0] = Edge{0, box.x0, true};
    e[1] = Edge{0, box.x1, false};
    e[2] = Edge{1, box.y0, true};
    e[3] = Edge{1, box.y1, false};
    return e;
}

}  // namespace

Path clip_ring(const Path& ring, const Box& box) {
    const Bounds b = bounds_of(ring);
    if (disjoint(b, box)) {
        return {};
    }
    if (within(b, box)) {
        return ring;
    }
    Edge e[4];
    edges_of(box, e);
    Path out = ring;
    for (const auto& edge : e) {
        out = clip_ring_edge(out, edge);
        if (out.empty()) {
            break;
        }
    }
    return out;
}

std::vector<Path> clip_line(const Path& line, const Box& box) {
    const Bounds b = bounds_of(line);
    if (disjoint(b, box)) {
        return {};
    }
    if (within(b, box)) {
        return {line};
    }
    Edge e[4];
    edges_of(box, e);
    std::vector<Path> out{line};
    for (const auto& edge : e) {
        out = clip_line_edge(out, edge);
    }
    return out;
}

PolygonPaths clip_polygon(const PolygonPaths& polygon, const Box& box) {
    PolygonPaths out;
    if (polygon.empty()) {
        return out;
    }
    Path ext = clip_ring(polygon.front(), box);
    if (ext.empty()) {
        return out;
    }
    out.push_back(std::move(ext));
    for (std::size_t i = 1; i < polygon.size(); ++i) {
        Path hole = clip_ring(polygon[i], box);
        if (!hole.empty()) {
            out.push_back(std::move(hole));
        }
    }
    return out;
}

Geometry clip_geometry(const Geometry& in, const Box& box) {
    Geometry out;
    for (const auto& p : in.points) {
        if (p.x >= box.x0 && p.x <= box.x1 && p.y >= box.y0 && p.y <= box.y1) {
            out.points.push_back(p);
        }
    }
    for (const auto& l : in.lines) {
        for (auto& part : clip_line(l, box)) {
            out.lines.push_back(std::move(part));
        }
    }
    for (const auto& poly : in.polygons) {
        auto c = clip_polygon(poly, box);
        if (!c.empty()) {
            out.polygons.push_back(std::move(c));
        }
    }
    return out;
}

Box tile_box(int z, std::uint32_t x, std::uint32_t y, std::uint32_t buffer, std::uint32_t extent) {
    const double s = 1.0 / static_cast<double>(1U << z);
    const double b = s * buffer / extent;
    return Box{x * s - b, y * s - b, (x + 1) * s + b, (y + 1) * s + b};
}

}  // namespace kuril::tiles

#include "tiles/engine/grid_union.hpp"

#include <clipper.hpp>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "tiles/engine/polygon_repair.hpp"

namespace kuril::tiles {

namespace {

namespace cl = ClipperLib;

// Clipper's paths are implicitly closed: the repeated last point left out.
cl::Path clipper_path(const IRing& ring) {
    cl::Path path;
    path.reserve(ring.size());
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) path.emplace_back(ring[i].x, ring[i].y);
    return path;
}

IRing grid_ring(const cl::Path& path, bool exterior) {
    IRing ring;
    ring.reserve(path.size() + 1);
    for (const auto& p : path) ring.push_back({static_cast<std::int32_t>(p.X), static_cast<std::int32_t>(p.Y)});
    if (ring.empty()) return ring;
    ring.push_back(ring.front());
    orient(ring, exterior);
    return ring;
}

std::uint64_t grid_key(const IPt& p) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(p.x)) << 32) | static_cast<std::uint32_t>(p.y);
}

// The clipper's result as polygons: each outer contour with its holes; islands inside a hole are
// polygons of their own.
void add_union_polygons(const cl::PolyNode& outer, std::vector<IPolygon>& out) {
    IPolygon poly{grid_ring(outer.Contour, true)};
    for (const cl::PolyNode* hole : outer.Childs) {
        poly.push_back(grid_ring(hole->Contour, false));
    }
    out.push_back(std::move(poly));
    for (const cl::PolyNode* hole : outer.Childs) {
        for (const cl::PolyNode* island : hole->Childs) add_union_polygons(*island, out);
    }
}

// Every vertex of the result that lies inside another edge made a vertex of that edge too, so rings
// touch only at shared vertices. A touch at an edge's interior is valid on the grid but not robust: a
// reader that maps tile coordinates to map units (GDAL's MVT reader does) can move the vertex across
// the edge by a rounding error and see the rings cross. On the integer grid an edge from a to b holds
// grid points only every (dx, dy) / gcd(dx, dy), so only those are looked up.
void node_touches(std::vector<IPolygon>& polys) {
    std::unordered_set<std::uint64_t> vertices;
    for (const auto& p : polys) {
        for (const auto& r : p) {
            for (const IPt& q : r) vertices.insert(grid_key(q));
        }
    }
    for (auto& p : polys) {
        for (auto& r : p) {
            IRing noded;
            noded.reserve(r.size());
            for (std::size_t i = 0; i + 1 < r.size(); ++i) {
                noded.push_back(r[i]);
                const std::int32_t dx = r[i + 1].x - r[i].x;
                const std::int32_t dy = r[i + 1].y - r[i].y;
                const std::int32_t g = std::gcd(dx, dy);  // of the absolute values
                for (std::int32_t k = 1; k < g; ++k) {
                    const IPt q{r[i].x + k * (dx / g), r[i].y + k * (dy / g)};
                    if (vertices.count(grid_key(q)) != 0) noded.push_back(q);
                }
            }
            noded.push_back(r.back());
            r = std::move(noded);
        }
    }
}

// A closed ring cut where it passes through a vertex again, into loops that do not (a loop of no
// area, a spike, is left out). OGC validity allows rings to touch each other at a point, but not
// themselves.
std::vector<IRing> loops_of(const IRing& ring) {
    std::vector<IRing> loops;
    std::vector<IPt> path;
    std::unordered_map<std::uint64_t, std::size_t> at;  // vertex -> its index in path
    at.reserve(ring.size());
    for (const IPt& p : ring) {
        const auto seen = at.find(grid_key(p));
        if (seen == at.end()) {
            at.emplace(grid_key(p), path.size());
            path.push_back(p);
            continue;
        }
        IRing loop(path.begin() + static_cast<std::ptrdiff_t>(seen->second), path.end());
        loop.push_back(p);
        for (std::size_t i = seen->second + 1; i < path.size(); ++i) at.erase(grid_key(path[i]));
        path.resize(seen->second + 1);
        if (loop.size() >= 4 && geom::signed_area(loop) != 0) loops.push_back(std::move(loop));
    }
    return loops;
}

// Whether p lies strictly inside the closed ring (crossing number, exact on the integer grid); nullopt
// when it lies on the ring.
std::optional<bool> inside(const IPt& p, const IRing& ring) {
    bool in = false;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const IPt& a = ring[i];
        const IPt& b = ring[i + 1];
        const std::int64_t cross = static_cast<std::int64_t>(b.x - a.x) * (p.y - a.y) -
                                   static_cast<std::int64_t>(p.x - a.x) * (b.y - a.y);
        if (cross == 0 && std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y &&
            p.y <= std::max(a.y, b.y)) {
            return std::nullopt;
        }
        if ((a.y > p.y) != (b.y > p.y) && ((cross > 0) == (b.y > a.y))) in = !in;
    }
    return in;
}

// Which of the exteriors holds the hole, judged by its first vertex not on that exterior: none when it
// lies outside them all (a pocket closed by exteriors that touch each other), nullopt when every
// vertex lies on an exterior's boundary, so the vertices cannot tell.
constexpr std::size_t no_exterior = static_cast<std::size_t>(-1);
std::optional<std::size_t> holder(const IRing& hole, const std::vector<IRing>& exteriors) {
    for (std::size_t e = 0; e < exteriors.size(); ++e) {
        std::optional<bool> in;
        for (const IPt& p : hole) {
            in = inside(p, exteriors[e]);
            if (in) break;
        }
        if (!in) return std::nullopt;
        if (*in) return e;
    }
    return no_exterior;
}

// A polygon of the clipper's output with every ring that touches itself cut into loops: an exterior's
// loops of its own orientation become exteriors (polygons touching at a point), the others holes
// touching it; a hole's loops of an exterior's orientation become islands in it. Each hole goes to the
// exterior loop that holds it, and is left out when it lies outside them all (it encloses nothing). The
// polygon as it was when a hole's vertices cannot tell.
std::vector<IPolygon> untouched(IPolygon poly) {
    std::vector<IRing> exteriors;
    std::vector<IRing> holes;
    std::vector<IPolygon> islands;
    for (std::size_t r = 0; r < poly.size(); ++r) {
        for (IRing& loop : loops_of(poly[r])) {
            const bool exterior = geom::signed_area(loop) > 0;
            if (exterior && r > 0) {
                islands.push_back({std::move(loop)});
            } else {
                (exterior ? exteriors : holes).push_back(std::move(loop));
            }
        }
    }
    if (exteriors.empty()) return {};
    std::vector<std::vector<IRing>> holes_of(exteriors.size());
    for (auto& h : holes) {
        const std::optional<std::size_t> e = exteriors.size() == 1 ? 0 : holder(h, exteriors);
        if (!e) return {std::move(poly)};
        if (*e != no_exterior) holes_of[*e].push_back(std::move(h));
    }
    std::vector<IPolygon> out = std::move(islands);
    for (std::size_t e = 0; e < exteriors.size(); ++e) {
        IPolygon p{std::move(exteriors[e])};
        for (auto& h : holes_of[e]) p.push_back(std::move(h));
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace

std::vector<IPolygon> grid_union(const std::vector<IPolygon>& polys) {
    cl::Paths exteriors;
    cl::Paths holes;
    for (const auto& poly : polys) {
        for (std::size_t r = 0; r < poly.size(); ++r) {
            // Each ring alone first, so the union below sees consistently oriented contours whatever way
            // the ring twists.
            cl::Paths area;
            cl::Clipper one;
            one.AddPath(clipper_path(poly[r]), cl::ptSubject, true);
            if (!one.Execute(cl::ctUnion, area, cl::pftNonZero, cl::pftNonZero)) return {};
            cl::Paths& into = r == 0 ? exteriors : holes;
            into.insert(into.end(), area.begin(), area.end());
        }
    }
    // Not Clipper's "strictly simple" output: its search for touching vertices is quadratic in the
    // vertices (a world z0-6 run took 204 s with it instead of 37); node_touches and untouched do that
    // work in about linear time.
    cl::Clipper clipper;
    clipper.AddPaths(exteriors, cl::ptSubject, true);
    clipper.AddPaths(holes, cl::ptClip, true);
    cl::PolyTree tree;
    if (!clipper.Execute(cl::ctDifference, tree, cl::pftNonZero, cl::pftNonZero)) return {};
    std::vector<IPolygon> union_polys;
    for (const cl::PolyNode* outer : tree.Childs) add_union_polygons(*outer, union_polys);
    node_touches(union_polys);
    std::vector<IPolygon> out;
    for (IPolygon& poly : union_polys) {
        for (IPolygon& p : untouched(std::move(poly))) out.push_back(std::move(p));
    }
    return out;
}

}  // namespace kuril::tiles

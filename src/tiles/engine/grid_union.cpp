#include "tiles/engine/grid_union.hpp"

#include <clipper.hpp>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <unordered_map>
#include <utility>

#include "tiles/engine/orientation.hpp"
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
// grid points only every (dx, dy) / gcd(dx, dy): each edge looks up those, or the vertices within its
// x-range (or on its row or column), whichever are fewer — a tile's clipped borders are long straight
// edges with thousands of grid points and few vertices.
class VertexIndex {
public:
    explicit VertexIndex(const std::vector<IPolygon>& polys) {
        for (const auto& p : polys) {
            for (const auto& r : p) by_x_.insert(by_x_.end(), r.begin(), r.end());
        }
        std::sort(by_x_.begin(), by_x_.end(), by_xy);
        by_x_.erase(std::unique(by_x_.begin(), by_x_.end()), by_x_.end());
        by_y_ = by_x_;
        std::sort(by_y_.begin(), by_y_.end(), by_yx);
    }

    // The vertices strictly inside the edge a-b, in order from a to b.
    void inside_edge(const IPt& a, const IPt& b, std::vector<IPt>& out) const {
        out.clear();
        const std::int32_t dx = b.x - a.x;
        const std::int32_t dy = b.y - a.y;
        const std::int32_t g = std::gcd(dx, dy);  // of the absolute values
        if (g <= 1) return;
        const auto lo_x = std::min(a.x, b.x), hi_x = std::max(a.x, b.x);
        const auto lo_y = std::min(a.y, b.y), hi_y = std::max(a.y, b.y);
        // Candidates: a column, a row, or the vertices strictly between the ends' x.
        const bool column = dx == 0;
        const bool row = dy == 0;
        const auto& list = row ? by_y_ : by_x_;
        const auto first = row ? std::upper_bound(list.begin(), list.end(), IPt{lo_x, a.y}, by_yx)
                               : std::upper_bound(list.begin(), list.end(), IPt{lo_x, column ? lo_y : INT32_MAX}, by_xy);
        const auto last = row ? std::lower_bound(first, list.end(), IPt{hi_x, a.y}, by_yx)
                              : std::lower_bound(first, list.end(), IPt{hi_x, column ? hi_y : INT32_MIN}, by_xy);
        if (last - first < g) {
            for (auto it = first; it != last; ++it) {
                if (cross(a, b, *it) == 0 && lo_y <= it->y && it->y <= hi_y) out.push_back(*it);
            }
            // In order from a: the lists run up x (or up y on a row); an edge running the other way reversed.
            if ((row ? dx : (column ? dy : dx)) < 0) std::reverse(out.begin(), out.end());
            return;
        }
        for (std::int32_t k = 1; k < g; ++k) {
            const IPt q{a.x + k * (dx / g), a.y + k * (dy / g)};
            if (std::binary_search(by_x_.begin(), by_x_.end(), q, by_xy)) out.push_back(q);
        }
    }

private:
    static bool by_xy(const IPt& p, const IPt& q) { return p.x < q.x || (p.x == q.x && p.y < q.y); }
    static bool by_yx(const IPt& p, const IPt& q) { return p.y < q.y || (p.y == q.y && p.x < q.x); }
    std::vector<IPt> by_x_;
    std::vector<IPt> by_y_;
};

void node_touches(std::vector<IPolygon>& polys) {
    const VertexIndex index(polys);
    std::vector<IPt> on_edge;
    for (auto& p : polys) {
        for (auto& r : p) {
            IRing noded;
            noded.reserve(r.size());
            for (std::size_t i = 0; i + 1 < r.size(); ++i) {
                noded.push_back(r[i]);
                index.inside_edge(r[i], r[i + 1], on_edge);
                noded.insert(noded.end(), on_edge.begin(), on_edge.end());
            }
            noded.push_back(r.back());
            r = std::move(noded);
        }
    }
}

// Whether the closed ring passes through a vertex twice (its closing point aside).
bool passes_twice(const IRing& ring) {
    if (ring.size() < 2) return false;
    std::vector<std::uint64_t> keys;
    keys.reserve(ring.size() - 1);
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) keys.push_back(grid_key(ring[i]));
    std::sort(keys.begin(), keys.end());
    return std::adjacent_find(keys.begin(), keys.end()) != keys.end();
}

// Whether every point of the ring lies on one line: a spike, or nothing.
bool flat(const IRing& ring) {
    for (std::size_t i = 1; i < ring.size(); ++i) {
        if (ring[i] == ring[0]) continue;
        for (std::size_t k = i + 1; k < ring.size(); ++k) {
            if (cross(ring[0], ring[i], ring[k]) != 0) return false;
        }
        return true;
    }
    return true;
}

// Keeps a loop that has area; one of no area is left out, and counted in `lost` unless it is flat.
void keep_loop(IRing loop, std::vector<IRing>& loops, bool& lost) {
    if (loop.size() >= 4 && geom::signed_area(loop) != 0) {
        loops.push_back(std::move(loop));
    } else if (!flat(loop)) {
        lost = true;  // a bow tie's lobes cancelling out: no area by the sum, yet not nothing
    }
}

// A closed ring cut where it passes through a vertex again, into loops that do not (a loop of no
// area, a spike, is left out: `lost` says when such a loop was not flat). OGC validity allows rings to
// touch each other at a point, but not themselves.
std::vector<IRing> loops_of(const IRing& ring, bool& lost) {
    std::vector<IRing> loops;
    if (!passes_twice(ring)) {  // most rings: one loop, the ring itself
        keep_loop(ring, loops, lost);
        return loops;
    }
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
        keep_loop(std::move(loop), loops, lost);
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
        const std::int64_t turn = cross(a, b, p);
        if (turn == 0 && std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y &&
            p.y <= std::max(a.y, b.y)) {
            return std::nullopt;
        }
        if ((a.y > p.y) != (b.y > p.y) && ((turn > 0) == (b.y > a.y))) in = !in;
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
// polygon as it was when a hole's vertices cannot tell. `lost` says when a loop with area was left out.
std::vector<IPolygon> untouched(IPolygon poly, bool& lost) {
    std::vector<IRing> exteriors;
    std::vector<IRing> holes;
    std::vector<IPolygon> islands;
    for (std::size_t r = 0; r < poly.size(); ++r) {
        for (IRing& loop : loops_of(poly[r], lost)) {
            const bool exterior = geom::signed_area(loop) > 0;
            if (exterior && r > 0) {
                islands.push_back({std::move(loop)});
            } else {
                (exterior ? exteriors : holes).push_back(std::move(loop));
            }
        }
    }
    if (exteriors.empty()) {
        lost = lost || !holes.empty() || !islands.empty();
        return {};
    }
    std::vector<std::vector<IRing>> holes_of(exteriors.size());
    for (auto& h : holes) {
        const std::optional<std::size_t> e = exteriors.size() == 1 ? 0 : holder(h, exteriors);
        if (!e) return {std::move(poly)};
        if (*e == no_exterior) {
            lost = true;
        } else {
            holes_of[*e].push_back(std::move(h));
        }
    }
    std::vector<IPolygon> out = std::move(islands);
    for (std::size_t e = 0; e < exteriors.size(); ++e) {
        IPolygon p{std::move(exteriors[e])};
        for (auto& h : holes_of[e]) p.push_back(std::move(h));
        out.push_back(std::move(p));
    }
    return out;
}

// The polygons noded at their touches and cut into loops (node_touches, untouched).
std::vector<IPolygon> untouched_polygons(std::vector<IPolygon> polys, bool& lost) {
    node_touches(polys);
    std::vector<IPolygon> out;
    for (IPolygon& poly : polys) {
        for (IPolygon& p : untouched(std::move(poly), lost)) out.push_back(std::move(p));
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
    bool lost = false;  // the clipper's output: what is left out encloses nothing (pockets outside, spikes)
    return untouched_polygons(std::move(union_polys), lost);
}

std::optional<std::vector<IPolygon>> cut_touches(std::vector<IPolygon> polys) {
    bool lost = false;
    std::vector<IPolygon> out = untouched_polygons(std::move(polys), lost);
    if (lost) return std::nullopt;
    return out;
}

}  // namespace kuril::tiles
